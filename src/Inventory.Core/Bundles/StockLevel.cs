using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>The new available units of one component, as a stock event leaves them.</summary>
/// <param name="Sku">The component SKU.</param>
/// <param name="Available">Its available units now; a negative figure counts as zero.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct StockLevel(Sku Sku, long Available);
