using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>One component of a bundle as a system deducted it.</summary>
/// <param name="Sku">The component SKU.</param>
/// <param name="QuantityPerBundle">Units of the component in one bundle; positive.</param>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public readonly record struct BundleComponent(Sku Sku, long QuantityPerBundle);
