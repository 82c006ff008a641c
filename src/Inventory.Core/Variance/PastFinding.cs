using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>A finding of an earlier reconciliation: where, and by how much, the systems differed.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="Difference">The channel count less the warehouse count on that day.</param>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public readonly record struct PastFinding(Sku Sku, LocationId Location, long Difference);
