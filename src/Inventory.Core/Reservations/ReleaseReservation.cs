using Inventory.Core.Ledger;

namespace Inventory.Core.Reservations;

/// <summary>Gives back what a cart holds: one line, or the whole cart.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="CartId">The cart.</param>
/// <param name="LineId">The line to release; null releases every line.</param>
public sealed record ReleaseReservation(string IdempotencyKey, string CartId, string? LineId = null)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(CartId, "cart id");
        if (LineId is not null)
        {
            RequireId(LineId, "line id");
        }
    }

    internal override string Fingerprint() =>
        new CommandFingerprint("release").Text(CartId).Text(LineId).ToString();
}
