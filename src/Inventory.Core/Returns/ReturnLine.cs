using Inventory.Core.Stock;

namespace Inventory.Core.Returns;

/// <summary>One line of a return at its return location: expected, received and released units.</summary>
/// <param name="ReturnId">The return (or, for a refund restock, <c>refund:</c> and the order id).</param>
/// <param name="LineId">The return line (for a refund restock, the order line).</param>
/// <param name="Key">The SKU and the location the units come back to.</param>
/// <param name="Expected">Units announced as coming back.</param>
/// <param name="Received">Units that arrived, whatever their condition.</param>
/// <param name="Released">Units no longer expected because the return was cancelled or expired.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ReturnLine(
    string ReturnId, string LineId, PositionKey Key, long Expected, long Received, long Released)
{
    /// <summary>Gets the units still on their way: expected less received and released.</summary>
    public long Outstanding => checked(Expected - Received - Released);
}
