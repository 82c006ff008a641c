using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Reservations;

/// <summary>Moves a cart line's whole hold to another location.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="CartId">The cart.</param>
/// <param name="LineId">The line.</param>
/// <param name="To">The new location.</param>
/// <remarks>The new location must have the line's full quantity available, not only the difference.</remarks>
public sealed record MoveReservation(string IdempotencyKey, string CartId, string LineId, LocationId To)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(CartId, "cart id");
        RequireId(LineId, "line id");
        RequireSet(To.Value, "target location");
    }

    internal override string Fingerprint() =>
        new CommandFingerprint("move").Text(CartId).Text(LineId).Text(To.Value).ToString();
}
