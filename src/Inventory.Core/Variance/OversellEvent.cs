using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// An order line the channel accepted with fewer units available than it sold; read by the weekly indicators only.
/// </summary>
/// <param name="Id">The event's own id.</param>
/// <param name="OrderId">The order that oversold.</param>
/// <param name="Sku">The SKU oversold.</param>
/// <param name="Location">The location it was sold from.</param>
/// <param name="Quantity">The units sold beyond what was available; positive.</param>
/// <param name="At">When the order was accepted.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public sealed record OversellEvent(
    string Id,
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
        RequireText(OrderId, nameof(OrderId));
        RequirePositive(Quantity, nameof(Quantity));
    }
}
