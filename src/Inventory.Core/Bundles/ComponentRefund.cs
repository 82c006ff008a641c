using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>What one returned component line puts back, where, and what it refunds.</summary>
/// <param name="Sku">The component SKU.</param>
/// <param name="Quantity">Units restocked.</param>
/// <param name="Bucket">The on-hand state they are restocked into.</param>
/// <param name="Refund">The refund for these units, in whole minor units of the sale's currency.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ComponentRefund(Sku Sku, long Quantity, StockBucket Bucket, decimal Refund);
