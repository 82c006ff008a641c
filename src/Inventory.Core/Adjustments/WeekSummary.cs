using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>One week of the weekly review.</summary>
/// <param name="Week">The week's name: an ISO week such as 2010-W49, or "week of" its first day.</param>
/// <param name="Start">The week's first day.</param>
/// <param name="Count">The adjustments made in the week.</param>
/// <param name="NetUnits">Their signed units summed.</param>
/// <param name="WithoutReason">The adjustments without a reason.</param>
/// <param name="ByReason">Per reason code ("(none)" for no reason), most adjustments first.</param>
/// <param name="ByRootCause">Per root cause (see <see cref="RootCause"/>), most adjustments first.</param>
/// <param name="ByOperator">Per operator ("(unknown)" when not known), most adjustments first.</param>
/// <param name="BySku">Per SKU, most adjustments first.</param>
/// <param name="CountChange">The change in adjustments against the week before; null for the first week.</param>
/// <param name="NetUnitsChange">The change in net units against the week before; null for the first week.</param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record WeekSummary(
    string Week,
    LocalDate Start,
    int Count,
    long NetUnits,
    int WithoutReason,
    IReadOnlyList<Tally> ByReason,
    IReadOnlyList<Tally> ByRootCause,
    IReadOnlyList<Tally> ByOperator,
    IReadOnlyList<Tally> BySku,
    int? CountChange,
    long? NetUnitsChange);
