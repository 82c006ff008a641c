using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// Classifies each finding of a report against the earlier daily reconciliations: one-off, recurring, growing or
/// resistant (rules in docs/variance.md). The order the earlier reports are given in never matters.
/// </summary>
/// <remarks>An instance holds only copied settings; <see cref="Apply"/> may run on several threads at once.</remarks>
public sealed class VarianceTrends
{
    /// <summary>1.645 squared, times 1,000,000: the one-sided 5% bound of the Mann-Kendall z statistic.</summary>
    private const long ZSquaredMillionths = 2_706_025;

    private readonly int _windowDays;
    private readonly int _recurringDays;
    private readonly Dictionary<Sku, LocalDate> _fixes;
    private readonly DateTimeZone _zone;

    /// <summary>Initializes the classification with validated settings.</summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <param name="zone">The business time zone that turns snapshot instants into business days.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="Ledger.InventoryOptionsException">Thrown when a setting is invalid.</exception>
    public VarianceTrends(TrendOptions options, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        options.Validate();
        _windowDays = options.WindowDays;
        _recurringDays = options.RecurringDays;
        _fixes = new Dictionary<Sku, LocalDate>(options.Fixes);
        _zone = zone;
    }

    /// <summary>Returns the report with each finding's trend set from the earlier reconciliations.</summary>
    /// <param name="report">Today's report.</param>
    /// <param name="history">Earlier reports in any order; those outside the window, or not before the report's
    /// business day, are ignored; of several on one day the latest counts.</param>
    /// <returns>A copy of the report whose findings carry their trend.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="VarianceInputException">
    /// Thrown when two earlier reports share the latest instant of a day.
    /// </exception>
    public VarianceReport Apply(VarianceReport report, IEnumerable<PastReconciliation> history)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(history);

        var today = report.AsOf.InZone(_zone).Date;
        var days = Days(history, today);

        return report with { Findings = [.. report.Findings.Select(f => f with { Trend = Classify(f, today, days) })] };
    }

    /// <summary>
    /// Tests a rising trend with the one-sided Mann-Kendall test at 5%: S is the sum of sign(x[j] - x[i]) over
    /// every i &lt; j, and the series rises when (S - 1) squared x 18 exceeds 1.645 squared x n(n - 1)(2n + 5).
    /// Ties are not corrected for, which only makes the test stricter. Whole-number arithmetic throughout.
    /// </summary>
    internal static bool Rising(IReadOnlyList<long> series)
    {
        long s = 0;
        for (var i = 0; i < series.Count; i++)
        {
            for (var j = i + 1; j < series.Count; j++)
            {
                s += series[j].CompareTo(series[i]);
            }
        }

        if (s <= 1)
        {
            return false;
        }

        Int128 n = series.Count;
        Int128 excess = s - 1;

        return excess * excess * 18 * 1_000_000 > ZSquaredMillionths * n * (n - 1) * ((2 * n) + 5);
    }

    private VarianceTrend Classify(
        VarianceFinding finding,
        LocalDate today,
        SortedDictionary<LocalDate, Dictionary<(Sku, LocationId), long>> days)
    {
        var series = new List<(LocalDate Day, bool Present, long Size)>();
        foreach (var (day, differences) in days)
        {
            var present = differences.TryGetValue((finding.Sku, finding.Location), out var difference);
            series.Add((day, present, present ? Math.Abs(difference) : 0));
        }

        series.Add((today, true, Math.Abs(finding.Difference)));
        if (_fixes.TryGetValue(finding.Sku, out var fixedOn)
            && series.Count(p => p.Present && p.Day > fixedOn) >= _recurringDays)
        {
            return VarianceTrend.Resistant;
        }

        if (Rising([.. series.Select(p => p.Size)]))
        {
            return VarianceTrend.Growing;
        }

        return series.Count(p => p.Present) >= _recurringDays ? VarianceTrend.Recurring : VarianceTrend.OneOff;
    }

    private SortedDictionary<LocalDate, Dictionary<(Sku, LocationId), long>> Days(
        IEnumerable<PastReconciliation> history,
        LocalDate today)
    {
        var first = today.PlusDays(1 - _windowDays);
        var latest = new Dictionary<LocalDate, (PastReconciliation Report, bool Twice)>();
        foreach (var past in history)
        {
            var day = past.AsOf.InZone(_zone).Date;
            if (day < first || day >= today)
            {
                continue;
            }

            if (!latest.TryGetValue(day, out var kept) || past.AsOf > kept.Report.AsOf)
            {
                latest[day] = (past, false);
            }
            else if (past.AsOf == kept.Report.AsOf)
            {
                latest[day] = (kept.Report, true);
            }
        }

        if (latest.Values.FirstOrDefault(k => k.Twice).Report is { } twice)
        {
            throw new VarianceInputException($"Two earlier reports share the as-of {twice.AsOf}; keep one of them.");
        }

        var days = new SortedDictionary<LocalDate, Dictionary<(Sku, LocationId), long>>();
        foreach (var (day, (past, _)) in latest)
        {
            days[day] = Differences(past);
        }

        return days;
    }

    private static Dictionary<(Sku, LocationId), long> Differences(PastReconciliation past)
    {
        var differences = new Dictionary<(Sku, LocationId), long>();
        foreach (var finding in past.Findings)
        {
            if (!differences.TryAdd((finding.Sku, finding.Location), finding.Difference))
            {
                throw new VarianceInputException(
                    $"The report as of {past.AsOf} lists {finding.Sku} at {finding.Location} more than once.");
            }
        }

        return differences;
    }
}
