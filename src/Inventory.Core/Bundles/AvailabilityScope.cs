namespace Inventory.Core.Bundles;

/// <summary>How the stock of several locations counts towards a bundle.</summary>
/// <remarks>
/// Storefronts that ship a kit from one place (Shopify's per-location figures, Odoo's per-warehouse kit
/// availability) use <see cref="PerLocation"/>; a sales channel that sums a set of locations (Magento MSI's stock
/// over its sources, Medusa's sales-channel stock) uses <see cref="Pooled"/>.
/// </remarks>
public enum AvailabilityScope
{
    /// <summary>Every component comes from the same location: one figure per location.</summary>
    PerLocation = 1,

    /// <summary>Each component's units are summed over the location set first: one figure for the set.</summary>
    Pooled = 2,
}
