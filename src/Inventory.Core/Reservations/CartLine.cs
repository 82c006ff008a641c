using Inventory.Core.Stock;

namespace Inventory.Core.Reservations;

/// <summary>One line of a cart to reserve.</summary>
/// <param name="LineId">The line's id within the cart.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units to hold; positive.</param>
/// <param name="Location">The location to hold them at; null lets the allocation strategy choose.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record CartLine(string LineId, Sku Sku, long Quantity, LocationId? Location = null);
