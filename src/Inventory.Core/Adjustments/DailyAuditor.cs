using System.Globalization;
using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>Builds the daily report of adjustments for a business day in a time zone.</summary>
/// <remarks>Immutable once built and safe to share between threads.</remarks>
public sealed class DailyAuditor
{
    private static readonly LocalDate FirstDate = LocalDate.MinIsoValue.PlusDays(1);
    private static readonly LocalDate LastDate = LocalDate.MaxIsoValue.PlusDays(-1);

    private readonly DailyAuditOptions _options;
    private readonly DateTimeZone _zone;

    /// <summary>Initializes an auditor after checking every option.</summary>
    /// <param name="zone">The business time zone: days start at its midnight.</param>
    /// <param name="options">The thresholds; the defaults when null.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="zone"/> is null.</exception>
    /// <exception cref="AdjustmentPolicyException">Thrown when an option is invalid; lists every problem.</exception>
    public DailyAuditor(DateTimeZone zone, DailyAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        options ??= new DailyAuditOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new AdjustmentPolicyException(problems);
        }

        _zone = zone;
        _options = Copy(options);
    }

    /// <summary>Reports one business day.</summary>
    /// <param name="adjustments">Adjustments in any order; those before the day feed the operators' baselines.</param>
    /// <param name="date">
    /// The business day: any date of the ISO calendar except its first and last (-9998-01-01 and 9999-12-31), whose
    /// local day can begin or end outside the instants NodaTime represents, depending on the zone. A baseline window
    /// reaching back before the calendar's first date starts at the first instant (<see cref="Instant.MinValue"/>).
    /// </param>
    /// <returns>The day's figures and flags.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="adjustments"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Thrown when <paramref name="date"/> is the calendar's first or last date.
    /// </exception>
    public DailyReport Report(IReadOnlyList<AuditedAdjustment> adjustments, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        if (date < FirstDate || date > LastDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, Text(
                $"The daily report covers the dates from {FirstDate:uuuu-MM-dd} to {LastDate:uuuu-MM-dd} (was ",
                $"{date:uuuu-MM-dd}): the calendar's first and last days may lie partly outside NodaTime's instants."));
        }

        var start = date.AtStartOfDayInZone(_zone).ToInstant();
        var end = date.PlusDays(1).AtStartOfDayInZone(_zone).ToInstant();
        var baselineStart = BaselineStart(date);
        var day = new List<AuditedAdjustment>();
        var baseline = new Dictionary<string, int>(StringComparer.Ordinal);

        // Summed wide so that only a total beyond 64 bits fails, never a partial sum that depends on the order.
        Int128 net = 0;
        foreach (var adjustment in adjustments)
        {
            if (adjustment.At >= start && adjustment.At < end)
            {
                day.Add(adjustment);
                net += adjustment.Quantity;
            }
            else if (adjustment.At >= baselineStart && adjustment.At < start && adjustment.Operator is { } who)
            {
                baseline[who] = baseline.GetValueOrDefault(who) + 1;
            }
        }

        day.Sort(Chronological);
        var flags = new List<AuditFlag>();
        FlagOperators(day, baseline, flags);
        FlagSkus(day, flags);
        FlagHours(day, flags);
        FlagMagnitudes(day, flags);
        FlagUnexplained(day, flags);

        // A stable sort: flags of one kind and subject stay in the day's order.
        var ordered = flags.OrderBy(f => f.Kind).ThenBy(f => f.Subject, StringComparer.Ordinal).ToList();

        return new DailyReport(date, start, end, day.Count, checked((long)net), ordered);
    }

    private void FlagOperators(List<AuditedAdjustment> day, Dictionary<string, int> baseline, List<AuditFlag> flags)
    {
        var counts = day.Where(a => a.Operator is not null).CountBy(a => a.Operator!, StringComparer.Ordinal);
        foreach (var (who, count) in counts)
        {
            var before = baseline.GetValueOrDefault(who);

            // Above factor x (before / days), kept in whole numbers: count x days > factor x before.
            if (count >= _options.OperatorMinimum
                && (long)count * _options.BaselineDays > (long)_options.OperatorRateFactor * before)
            {
                var rate = (double)before / _options.BaselineDays;
                flags.Add(new AuditFlag(
                    AuditFlagKind.OperatorAboveBaseline,
                    who,
                    Text($"{count} adjustments today against a baseline of {rate:0.##} a day over the ",
                        $"{_options.BaselineDays} days before (flagged above {_options.OperatorRateFactor}x).")));
            }
        }
    }

    private void FlagSkus(List<AuditedAdjustment> day, List<AuditFlag> flags)
    {
        foreach (var group in day.GroupBy(a => a.Sku, StringComparer.Ordinal))
        {
            var items = group.ToList();
            FlagRepeats(group.Key, items, flags);
            FlagFlips(group.Key, items, flags);
        }
    }

    private void FlagRepeats(string sku, List<AuditedAdjustment> items, List<AuditFlag> flags)
    {
        var (best, first) = (0, 0);
        for (int lo = 0, hi = 0; hi < items.Count; hi++)
        {
            while (items[hi].At - items[lo].At > _options.RepeatWindow)
            {
                lo++;
            }

            if (hi - lo + 1 > best)
            {
                (best, first) = (hi - lo + 1, lo);
            }
        }

        if (best >= _options.RepeatCount)
        {
            var last = first + best - 1;
            flags.Add(new AuditFlag(
                AuditFlagKind.RepeatedSku,
                sku,
                Text($"{best} adjustments between {Local(items[first].At)} and {Local(items[last].At)} ",
                    $"(flagged at {_options.RepeatCount} within {Hours(_options.RepeatWindow)}).")));
        }
    }

    private void FlagFlips(string sku, List<AuditedAdjustment> items, List<AuditFlag> flags)
    {
        if (items.Count < 2)
        {
            return;
        }

        var pairs = Reversals.Find(items, _options.FlipWindow)
            .Select(r => Text($"{Signed(r.Before.Units)} at {Local(r.Before.At)} then ",
                $"{Signed(r.After.Units)} at {Local(r.After.At)}"))
            .ToList();
        if (pairs.Count > 0)
        {
            flags.Add(new AuditFlag(
                AuditFlagKind.Flip,
                sku,
                Text(
                    $"{pairs.Count} reversal(s) within {Hours(_options.FlipWindow)}: ",
                    $"{string.Join("; ", pairs.Take(5))}.")));
        }
    }

    private void FlagHours(List<AuditedAdjustment> day, List<AuditFlag> flags)
    {
        var outside = day
            .Where(a => !IsWorkingTime(a.At))
            .GroupBy(a => a.Operator ?? "(unknown)", StringComparer.Ordinal);
        foreach (var group in outside)
        {
            var items = group.ToList();
            var shown = string.Join(
                "; ", items.Take(5).Select(a => Text($"{Local(a.At)} {a.Sku} {a.Quantity:+#;-#;0}")));
            flags.Add(new AuditFlag(
                AuditFlagKind.OutsideWorkingHours,
                group.Key,
                Text(
                    $"{items.Count} adjustment(s) outside ",
                    $"{_options.WorkdayStart:HH:mm}-{_options.WorkdayEnd:HH:mm}: {shown}.")));
        }
    }

    private void FlagMagnitudes(List<AuditedAdjustment> day, List<AuditFlag> flags)
    {
        foreach (var a in day.Where(a => Math.Abs((decimal)a.Quantity) > _options.LargeUnits))
        {
            flags.Add(new AuditFlag(
                AuditFlagKind.LargeMagnitude,
                a.Sku,
                Text($"{a.Quantity:+#;-#;0} units at {Local(a.At)} by {a.Operator ?? "(unknown)"}, reason ",
                    $"{a.ReasonCode ?? "(none)"} (flagged above {_options.LargeUnits}).")));
        }
    }

    private void FlagUnexplained(List<AuditedAdjustment> day, List<AuditFlag> flags)
    {
        var unexplained = day.Count(a => a.IsUnexplained);
        if (day.Count >= _options.UnexplainedMinimum
            && (long)unexplained * 100 > (long)_options.UnexplainedSharePercent * day.Count)
        {
            flags.Add(new AuditFlag(
                AuditFlagKind.UnexplainedShare,
                "day",
                Text($"{unexplained} of {day.Count} adjustments ({unexplained * 100.0 / day.Count:0.#}%) have reason ",
                    $"'other' or none (flagged above {_options.UnexplainedSharePercent}%).")));
        }
    }

    private Instant BaselineStart(LocalDate date)
    {
        var daysAvailable = Period.Between(LocalDate.MinIsoValue, date, PeriodUnits.Days).Days;

        // The calendar's first date may start before the first instant (zones east of Greenwich), so a window that
        // reaches back to it starts at the first instant; instants before that date's local midnight elsewhere
        // belong to no business day, and the window takes them too.
        return _options.BaselineDays < daysAvailable
            ? date.PlusDays(-_options.BaselineDays).AtStartOfDayInZone(_zone).ToInstant()
            : Instant.MinValue;
    }

    private bool IsWorkingTime(Instant at)
    {
        var time = at.InZone(_zone).TimeOfDay;

        return time >= _options.WorkdayStart && time < _options.WorkdayEnd;
    }

    private string Local(Instant at) => at.InZone(_zone).LocalDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    // Rows at one instant have no order of their own; every field breaks the tie, so that the report reads the same
    // whatever order the rows came in (rows equal in every field are interchangeable).
    private static int Chronological(AuditedAdjustment a, AuditedAdjustment b)
    {
        var order = a.At.CompareTo(b.At);
        order = order != 0 ? order : string.CompareOrdinal(a.Sku, b.Sku);
        order = order != 0 ? order : a.Quantity.CompareTo(b.Quantity);
        order = order != 0 ? order : string.CompareOrdinal(a.ReasonCode, b.ReasonCode);

        return order != 0 ? order : string.CompareOrdinal(a.Operator, b.Operator);
    }

    private static string Signed(Int128 units) =>
        units > 0 ? "+" + units.ToString(CultureInfo.InvariantCulture) : units.ToString(CultureInfo.InvariantCulture);

    private static string Hours(Duration window) => Text($"{window.TotalHours:0.##}h");

    private static string Text(FormattableString text, FormattableString? more = null) =>
        text.ToString(CultureInfo.InvariantCulture) + more?.ToString(CultureInfo.InvariantCulture);

    private static DailyAuditOptions Copy(DailyAuditOptions o) => new()
    {
        BaselineDays = o.BaselineDays,
        OperatorRateFactor = o.OperatorRateFactor,
        OperatorMinimum = o.OperatorMinimum,
        RepeatCount = o.RepeatCount,
        RepeatWindow = o.RepeatWindow,
        FlipWindow = o.FlipWindow,
        WorkdayStart = o.WorkdayStart,
        WorkdayEnd = o.WorkdayEnd,
        LargeUnits = o.LargeUnits,
        UnexplainedSharePercent = o.UnexplainedSharePercent,
        UnexplainedMinimum = o.UnexplainedMinimum,
    };
}
