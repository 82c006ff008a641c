using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;

namespace Inventory.Core.Storage;

/// <summary>The answer to a <see cref="StoreQuery"/>, read as of one consistent moment.</summary>
/// <param name="Positions">
/// Every position asked for, every known position of the SKUs asked for, and the position of every
/// hold, order line and return line returned; a position the store does not know comes back empty at version 0.
/// </param>
/// <param name="Holds">The holds of the carts asked for, expired ones included.</param>
/// <param name="OrderLines">The lines of the orders asked for.</param>
/// <param name="CartVersions">
/// The version of each cart asked for, 0 for a cart never written. A store that leaves this null cannot
/// stop two commands from changing one cart's lines at once.
/// </param>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed record StoreSnapshot(
    IReadOnlyDictionary<PositionKey, VersionedPosition> Positions,
    IReadOnlyList<Hold> Holds,
    IReadOnlyList<OrderLine> OrderLines,
    IReadOnlyDictionary<string, long>? CartVersions = null)
{
    /// <summary>Gets the lines of the returns asked for; empty by default.</summary>
    public IReadOnlyList<ReturnLine> ReturnLines { get; init; } = [];

    /// <summary>Gets the bundle lines recorded on the orders asked for; empty by default.</summary>
    public IReadOnlyList<BundleOrderLine> BundleLines { get; init; } = [];

    /// <summary>
    /// Gets whether the store looked up the query's <see cref="StoreQuery.IdempotencyKey"/> in this snapshot, so that
    /// <see cref="Outcome"/> answers it; false by default (the ledger then asks
    /// <see cref="IInventoryStore.FindOutcomeAsync"/>).
    /// </summary>
    public bool KeyLookedUp { get; init; }

    /// <summary>
    /// Gets the outcome recorded under the query's idempotency key when <see cref="KeyLookedUp"/> is true; null when
    /// the key is new or was not looked up.
    /// </summary>
    public RecordedOutcome? Outcome { get; init; }
}
