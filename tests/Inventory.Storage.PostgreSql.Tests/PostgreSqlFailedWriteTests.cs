using Inventory.Core.Reservations;
using Inventory.Core.Specification;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using static Inventory.Storage.PostgreSql.Tests.PostgreSqlSessions;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>
/// A write batch that fails part-way (a guard that matches no row after earlier statements succeeded, a deadlock)
/// writes nothing at all: no key, no journal entry, no hold, no cart or position change; and the store, on the same
/// pooled connection, writes the same batch afterwards with no gap in the journal.
/// </summary>
public sealed class PostgreSqlFailedWriteTests : IDisposable
{
    private static readonly PositionKey KeyA = new(new Sku("A"), new LocationId("W1"));
    private static readonly PositionKey KeyB = new(new Sku("B"), new LocationId("W1"));
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly PostgreSqlServer _server = new();

    [StoreFact]
    public async Task WriteAsync_LastPositionGuardFails_WritesNothingAndTheKeyStaysFree()
    {
        var app = "write_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(SingleConnection(_server.NewSchema(), app));
        await ReceiveAsync(store);

        var stale = await store.WriteAsync(Reserve(expectedVersionOfB: 5));

        Assert.Equal(StoreWriteStatus.VersionConflict, stale.Status);
        await AssertNothingReservedAsync(store);
        var written = await store.WriteAsync(Reserve(expectedVersionOfB: 1));
        Assert.Equal(StoreWriteStatus.Written, written.Status);
        Assert.Equal([3L, 4L], written.Outcome!.Entries.Select(e => e.Sequence));
        Assert.Equal([1L, 2L, 3L, 4L], (await store.ReadJournalAsync(0, 10)).Select(e => e.Sequence));
        Assert.Equal(2, (await store.ReadAsync(new StoreQuery(At, [], [], ["cart"], []))).Holds.Count);
    }

    [StoreFact]
    public async Task WriteAsync_CartGuardFailsAfterThePositionsChanged_WritesNothing()
    {
        var app = "write_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(SingleConnection(_server.NewSchema(), app));
        await ReceiveAsync(store);

        var stale = await store.WriteAsync(Reserve(expectedVersionOfB: 1) with
        {
            ExpectedCartVersions = new Dictionary<string, long> { ["cart"] = 4 },
        });

        Assert.Equal(StoreWriteStatus.VersionConflict, stale.Status);
        await AssertNothingReservedAsync(store);
    }

    [StoreFact]
    public async Task WriteAsync_KeyTakenByAnotherBatch_AnswersItsOutcomeAndWritesNothingElse()
    {
        var app = "write_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(SingleConnection(_server.NewSchema(), app));
        await ReceiveAsync(store);

        var taken = await store.WriteAsync(Reserve(expectedVersionOfB: 1) with { IdempotencyKey = "receive-a" });

        Assert.Equal(StoreWriteStatus.DuplicateKey, taken.Status);
        Assert.Equal(("receive-a", "f-receive-a"), (taken.Outcome!.IdempotencyKey, taken.Outcome.Fingerprint));
        Assert.Equal(1, Assert.Single(taken.Outcome.Entries).Sequence);
        await AssertNothingReservedAsync(store);
    }

