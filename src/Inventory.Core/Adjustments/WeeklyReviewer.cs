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
    /// <returns>
    /// The week's first day; the calendar's first date (-9998-01-01) for a week that starts before the calendar.
    /// </returns>
    public LocalDate WeekOf(LocalDate date)
    {
        var back = ((int)date.DayOfWeek - (int)_weekStart + 7) % 7;
        var daysAvailable = Period.Between(LocalDate.MinIsoValue, date, PeriodUnits.Days).Days;

        return back <= daysAvailable ? date.PlusDays(-back) : LocalDate.MinIsoValue;
    }

    /// <summary>Reviews every week from the first to the last adjustment (empty weeks between included).</summary>
    /// <param name="adjustments">
    /// Adjustments in any order, each at an instant whose local date in the zone lies in the ISO calendar
    /// (-9998-01-01 to 9999-12-31); the calendar's first week starts on its first date.
    /// </param>
    /// <returns>One summary per week, oldest first; empty when there are no adjustments.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="adjustments"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when an adjustment's instant falls on a local date outside the calendar: near the first instant in a
    /// zone west of Greenwich, or near the last instant in a zone east of it.
    /// </exception>
    public IReadOnlyList<WeekSummary> Review(IEnumerable<AuditedAdjustment> adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        var byWeek = adjustments
            .GroupBy(a => WeekOf(LocalDateOf(a)))
            .ToDictionary(g => g.Key, g => g.ToList());
        if (byWeek.Count == 0)
        {
            return [];
        }

        var weeks = new List<WeekSummary>();
        WeekSummary? previous = null;
        var last = byWeek.Keys.Max();

        // The week after the last may begin past the calendar's last date, so the walk ends before stepping to it.
        for (var week = byWeek.Keys.Min(); ; week = WeekOf(week.PlusDays(7)))
        {
            var summary = Summarise(week, byWeek.GetValueOrDefault(week) ?? [], previous);
            weeks.Add(summary);
            previous = summary;
            if (week == last)
            {
                return weeks;
            }
        }
    }

    private LocalDate LocalDateOf(AuditedAdjustment adjustment)
    {
        var at = adjustment.At;
        var offset = _zone.GetUtcOffset(at);
        var room = offset.Seconds >= 0 ? Instant.MaxValue - at : at - Instant.MinValue;
        if (room < Duration.FromSeconds(Math.Abs(offset.Seconds)))
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The adjustment of {0} at {1} falls on a local date outside the calendar in {2} (offset {3}); "
                    + "the review reads local dates from -9998-01-01 to 9999-12-31.",
                    adjustment.Sku,
                    at,
                    _zone.Id,
                    offset),
                "adjustments");
        }

        return at.InZone(_zone).Date;
    }

    private WeekSummary Summarise(LocalDate week, List<AuditedAdjustment> items, WeekSummary? previous)
    {
        var net = Net(items);

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
            return "week of " + week.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        }

        var rule = WeekYearRules.Iso;

        return string.Create(
            CultureInfo.InvariantCulture, $"{rule.GetWeekYear(week)}-W{rule.GetWeekOfWeekYear(week):00}");
    }

    /// <summary>
    /// The net units of some adjustments, summed in 128 bits so that the answer does not depend on their order: a
    /// total that fits in 64 bits is returned even when a running sum in another order would not have fitted.
    /// </summary>
    /// <exception cref="OverflowException">Thrown when the total itself does not fit in 64 bits.</exception>
    private static long Net(IEnumerable<AuditedAdjustment> items)
    {
        Int128 total = 0;
        foreach (var item in items)
        {
            total += item.Quantity;
        }

        return checked((long)total);
    }

    private static IReadOnlyList<Tally> Tallies(List<AuditedAdjustment> items, Func<AuditedAdjustment, string> key) =>
        items
            .GroupBy(key, StringComparer.Ordinal)
            .Select(g => new Tally(g.Key, g.Count(), Net(g)))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
}
