using Inventory.Core.Stock;

namespace Inventory.Core.Orders;

/// <summary>Units of one order line that shipped.</summary>
/// <param name="LineId">The order line.</param>
/// <param name="Quantity">Units shipped; positive.</param>
/// <param name="Location">The location they shipped from; null takes them from the line's locations in order.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record FulfilmentLine(string LineId, long Quantity, LocationId? Location = null);
