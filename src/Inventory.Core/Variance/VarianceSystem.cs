namespace Inventory.Core.Variance;

/// <summary>Names the system an event happened in or a count comes from.</summary>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public enum VarianceSystem
{
    /// <summary>The sales channel (a storefront such as Shopify).</summary>
    Channel = 0,

    /// <summary>The warehouse management system that counts the physical stock.</summary>
    Warehouse = 1,
}
