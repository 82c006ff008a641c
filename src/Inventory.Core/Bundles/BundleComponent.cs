using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>One child of a bundle: a SKU and the whole number of its units that one parent unit holds.</summary>
/// <param name="Sku">The child SKU; it may itself be a bundle.</param>
/// <param name="Quantity">Units of the child per parent unit; positive.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct BundleComponent(Sku Sku, long Quantity)
{
    /// <summary>Returns "quantity x SKU".</summary>
    /// <returns>The component as text.</returns>
    public override string ToString() => $"{Quantity} x {Sku}";
}
