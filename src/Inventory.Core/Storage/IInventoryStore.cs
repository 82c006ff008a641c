using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Storage;

/// <summary>
/// Where the ledger keeps positions, holds, order lines, the journal and the idempotency keys.
/// An adapter for a database implements this; <see cref="InMemoryInventoryStore"/> is the default.
/// </summary>
/// <remarks>
/// <para>
/// The contract, which the conformance kit checks: <see cref="ReadAsync"/> answers from one consistent
/// snapshot; <see cref="WriteAsync"/> applies a whole batch or nothing, only if every position still has
/// the version the batch expects, every cart it changes still has the version it was read at, no order the
/// batch creates exists yet and the idempotency key is new; a hold counts as reserved only before its expiry
/// instant. docs/adapters.md walks through each rule.
/// </para>
/// <para>Implementations must be safe for concurrent use by many threads and, for shared databases,
/// many processes.</para>
/// </remarks>
public interface IInventoryStore
{
    /// <summary>Reads positions, holds and order lines for one decision.</summary>
    /// <param name="query">What to read and the instant that decides expiry.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A consistent snapshot.</returns>
    ValueTask<StoreSnapshot> ReadAsync(StoreQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a batch if every expected position and cart version holds, none of its new orders exists and
    /// the key is new; otherwise writes nothing.
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <param name="cancellationToken">Cancels the write before it starts.</param>
    /// <returns>The status, with the recorded outcome.</returns>
    ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Finds what was recorded under an idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The recorded outcome, or null when the key is new.</returns>
    ValueTask<RecordedOutcome?> FindOutcomeAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Reads one position as it counts at <paramref name="now"/>, with its version.</summary>
    /// <param name="key">The SKU and location.</param>
    /// <param name="now">The instant that decides expiry.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The position; empty at version 0 when unknown.</returns>
    ValueTask<VersionedPosition> GetPositionAsync(
        PositionKey key, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Reads every position the store knows, in key order.</summary>
    /// <param name="now">The instant that decides expiry.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>All positions.</returns>
    ValueTask<IReadOnlyList<VersionedPosition>> ReadAllPositionsAsync(
        Instant now, CancellationToken cancellationToken = default);

    /// <summary>Finds holds that have expired at <paramref name="now"/>, oldest expiry first.</summary>
    /// <param name="now">The instant that decides expiry.</param>
    /// <param name="maxCount">The most holds to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="maxCount"/> expired holds.</returns>
    ValueTask<IReadOnlyList<Hold>> FindExpiredHoldsAsync(
        Instant now, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Reads journal entries in sequence order.</summary>
    /// <param name="afterSequence">Returns entries with a greater sequence number; 0 reads from the start.</param>
    /// <param name="maxCount">The most entries to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="maxCount"/> entries.</returns>
    ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(
        long afterSequence, int maxCount, CancellationToken cancellationToken = default);
}
