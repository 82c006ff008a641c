using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>Units of one component of a sold bundle line coming back.</summary>
/// <param name="Sku">The component SKU, a leaf of the bundle as sold.</param>
/// <param name="Quantity">Units coming back; positive.</param>
/// <param name="Condition">The state they come back in.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ReturnedComponent(
    Sku Sku, long Quantity, ComponentCondition Condition = ComponentCondition.Sellable);
