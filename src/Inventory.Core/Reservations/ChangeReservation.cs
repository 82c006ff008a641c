using Inventory.Core.Ledger;

namespace Inventory.Core.Reservations;

/// <summary>Changes the quantity a cart line holds.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="CartId">The cart.</param>
/// <param name="LineId">The line.</param>
/// <param name="Quantity">The new quantity; positive.</param>
/// <remarks>
/// A line held at one location stays there; a split line is allocated again. The line's own hold counts as
/// available to it, so only the increase must be free. Other live holds of the cart are extended.
/// </remarks>
public sealed record ChangeReservation(string IdempotencyKey, string CartId, string LineId, long Quantity)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(CartId, "cart id");
        RequireId(LineId, "line id");
        RequirePositive(Quantity, $"the new quantity of line '{LineId}'");
    }

    internal override string Fingerprint() =>
        new CommandFingerprint("change").Text(CartId).Text(LineId).Number(Quantity).ToString();
}
