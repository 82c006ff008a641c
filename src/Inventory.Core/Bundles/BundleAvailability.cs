using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>How many units of a bundle can be assembled, and which component runs out first.</summary>
/// <param name="Bundle">The bundle SKU.</param>
/// <param name="Location">The location; null for a figure pooled over a location set.</param>
/// <param name="Quantity">Whole bundles available; never negative.</param>
/// <param name="Limiting">The component that allows the fewest bundles (first in ordinal order on a tie).</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record BundleAvailability(Sku Bundle, LocationId? Location, long Quantity, Sku Limiting);
