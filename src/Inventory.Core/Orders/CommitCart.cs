using Inventory.Core.Ledger;

namespace Inventory.Core.Orders;

/// <summary>Turns every hold of a cart into committed stock of a new order.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="CartId">The cart.</param>
/// <param name="OrderId">The new order; it must not exist yet.</param>
/// <remarks>Refused, changing nothing, when the cart has no holds or any of them has expired.</remarks>
public sealed record CommitCart(string IdempotencyKey, string CartId, string OrderId) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(CartId, "cart id");
        RequireId(OrderId, "order id");
    }

    internal override string Fingerprint() => new CommandFingerprint("commit").Text(CartId).Text(OrderId).ToString();
}
