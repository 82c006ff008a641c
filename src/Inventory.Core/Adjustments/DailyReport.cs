using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>The adjustments of one business day and the unusual patterns among them.</summary>
/// <param name="Date">The business day.</param>
/// <param name="Start">The day's first instant in the business time zone.</param>
/// <param name="End">The next day's first instant (23 or 25 hours later on daylight-saving days).</param>
/// <param name="Count">The adjustments made in the day.</param>
/// <param name="NetUnits">Their signed units summed.</param>
/// <param name="Flags">The flags, ordered by kind and subject.</param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record DailyReport(
    LocalDate Date, Instant Start, Instant End, int Count, long NetUnits, IReadOnlyList<AuditFlag> Flags)
{
    /// <summary>Gets the length of the business day.</summary>
    public Duration Length => End - Start;
}
