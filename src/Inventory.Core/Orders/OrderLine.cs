using Inventory.Core.Stock;

namespace Inventory.Core.Orders;

/// <summary>The part of one order line allocated to one location, and how much of it shipped or was
/// cancelled.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="LineId">The order line.</param>
/// <param name="Key">The SKU and the location the units ship from.</param>
/// <param name="Ordered">Units committed to the order at this location.</param>
/// <param name="Fulfilled">Units shipped.</param>
/// <param name="Cancelled">Units released by a cancellation.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record OrderLine(
    string OrderId, string LineId, PositionKey Key, long Ordered, long Fulfilled, long Cancelled)
{
    /// <summary>Gets the units still committed: ordered less fulfilled and cancelled.</summary>
    public long Open => checked(Ordered - Fulfilled - Cancelled);
}
