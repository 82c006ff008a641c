using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Returns;

/// <summary>Announces a return line: its units count as incoming at the return location until they arrive.</summary>
/// <param name="IdempotencyKey">The command's key; a source event id makes a repeated delivery harmless.</param>
/// <param name="ReturnId">The return.</param>
/// <param name="LineId">The line of the return; unique within the return.</param>
/// <param name="Sku">The SKU coming back.</param>
/// <param name="Location">The location the units come back to.</param>
/// <param name="Quantity">Units expected; positive.</param>
/// <remarks>
/// The ledger refuses a second initiation of the same line (<see cref="LedgerStatus.ReturnAlreadyExists"/>).
/// Immutable; safe to share between threads.
/// </remarks>
public sealed record InitiateReturn(
    string IdempotencyKey, string ReturnId, string LineId, Sku Sku, LocationId Location, long Quantity)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(ReturnId, "return id");
        RequireId(LineId, "return line id");
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
        RequirePositive(Quantity, "the expected quantity");
    }

    internal override string Fingerprint() => $"return-initiate {ReturnId}/{LineId} {Sku}@{Location} {Quantity}";
}
