using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>A bundle sold, with the composition the recording system deducted.</summary>
/// <param name="Id">The event's own id.</param>
/// <param name="System">The system that deducted the stock.</param>
/// <param name="OrderId">The order id both systems share.</param>
/// <param name="Sku">The bundle (parent) SKU.</param>
/// <param name="Location">The location it was sold from.</param>
/// <param name="Quantity">Bundles sold; positive.</param>
/// <param name="Components">
/// The components the system deducted; empty when it deducted the parent SKU only.
/// </param>
/// <param name="At">When the system deducted the stock.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public sealed record BundleSale(
    string Id,
    VarianceSystem System,
    string OrderId,
    Sku Sku,
    LocationId Location,
    long Quantity,
    IReadOnlyList<BundleComponent> Components,
    Instant At) : VarianceEvent(Id, Sku, Location, At)
{
    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        RequireSystem(System);
        RequireText(OrderId, nameof(OrderId));
        RequirePositive(Quantity, nameof(Quantity));
        if (Components is null)
        {
            throw new VarianceInputException($"Event '{Id}': Components must not be null.");
        }

        foreach (var component in Components)
        {
            RequirePositive(component.QuantityPerBundle, $"QuantityPerBundle of '{component.Sku}'");
            if ((Int128)Quantity * component.QuantityPerBundle > long.MaxValue)
            {
                throw new VarianceInputException(
                    $"Event '{Id}': {Quantity} bundles of {component.QuantityPerBundle} '{component.Sku}' each " +
                    "come to more units than 64 bits hold.");
            }
        }
    }
}
