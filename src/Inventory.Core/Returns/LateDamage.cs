using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Returns;

/// <summary>A damage reported on a business day whose units were not all out of available by that day's end.</summary>
/// <param name="Key">The SKU and location.</param>
/// <param name="IdempotencyKey">The key of the command that reported the damage.</param>
/// <param name="Reference">The report or document, if any.</param>
/// <param name="ReportedAt">When the damage was reported.</param>
/// <param name="Reported">Units reported damaged.</param>
/// <param name="MovedInTime">Units moved into damaged before the end of the local day of the report.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record LateDamage(
    PositionKey Key, string IdempotencyKey, string? Reference, Instant ReportedAt, long Reported, long MovedInTime)
{
    /// <summary>Gets the units still counted as available at the end of the day.</summary>
    public long Late => checked(Reported - MovedInTime);
}
