using Inventory.Core.Specification;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Npgsql;
using static Inventory.Storage.PostgreSql.Tests.PostgreSqlSessions;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>
/// A snapshot read that fails half-way (its token cancelled, its statement cancelled by the server, its backend
/// ended, a row it cannot map) leaves no transaction open on the pooled connection: the store's next reads see
/// data committed after the failure and its writes succeed. Each store here has a one-connection pool, so the
/// connection that failed is the one used next.
/// </summary>
public sealed class PostgreSqlFailedReadTests : IDisposable
{
    private static readonly PositionKey Key = new(new Sku("A"), new LocationId("W1"));
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly PostgreSqlServer _server = new();

    private enum Failure
    {
        TokenCancelled,
        StatementCancelledByServer,
        BackendTerminated,
    }

    [StoreFact]
    public async Task ReadAsync_TokenCancelledInTheOneBatchRead_NextCallsSeeFreshData()
    {
        var error = await FailReadAsync("holds", CartQuery(), Failure.TokenCancelled);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [StoreFact]
    public async Task ReadAsync_TokenCancelledAfterTheSnapshotBegan_NextCallsSeeFreshData()
    {
        var error = await FailReadAsync("bundle_lines", OrderQuery(), Failure.TokenCancelled);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [StoreFact]
    public async Task ReadAsync_StatementCancelledByServerAfterTheSnapshotBegan_NextCallsSeeFreshData()
    {
        var error = await FailReadAsync("bundle_lines", OrderQuery(), Failure.StatementCancelledByServer);

        Assert.Equal("57014", Assert.IsType<PostgresException>(error).SqlState);
    }

    [StoreFact]
    public async Task ReadAsync_StatementCancelledByServerInTheOneBatchRead_NextCallsSeeFreshData()
    {
        var error = await FailReadAsync("holds", CartQuery(), Failure.StatementCancelledByServer);

        Assert.Equal("57014", Assert.IsType<PostgresException>(error).SqlState);
    }

    [StoreFact]
    public async Task ReadAsync_BackendTerminatedInTheOneBatchRead_NextCallsSeeFreshData()
    {
        var error = await FailReadAsync("holds", CartQuery(), Failure.BackendTerminated);

        Assert.IsAssignableFrom<NpgsqlException>(error);
    }

    [StoreFact]
    public async Task ReadAsync_BackendTerminatedAfterTheSnapshotBegan_NextCallsSeeFreshData()
    {
        var error = await FailReadAsync("bundle_lines", OrderQuery(), Failure.BackendTerminated);

        Assert.IsAssignableFrom<NpgsqlException>(error);
    }

    [StoreFact]
    public async Task ReadAsync_RowThatCannotBeMappedAfterTheSnapshotBegan_NextCallsSeeFreshData()
    {
        var schema = _server.NewSchema();
        var app = "read_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(SingleConnection(schema, app));
        await WriteAsync(store, "k1", expectedVersion: 0, onHand: 5);
        await using var admin = await OpenAsync(schema);
        await ExecuteAsync(admin, "INSERT INTO positions VALUES ('A', ' bad', 1, 0, 0, 0, 0, 0, 0, 1);");

        // The SKU query reads every location of A, including one whose name the library refuses; the orders named
        // keep the transaction open past the first batch.
        var query = new StoreQuery(At, [], [new Sku("A")], [], ["o1"]);
        var error = await Record.ExceptionAsync(async () => await store.ReadAsync(query));
        await ExecuteAsync(admin, "DELETE FROM positions WHERE location = ' bad';");

        Assert.IsType<ArgumentException>(error);
        await AssertStoreWorksAndReadsFreshAsync(store, schema, admin, app);
    }

    public void Dispose() => _server.Dispose();

    private static StoreQuery CartQuery() =>
        new(At, [Key], [], ["cart"], []) { IdempotencyKey = "probe" };

    private static StoreQuery OrderQuery() =>
        new(At, [Key], [], ["cart"], ["o1"]) { IdempotencyKey = "probe" };

    /// <summary>
    /// Blocks the store's read on a lock on <paramref name="lockedTable"/>, fails it as told, then checks that the
    /// store still works; returns what the read threw.
    /// </summary>
    private async Task<Exception> FailReadAsync(string lockedTable, StoreQuery query, Failure failure)
    {
        var schema = _server.NewSchema();
        var app = "read_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(SingleConnection(schema, app));
        await WriteAsync(store, "k1", expectedVersion: 0, onHand: 5);
        await using var locker = await OpenAsync(schema);
        await using var watcher = await OpenAsync(schema);
        using var cancellation = new CancellationTokenSource();

        Exception? error;
        await using (var transaction = await locker.BeginTransactionAsync())
        {
            await ExecuteAsync(locker, $"LOCK TABLE {lockedTable} IN ACCESS EXCLUSIVE MODE;");
            var read = store.ReadAsync(query, cancellation.Token).AsTask();
            var pid = await BlockedBackendAsync(watcher, app);
            switch (failure)
            {
                case Failure.TokenCancelled:
                    await cancellation.CancelAsync();
                    break;
                case Failure.StatementCancelledByServer:
                    Assert.True(await ScalarAsync<bool>(watcher, $"SELECT pg_cancel_backend({pid});"));
                    break;
                default:
                    Assert.True(await ScalarAsync<bool>(watcher, $"SELECT pg_terminate_backend({pid});"));
                    break;
            }

            error = await Record.ExceptionAsync(() => read);
            await transaction.RollbackAsync();
        }

        Assert.NotNull(error);
        await AssertStoreWorksAndReadsFreshAsync(store, schema, watcher, app);

        return error;
    }

    /// <summary>
    /// Checks that no backend of the store is left inside a transaction, that a change committed by another store
    /// since is seen, and that the store can write.
    /// </summary>
    private static async Task AssertStoreWorksAndReadsFreshAsync(
        PostgreSqlInventoryStore store, string schema, NpgsqlConnection watcher, string app)
    {
        Assert.All(await StatesAsync(watcher, app), state => Assert.Equal("idle", state));

        await using (var other = await PostgreSqlInventoryStore.OpenAsync(schema))
        {
            var moved = await WriteAsync(other, "k2", expectedVersion: 1, onHand: 9);
            Assert.Equal(StoreWriteStatus.Written, moved.Status);
        }

        var seen = await store.ReadAsync(new StoreQuery(At, [Key], [], [], []) { IdempotencyKey = "k2" });
        var own = await WriteAsync(store, "k3", expectedVersion: 2, onHand: 12);

        Assert.Equal((9L, 2L), (seen.Positions[Key].Stored.OnHand, seen.Positions[Key].Version));
        Assert.Equal(2, Assert.Single(seen.Outcome!.Entries).Sequence);
        Assert.Equal(StoreWriteStatus.Written, own.Status);
        Assert.Equal(3, Assert.Single(own.Outcome!.Entries).Sequence);
        Assert.Equal(12, (await store.GetPositionAsync(Key, At)).Stored.OnHand);
        Assert.All(await StatesAsync(watcher, app), state => Assert.Equal("idle", state));
    }

    private static ValueTask<StoreWriteResult> WriteAsync(
        PostgreSqlInventoryStore store, string key, long expectedVersion, long onHand)
    {
        var entry = new JournalEntry(0, key, EntryKind.Received, Key, new StockChange(OnHand: onHand), onHand, At);
        var write = new PositionWrite(Key, expectedVersion, new StockPosition(onHand, 0, 0, 0, 0, 0, 0));

        return store.WriteAsync(new StoreBatch(key, "f-" + key, [write], [], [], [], [entry]));
    }
}
