using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>The channel's count set from a warehouse read: <see cref="Value"/> read at <see cref="ReadAt"/>.</summary>
/// <param name="Id">The event's own id.</param>
/// <param name="Sku">The SKU whose channel count was set.</param>
/// <param name="Location">The location whose channel count was set.</param>
/// <param name="Value">The count written to the channel.</param>
/// <param name="ReadAt">When the warehouse was read.</param>
/// <param name="At">When the channel was written.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public sealed record SyncWrite(
    string Id,
    Sku Sku,
    LocationId Location,
    long Value,
    Instant ReadAt,
    Instant At) : VarianceEvent(Id, Sku, Location, At)
{
    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (ReadAt > At)
        {
            throw new VarianceInputException($"Event '{Id}': ReadAt {ReadAt} is after the write at {At}.");
        }
    }
}
