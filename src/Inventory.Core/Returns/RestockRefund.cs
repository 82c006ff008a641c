using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Returns;

/// <summary>A refunded order line changes stock according to its restock type.</summary>
/// <param name="IdempotencyKey">The command's key; the refund line's id makes a repeated delivery harmless.</param>
/// <param name="OrderId">The order.</param>
/// <param name="LineId">The order line refunded.</param>
/// <param name="Quantity">Units refunded; positive.</param>
/// <param name="Restock">What the refund does to stock.</param>
/// <param name="Location">
/// Where returned units are restocked (required for <see cref="RefundRestock.Return"/>); for
/// <see cref="RefundRestock.Cancel"/>, limits the release to the line's units at that location when given.
/// </param>
/// <remarks>
/// <para>
/// <see cref="RefundRestock.Return"/> restocks at most the units of the line that shipped and were not restocked
/// before (<see cref="LedgerStatus.ExceedsReturnable"/> otherwise). <see cref="RefundRestock.Cancel"/> releases
/// at most the line's open units (<see cref="LedgerStatus.ExceedsOpenQuantity"/> otherwise) and counts them as
/// cancelled, so a later <c>CancelOrder</c> of the line releases only what is still open.
/// <see cref="RefundRestock.NoRestock"/> writes nothing.
/// </para>
/// <para>Immutable; safe to share between threads.</para>
/// </remarks>
public sealed record RestockRefund(
    string IdempotencyKey, string OrderId, string LineId, long Quantity, RefundRestock Restock,
    LocationId? Location = null) : LedgerCommand(IdempotencyKey)
{
    /// <summary>Gets the id under which the ledger keeps the units restocked by refunds of an order.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The return id of the order's refund restocks.</returns>
    public static string RefundReturnId(string orderId) => "refund:" + orderId;

    internal override void Validate()
    {
        base.Validate();
        RequireId(OrderId, "order id");
        RequireId(LineId, "order line id");
        RequirePositive(Quantity, "the refunded quantity");
        if (!Enum.IsDefined(Restock))
        {
            throw new InvalidCommandException(
                $"RestockRefund '{IdempotencyKey}': restock type {(int)Restock} is not defined.");
        }

        if (Restock == RefundRestock.Return && (Location is null || Location.Value.Value.Length == 0))
        {
            throw new InvalidCommandException(
                $"RestockRefund '{IdempotencyKey}': a returned refund line of order '{OrderId}' line '{LineId}' "
                + "needs the location to restock at.");
        }
    }

    internal override string Fingerprint() =>
        $"refund {OrderId}/{LineId} {Quantity} {Restock} {Location?.ToString() ?? "-"}";
}
