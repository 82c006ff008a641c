using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>An order line seen by one system: placed in the channel, or received by the warehouse.</summary>
/// <param name="Id">The event's own id.</param>
/// <param name="System">The system that deducted the units.</param>
/// <param name="OrderId">The order id both systems share; events with the same id and SKU are matched.</param>
/// <param name="Sku">The SKU sold.</param>
/// <param name="Location">The location it was sold from.</param>
/// <param name="Quantity">The units sold; positive.</param>
/// <param name="At">When the system deducted the units.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public sealed record OrderEvent(
    string Id,
    VarianceSystem System,
    string OrderId,
    Sku Sku,
    LocationId Location,
    long Quantity,
    Instant At) : VarianceEvent(Id, Sku, Location, At)
{
    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        RequireSystem(System);
        RequireText(OrderId, nameof(OrderId));
        RequirePositive(Quantity, nameof(Quantity));
    }
}
