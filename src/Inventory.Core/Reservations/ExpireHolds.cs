using Inventory.Core.Ledger;

namespace Inventory.Core.Reservations;

/// <summary>Removes a cart's expired holds; issued by <see cref="InventoryLedger.SweepExpiredAsync"/>.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="CartId">The cart.</param>
internal sealed record ExpireHolds(string IdempotencyKey, string CartId) : LedgerCommand(IdempotencyKey)
{
    internal override string Fingerprint() => new CommandFingerprint("expire").Text(CartId).ToString();
}
