using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Returns;

/// <summary>Units found damaged outside a return (on the shelf, in picking): they leave available at once.</summary>
/// <param name="IdempotencyKey">The command's key; a source event id makes a repeated report harmless.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="Quantity">Units damaged; positive.</param>
/// <param name="ReportedAt">When the damage was reported; the command's instant when null.</param>
/// <param name="Reference">The report or document, if any.</param>
/// <remarks>
/// The move into damaged happens at the command's instant (<see cref="LedgerCommand.At"/>, or the ledger's clock);
/// <see cref="DamageDayReport"/> flags a move that came after the end of the local business day of the report.
/// The ledger refuses more units than are on hand outside damaged, quality control and safety stock; damaged units
/// that carts or orders held are applied and recorded as an oversell. Immutable; safe to share between threads.
/// </remarks>
public sealed record ReportDamage(
    string IdempotencyKey, Sku Sku, LocationId Location, long Quantity, Instant? ReportedAt = null,
    string? Reference = null) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
        RequirePositive(Quantity, "the damaged quantity");
    }

    internal override string Fingerprint() =>
        $"damage {Sku}@{Location} {Quantity} {ReportedAt?.ToString() ?? "-"} {Reference}";
}