    [StoreFact]
    public async Task WriteAsync_ChosenAsDeadlockVictim_AnswersConflictWritesNothingAndWritesOnRetry()
    {
        var schema = _server.NewSchema();
        var app = "write_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(SingleConnection(schema, app));
        await ReceiveAsync(store);
        await using var rival = await OpenAsync(schema);
        await using var watcher = await OpenAsync(schema);

        // The rival holds the journal head, which the batch locks last, then asks for position A, which the batch
        // has locked by then: a cycle. The rival waits longer before looking for deadlocks, so the batch's backend
        // finds the cycle and is the one rolled back.
        StoreWriteResult victim;
        await using (var transaction = await rival.BeginTransactionAsync())
        {
            await ExecuteAsync(rival, "SET LOCAL deadlock_timeout = '30s';");
            await ExecuteAsync(rival, "UPDATE journal_head SET last_sequence = last_sequence;");
            var write = store.WriteAsync(Reserve(expectedVersionOfB: 1)).AsTask();
            await BlockedBackendAsync(watcher, app);
            await ExecuteAsync(rival, "UPDATE positions SET version = version WHERE sku = 'A';");
            victim = await write;
            await transaction.RollbackAsync();
        }

        Assert.Equal(StoreWriteStatus.VersionConflict, victim.Status);
        await AssertNothingReservedAsync(store);
        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(Reserve(expectedVersionOfB: 1))).Status);
        Assert.Equal([1L, 2L, 3L, 4L], (await store.ReadJournalAsync(0, 10)).Select(e => e.Sequence));
        Assert.All(await StatesAsync(watcher, app), state => Assert.Equal("idle", state));
    }

    [StoreFact]
    public async Task WriteAsync_TokenCancelledWhileWaitingOnTheJournalHead_WritesNothingAndWritesOnRetry()
    {
        var error = await InterruptWriteAsync(terminate: false);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [StoreFact]
    public async Task WriteAsync_BackendTerminatedWhileWaitingOnTheJournalHead_WritesNothingAndWritesOnRetry()
    {
        var error = await InterruptWriteAsync(terminate: true);

        Assert.IsAssignableFrom<Npgsql.NpgsqlException>(error);
    }

    [StoreFact]
    public async Task WriteAsync_FailedBatchesWhileStatementsGetPrepared_LaterBatchesOnTheConnectionStillRun()
    {
        // Npgsql prepares a statement text after a few uses; a batch that fails on its first or second statement
        // skips the rest, preparations included. One connection, many rounds, so that preparation happens in failed
        // batches too.
        var app = "write_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(SingleConnection(_server.NewSchema(), app));
        await ReceiveAsync(store);

        for (var round = 1; round <= 12; round++)
        {
            var key = $"adjust-{round}";
            var written = await store.WriteAsync(Adjust(key, expectedVersion: round, onHand: 10 + round));
            var duplicate = await store.WriteAsync(Adjust(key, expectedVersion: round + 1, onHand: 0));
            var stale = await store.WriteAsync(Adjust($"stale-{round}", expectedVersion: round, onHand: 0));

            Assert.Equal(
                (StoreWriteStatus.Written, StoreWriteStatus.DuplicateKey, StoreWriteStatus.VersionConflict),
                (written.Status, duplicate.Status, stale.Status));
            Assert.Equal(round + 2, Assert.Single(written.Outcome!.Entries).Sequence);
        }

        var position = await store.GetPositionAsync(KeyA, At);
        Assert.Equal((22L, 13L), (position.Stored.OnHand, position.Version));
        Assert.Equal(14, (await store.ReadJournalAsync(0, 100)).Count);
        Assert.Null(await store.FindOutcomeAsync("stale-12"));
    }

    public void Dispose() => _server.Dispose();

    /// <summary>Receives 10 of A and 10 of B under two keys: both positions at version 1, journal 1 and 2.</summary>
    private static async Task ReceiveAsync(PostgreSqlInventoryStore store)
    {
        foreach (var key in new[] { KeyA, KeyB })
        {
            var name = "receive-" + key.Sku.Value.ToLowerInvariant();
            var entry = new JournalEntry(0, name, EntryKind.Received, key, new StockChange(OnHand: 10), 10, At);
            var write = new PositionWrite(key, 0, new StockPosition(10, 0, 0, 0, 0, 0, 0));
            var result = await store.WriteAsync(new StoreBatch(name, "f-" + name, [write], [], [], [], [entry]));
            Assert.Equal(StoreWriteStatus.Written, result.Status);
        }
    }

    /// <summary>
    /// Reserves 2 of A and 3 of B for a new cart: both positions, a new cart, two holds and two journal entries;
    /// position A's guard always holds, B's only when <paramref name="expectedVersionOfB"/> is 1.
    /// </summary>
    private static StoreBatch Reserve(long expectedVersionOfB)
    {
        var expiry = At + Duration.FromMinutes(20);
        Hold[] holds = [new("cart", "l1", KeyA, 2, expiry), new("cart", "l2", KeyB, 3, expiry)];
        PositionWrite[] writes =
        [
            new(KeyA, 1, new StockPosition(10, 0, 2, 0, 0, 0, 0)),
            new(KeyB, expectedVersionOfB, new StockPosition(10, 0, 3, 0, 0, 0, 0)),
        ];
        JournalEntry[] entries =
        [
            new(0, "reserve", EntryKind.Reserved, KeyA, new StockChange(Reserved: 2), 2, At),
            new(0, "reserve", EntryKind.Reserved, KeyB, new StockChange(Reserved: 3), 3, At),
        ];

        return new StoreBatch("reserve", "f-reserve", writes, [], holds, [], entries)
        {
            ExpectedCartVersions = new Dictionary<string, long> { ["cart"] = 0 },
        };
    }

    /// <summary>
    /// Blocks a reserve batch on the journal head, the last row it locks, then cancels its token or ends its
    /// backend; checks that nothing was written and that the same batch is written afterwards; returns what the
    /// interrupted write threw.
    /// </summary>
    private async Task<Exception> InterruptWriteAsync(bool terminate)
    {
        var schema = _server.NewSchema();
        var app = "write_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(SingleConnection(schema, app));
        await ReceiveAsync(store);
        await using var rival = await OpenAsync(schema);
        await using var watcher = await OpenAsync(schema);
        using var cancellation = new CancellationTokenSource();

        Exception? error;
        await using (var transaction = await rival.BeginTransactionAsync())
        {
            await ExecuteAsync(rival, "UPDATE journal_head SET last_sequence = last_sequence;");
            var write = store.WriteAsync(Reserve(expectedVersionOfB: 1), cancellation.Token).AsTask();
            var pid = await BlockedBackendAsync(watcher, app);
            if (terminate)
            {
                Assert.True(await ScalarAsync<bool>(watcher, $"SELECT pg_terminate_backend({pid});"));
            }
            else
            {
                await cancellation.CancelAsync();
            }

            error = await Record.ExceptionAsync(() => write);
            await transaction.RollbackAsync();
        }

        await AssertNothingReservedAsync(store);
        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(Reserve(expectedVersionOfB: 1))).Status);
        Assert.Equal([1L, 2L, 3L, 4L], (await store.ReadJournalAsync(0, 10)).Select(e => e.Sequence));
        Assert.All(await StatesAsync(watcher, app), state => Assert.Equal("idle", state));

        return Assert.IsAssignableFrom<Exception>(error);
    }

    private static StoreBatch Adjust(string key, long expectedVersion, long onHand)
    {
        var entry = new JournalEntry(0, key, EntryKind.Adjusted, KeyA, new StockChange(OnHand: 1), 1, At);
        var write = new PositionWrite(KeyA, expectedVersion, new StockPosition(onHand, 0, 0, 0, 0, 0, 0));

        return new StoreBatch(key, "f-" + key, [write], [], [], [], [entry]);
    }

    private static async Task AssertNothingReservedAsync(PostgreSqlInventoryStore store)
    {
        var snapshot = await store.ReadAsync(
            new StoreQuery(At, [KeyA, KeyB], [], ["cart"], []) { IdempotencyKey = "reserve" });

        Assert.Null(snapshot.Outcome);
        Assert.Null(await store.FindOutcomeAsync("reserve"));
        Assert.Empty(snapshot.Holds);
        Assert.Equal(0, snapshot.CartVersions!["cart"]);
        Assert.Equal((0L, 1L), (snapshot.Positions[KeyA].Stored.Reserved, snapshot.Positions[KeyA].Version));
        Assert.Equal((0L, 1L), (snapshot.Positions[KeyB].Stored.Reserved, snapshot.Positions[KeyB].Version));
        Assert.Equal([1L, 2L], (await store.ReadJournalAsync(0, 10)).Select(e => e.Sequence));
    }
}
