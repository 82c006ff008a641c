using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Storage;

/// <summary>What the ledger needs to read, in one consistent snapshot, to decide one command.</summary>
/// <param name="Now">The instant at which holds are judged expired.</param>
/// <param name="Positions">Positions to read.</param>
/// <param name="Skus">SKUs whose positions at every location the store knows are to be read.</param>
/// <param name="CartIds">Carts whose holds are to be read.</param>
/// <param name="OrderIds">Orders whose lines are to be read.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record StoreQuery(
    Instant Now,
    IReadOnlyCollection<PositionKey> Positions,
    IReadOnlyCollection<Sku> Skus,
    IReadOnlyCollection<string> CartIds,
    IReadOnlyCollection<string> OrderIds)
{
    /// <summary>Gets the returns whose lines are to be read; empty by default.</summary>
    public IReadOnlyCollection<string> ReturnIds { get; init; } = [];

    /// <summary>
    /// Gets the idempotency key of the command being decided; null by default. A store may look it up in the same
    /// snapshot and answer in <see cref="StoreSnapshot.KeyLookedUp"/> and <see cref="StoreSnapshot.Outcome"/>,
    /// which spares the ledger a separate <see cref="IInventoryStore.FindOutcomeAsync"/>; a store may ignore it.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
