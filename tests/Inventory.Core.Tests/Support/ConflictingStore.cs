using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;

namespace Inventory.Core.Tests.Support;

/// <summary>An in-memory store whose first writes meet a version conflict, as if another writer won.</summary>
internal sealed class ConflictingStore(int conflicts) : IInventoryStore
{
    private int _conflictsLeft = conflicts;

    public InMemoryInventoryStore Inner { get; } = new();

    public int Writes { get; private set; }

    /// <summary>Gets the position keys of every batch written, in the order each batch lists them.</summary>
    public List<PositionKey[]> WrittenKeys { get; } = [];

    /// <summary>Runs just before each write, to let a test change the store between a read and a write.</summary>
    public Func<ValueTask>? BeforeWrite { get; set; }

    /// <summary>Runs once before the read with this index (0 first), to change the store between reads.</summary>
    public (int Index, Func<ValueTask> Action)? BeforeRead { get; set; }

    public int Reads { get; private set; }

    public async ValueTask<StoreSnapshot> ReadAsync(StoreQuery query, CancellationToken cancellationToken = default)
    {
        if (BeforeRead is { } hook && hook.Index == Reads)
        {
            BeforeRead = null;
            await hook.Action();
        }

        Reads++;

        return await Inner.ReadAsync(query, cancellationToken);
    }

    public async ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        Writes++;
        WrittenKeys.Add([.. batch.Positions.Select(write => write.Key)]);
        if (BeforeWrite is { } beforeWrite)
        {
            BeforeWrite = null;
            await beforeWrite();
        }

        if (_conflictsLeft > 0)
        {
            _conflictsLeft--;
            return StoreWriteResult.Conflict;
        }

        return await Inner.WriteAsync(batch, cancellationToken);
    }

    /// <summary>Runs once just after the next outcome look-up, to let a test land a duplicate in that gap.</summary>
    public Func<ValueTask>? AfterFindOutcome { get; set; }

    public async ValueTask<RecordedOutcome?> FindOutcomeAsync(
        string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var found = await Inner.FindOutcomeAsync(idempotencyKey, cancellationToken);
        if (AfterFindOutcome is { } afterFindOutcome)
        {
            AfterFindOutcome = null;
            await afterFindOutcome();
        }

        return found;
    }

    public ValueTask<VersionedPosition> GetPositionAsync(
        PositionKey key, Instant now, CancellationToken cancellationToken = default) =>
        Inner.GetPositionAsync(key, now, cancellationToken);

    public ValueTask<IReadOnlyList<VersionedPosition>> ReadAllPositionsAsync(
        Instant now, CancellationToken cancellationToken = default) =>
        Inner.ReadAllPositionsAsync(now, cancellationToken);

    public ValueTask<IReadOnlyList<Hold>> FindExpiredHoldsAsync(
        Instant now, int maxCount, CancellationToken cancellationToken = default) =>
        Inner.FindExpiredHoldsAsync(now, maxCount, cancellationToken);

    public ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(
        long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        Inner.ReadJournalAsync(afterSequence, maxCount, cancellationToken);
}
