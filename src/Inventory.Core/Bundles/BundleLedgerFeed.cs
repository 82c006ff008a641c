using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Bundles;

/// <summary>
/// Keeps a <see cref="BundleAvailabilityIndex"/> in step with the ledger: builds it from the ledger's available
/// figures, and after a batch of commands reports what changed, ready to push to a storefront.
/// </summary>
/// <remarks>
/// Figures are the ledger's own available units, pooled over its locations (see
/// <see cref="InventoryLedger.GetAvailableAsync"/>), so holds on components sold on their own and holds of bundles
/// lower each other at once. Stateless; the index it updates is not thread-safe, so feed one index from one
/// caller at a time.
/// </remarks>
public static class BundleLedgerFeed
{
    /// <summary>Builds an index of every bundle valid at an instant from the ledger's available figures.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="catalog">The bundle definitions.</param>
    /// <param name="at">The instant whose versions apply.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    public static async ValueTask<BundleAvailabilityIndex> CreateIndexAsync(
        InventoryLedger ledger, BundleCatalog catalog, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(catalog);
        var leaves = catalog.ValidAt(at).SelectMany(d => catalog.Explode(d.Parent, 1, at)).Select(c => c.Sku)
            .Distinct();
        var units = new Dictionary<Sku, long>();
        foreach (var leaf in leaves)
        {
            units[leaf] = await ledger.GetAvailableAsync(leaf, null, cancellationToken).ConfigureAwait(false);
        }

        return new BundleAvailabilityIndex(catalog, at, units.GetValueOrDefault);
    }

    /// <summary>
    /// Sweeps the ledger's expired holds (<see cref="InventoryLedger.SweepExpiredHoldsAsync"/>), then refreshes the
    /// index from the sweep's results, as <see cref="RefreshAsync"/> does for any batch: every SKU whose holds were
    /// released is read again, and each sellable SKU whose availability changed is returned.
    /// </summary>
    /// <param name="ledger">The ledger to sweep.</param>
    /// <param name="index">The index to update.</param>
    /// <param name="maxHolds">The most holds to look at in this call.</param>
    /// <param name="cancellationToken">Cancels the sweep or the reads.</param>
    /// <returns>The changes, components first in the order released, then bundles.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="ledger"/> or <paramref name="index"/> is
    /// null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="maxHolds"/> is not
    /// positive.</exception>
    /// <remarks>
    /// Call it in place of <see cref="InventoryLedger.SweepExpiredAsync"/> when an index follows the ledger: a hold
    /// stops counting once it expires, but nothing else tells the index, which keeps the old figure until another
    /// command touches the SKU.
    /// </remarks>
    public static async ValueTask<IReadOnlyList<AvailabilityChange>> SweepAsync(
        InventoryLedger ledger,
        BundleAvailabilityIndex index,
        int maxHolds = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(index);
        var results = await ledger.SweepExpiredHoldsAsync(maxHolds, cancellationToken).ConfigureAwait(false);

        return await RefreshAsync(ledger, index, results, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the new figures of every SKU the applied results touched, updates the index, and returns every
    /// sellable SKU whose availability changed: the components and the bundles containing them, each once.
    /// </summary>
    /// <param name="ledger">The ledger the results came from.</param>
    /// <param name="index">The index to update.</param>
    /// <param name="results">The batch's results; refused ones touched nothing and are skipped.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The changes, components first in the order touched, then bundles.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    public static async ValueTask<IReadOnlyList<AvailabilityChange>> RefreshAsync(
        InventoryLedger ledger,
        BundleAvailabilityIndex index,
        IEnumerable<LedgerResult> results,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(results);
        var touched = results.Where(r => r.IsApplied).SelectMany(r => r.Entries).Select(e => e.Key.Sku).Distinct();
        var levels = new List<StockLevel>();
        foreach (var sku in touched)
        {
            var units = await ledger.GetAvailableAsync(sku, null, cancellationToken).ConfigureAwait(false);
            levels.Add(new StockLevel(sku, units));
        }

        var changes = new List<AvailabilityChange>();
        index.Update([.. levels], changes);

        return changes;
    }
}
