using System.Globalization;
using NodaTime;
using NodaTime.Calendars;

namespace Inventory.Core.Adjustments;

/// <summary>Sums adjustments per week by reason, root cause, operator and SKU, with the week-over-week trend.</summary>
/// <remarks>Immutable once built and safe to share between threads.</remarks>
public sealed class WeeklyReviewer
{
    private readonly DateTimeZone _zone;
    private readonly IsoDayOfWeek _weekStart;
    private readonly Dictionary<string, RootCause> _causes;

    /// <summary>Initializes a reviewer.</summary>
    /// <param name="zone">The business time zone: weeks start at its midnight.</param>
    /// <param name="options">Week start and root causes; the defaults when null.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="zone"/> is null.</exception>
    /// <exception cref="AdjustmentPolicyException">
    /// Thrown when the week start or a root cause is not defined.
    /// </exception>
    public WeeklyReviewer(DateTimeZone zone, WeeklyReviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        options ??= new WeeklyReviewOptions();
        var problems = new List<string>();
        if (options.WeekStart is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            problems.Add($"WeekStart {(int)options.WeekStart} is not a day of the week.");
        }

        problems.AddRange(options.RootCauses
            .Where(pair => !Enum.IsDefined(pair.Value))
            .Select(pair => $"Root cause {(int)pair.Value} of reason '{pair.Key}' is not defined."));
        if (problems.Count > 0)
        {
            throw new AdjustmentPolicyException(problems);
        }

        _zone = zone;
        _weekStart = options.WeekStart;
        _causes = new Dictionary<string, RootCause>(options.RootCauses, StringComparer.Ordinal);
    }

    /// <summary>Gets the root cause a reason code most likely patches.</summary>
    /// <param name="reasonCode">The code; null for no reason.</param>
    /// <returns>The root cause; unlogged adjustments for a code the mapping does not list.</returns>
    public RootCause CauseOf(string? reasonCode) =>
        _causes.TryGetValue(reasonCode ?? WeeklyReviewOptions.NoReason, out var cause)
            ? cause
            : RootCause.UnloggedAdjustments;

    /// <summary>Gets the first day of the week that holds <paramref name="date"/>.</summary>
    /// <param name="date">A day.</param>
    /// <returns>The week's first day.</returns>
    public LocalDate WeekOf(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(_weekStart));

    /// <summary>Reviews every week from the first to the last adjustment (empty weeks between included).</summary>
    /// <param name="adjustments">Adjustments in any order.</param>
    /// <returns>One summary per week, oldest first; empty when there are no adjustments.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="adjustments"/> is null.</exception>
    public IReadOnlyList<WeekSummary> Review(IEnumerable<AuditedAdjustment> adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        var byWeek = adjustments
            .GroupBy(a => WeekOf(a.At.InZone(_zone).Date))
            .ToDictionary(g => g.Key, g => g.ToList());
        if (byWeek.Count == 0)
        {
            return [];
        }

        var weeks = new List<WeekSummary>();
        WeekSummary? previous = null;
        for (var week = byWeek.Keys.Min(); week <= byWeek.Keys.Max(); week = week.PlusWeeks(1))
        {
            var summary = Summarise(week, byWeek.GetValueOrDefault(week) ?? [], previous);
            weeks.Add(summary);
            previous = summary;
        }

        return weeks;
    }

    private WeekSummary Summarise(LocalDate week, List<AuditedAdjustment> items, WeekSummary? previous)
    {
        var net = items.Aggregate(0L, (sum, a) => checked(sum + a.Quantity));

        return new WeekSummary(
            Name(week),
            week,
            items.Count,
            net,
            items.Count(a => a.ReasonCode is null),
            Tallies(items, a => a.ReasonCode ?? WeeklyReviewOptions.NoReason),
            Tallies(items, a => CauseOf(a.ReasonCode).ToString()),
            Tallies(items, a => a.Operator ?? "(unknown)"),
            Tallies(items, a => a.Sku),
            previous is null ? null : items.Count - previous.Count,
            previous is null ? null : checked(net - previous.NetUnits));
    }

    private string Name(LocalDate week)
    {
        if (_weekStart != IsoDayOfWeek.Monday)
        {
            return "week of " + week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var rule = WeekYearRules.Iso;

        return string.Create(
            CultureInfo.InvariantCulture, $"{rule.GetWeekYear(week)}-W{rule.GetWeekOfWeekYear(week):00}");
    }

    private static IReadOnlyList<Tally> Tallies(List<AuditedAdjustment> items, Func<AuditedAdjustment, string> key) =>
        items
            .GroupBy(key, StringComparer.Ordinal)
            .Select(g => new Tally(g.Key, g.Count(), g.Aggregate(0L, (sum, a) => checked(sum + a.Quantity))))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
}
