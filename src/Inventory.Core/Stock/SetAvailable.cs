using Inventory.Core.Ledger;

namespace Inventory.Core.Stock;

/// <summary>
/// Brings a position in line with an available figure reported by another system (a storefront's inventory
/// level): on hand changes by the difference, every other state stays.
/// </summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="Available">The available units the other system reports; may be negative (oversold there).</param>
/// <remarks>
/// The change is journaled as <see cref="EntryKind.Counted"/> with the reason <c>available-sync</c>. The ledger
/// refuses a figure that would take on hand below zero. Immutable; safe to share between threads.
/// </remarks>
public sealed record SetAvailable(string IdempotencyKey, Sku Sku, LocationId Location, long Available)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireSet(Sku.Value, "SKU");
        RequireSet(Location.Value, "location");
    }

    internal override string Fingerprint() => $"set-available {Sku}@{Location} {Available}";
}
