using Inventory.Core.Specification;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Npgsql;
using static Inventory.Storage.PostgreSql.Tests.PostgreSqlSessions;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>
/// With Npgsql's multiplexing on, a connection holds a server session only inside a transaction the driver began,
/// and commands of many callers share sessions: a snapshot read, whole or failed, must leave no transaction open
/// on a shared session, or other callers' writes land inside it.
/// </summary>
public sealed class PostgreSqlMultiplexingTests : IDisposable
{
    private const int Reads = 48;
    private static readonly PositionKey Key = new(new Sku("A"), new LocationId("W1"));
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly PostgreSqlServer _server = new();

    [StoreFact]
    public async Task ReadAsync_OrdersAndReturnsUnderMultiplexing_LeaveNoSessionInATransaction()
    {
        var app = "mux_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(Multiplexed(app));
        await using var watcher = await OpenAsync(PostgreSqlServer.AdminConnectionString);
        Assert.Equal(StoreWriteStatus.Written, (await WriteAsync(store, 0)).Status);

        var reads = await Task.WhenAll(Enumerable.Range(0, Reads).Select(i => Task.Run(async () =>
            await store.ReadAsync(new StoreQuery(At, [Key], [], [], [$"o{i}"]) { ReturnIds = [$"r{i}"] }))));
        var states = await StatesAsync(watcher, app);
        var writes = new List<StoreWriteResult>();
        for (var version = 1; version <= 6; version++)
        {
            writes.Add(await WriteAsync(store, version));
        }

        Assert.All(reads, r => Assert.Equal((5L, 1L), (r.Positions[Key].Stored.OnHand, r.Positions[Key].Version)));
        Assert.All(states, state => Assert.Equal("idle", state));
        Assert.All(writes, w => Assert.Equal(StoreWriteStatus.Written, w.Status));
        Assert.Equal(11, (await store.GetPositionAsync(Key, At)).Stored.OnHand);
    }

    [StoreFact]
    public async Task ReadAsync_StatementCancelledByServerUnderMultiplexing_LeavesNoSessionInATransaction()
    {
        var schema = _server.NewSchema();
        var app = "mux_" + Guid.NewGuid().ToString("N");
        await using var store = await PostgreSqlInventoryStore.OpenAsync(Multiplexed(app, schema));
        await using var watcher = await OpenAsync(PostgreSqlServer.AdminConnectionString);
        await using var locker = await OpenAsync(schema);
        Assert.Equal(StoreWriteStatus.Written, (await WriteAsync(store, 0)).Status);

        Exception? error;
        await using (var transaction = await locker.BeginTransactionAsync())
        {
            await PostgreSqlSessions.ExecuteAsync(locker, "LOCK TABLE holds IN ACCESS EXCLUSIVE MODE;");
            var read = store.ReadAsync(new StoreQuery(At, [Key], [], ["cart"], []) { IdempotencyKey = "k" }).AsTask();
            var pid = await BlockedBackendAsync(watcher, app);
            Assert.True(await ScalarAsync<bool>(watcher, $"SELECT pg_cancel_backend({pid});"));
            error = await Record.ExceptionAsync(() => read);
            await transaction.RollbackAsync();
        }

        var states = await StatesAsync(watcher, app);
        var written = await WriteAsync(store, 1);

        Assert.Equal("57014", Assert.IsType<PostgresException>(error).SqlState);
        Assert.All(states, state => Assert.Equal("idle", state));
        Assert.Equal(StoreWriteStatus.Written, written.Status);
        Assert.Equal(6, (await store.GetPositionAsync(Key, At)).Stored.OnHand);
    }

    public void Dispose() => _server.Dispose();

    private string Multiplexed(string applicationName, string? schema = null) =>
        new NpgsqlConnectionStringBuilder(schema ?? _server.NewSchema())
        {
            Multiplexing = true,
            MaxPoolSize = 3,
            ApplicationName = applicationName,
        }.ToString();

    /// <summary>Adds one unit to position A, read at <paramref name="version"/>, under its own key.</summary>
    private static ValueTask<StoreWriteResult> WriteAsync(PostgreSqlInventoryStore store, long version)
    {
        var key = $"k{version}";
        var onHand = version == 0 ? 5 : 5 + version;
        var entry = new JournalEntry(0, key, EntryKind.Received, Key, new StockChange(OnHand: 1), 1, At);
        var write = new PositionWrite(Key, version, new StockPosition(onHand, 0, 0, 0, 0, 0, 0));

        return store.WriteAsync(new StoreBatch(key, "f", [write], [], [], [], [entry]));
    }
}
