using Inventory.Core.Stock;

namespace Inventory.Core.Orders;

/// <summary>A line of an order placed in another channel.</summary>
/// <param name="LineId">The line's id within the order.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location the channel assigned.</param>
/// <param name="Quantity">Units ordered; positive.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ExternalOrderLine(string LineId, Sku Sku, LocationId Location, long Quantity);
