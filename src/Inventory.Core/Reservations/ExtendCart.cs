using Inventory.Core.Ledger;

namespace Inventory.Core.Reservations;

/// <summary>Records activity on a cart: its live holds now expire one reservation lifetime from now.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="CartId">The cart.</param>
/// <remarks>Holds that have already expired stay expired; an extension never revives them.</remarks>
public sealed record ExtendCart(string IdempotencyKey, string CartId) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(CartId, "cart id");
    }

    internal override string Fingerprint() => new CommandFingerprint("extend").Text(CartId).ToString();
}
