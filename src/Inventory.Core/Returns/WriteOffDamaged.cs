using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Returns;

/// <summary>Damaged units leave the location for good: damaged and on hand go down together.</summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="Quantity">Units written off; positive and at most the damaged units.</param>
/// <param name="Reason">Why, if given.</param>
/// <param name="Reference">The return or document the units belong to, if any.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record WriteOffDamaged(
    string IdempotencyKey, Sku Sku, LocationId Location, long Quantity, string? Reason = null,
    string? Reference = null) : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
        RequirePositive(Quantity, "the written-off quantity");
    }

    internal override string Fingerprint() => $"write-off {Sku}@{Location} {Quantity} {Reason} {Reference}";
}
