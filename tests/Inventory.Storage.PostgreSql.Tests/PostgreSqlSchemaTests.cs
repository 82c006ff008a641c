using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Specification;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Npgsql;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>The schema is created at the current version and migrated by version when a store opens.</summary>
public sealed class PostgreSqlSchemaTests : IDisposable
{
    /// <summary>
    /// Puts back the holds and journal tables as schema versions 1 to 3 made them (ticks only), drops the write guard
    /// function, and forgets versions 4 and 5.
    /// </summary>
    private const string Version3HoldsAndJournal = """
        DROP TABLE holds;
        DROP TABLE journal;
        CREATE TABLE holds (
            cart_id text COLLATE "C" NOT NULL, line_id text COLLATE "C" NOT NULL,
            sku text COLLATE "C" NOT NULL, location text COLLATE "C" NOT NULL,
            quantity bigint NOT NULL, expires_at bigint NOT NULL, PRIMARY KEY (cart_id, line_id, sku, location));
        CREATE INDEX holds_by_position ON holds (sku, location, expires_at);
        CREATE INDEX holds_by_expiry ON holds (expires_at);
        CREATE TABLE journal (
            sequence bigint PRIMARY KEY, idempotency_key text NOT NULL, kind integer NOT NULL,
            sku text COLLATE "C" NOT NULL, location text COLLATE "C" NOT NULL,
            d_on_hand bigint NOT NULL, d_committed bigint NOT NULL, d_reserved bigint NOT NULL,
            d_damaged bigint NOT NULL, d_quality_control bigint NOT NULL, d_safety_stock bigint NOT NULL,
            d_incoming bigint NOT NULL, quantity bigint NOT NULL, at bigint NOT NULL,
            reference text, reason text, actor text);
        DROP FUNCTION inventory_require(bigint, text);
        DELETE FROM inventory_schema WHERE version >= 4;
        """;

    private static readonly PositionKey Key = new(new Sku("A"), new LocationId("W1"));
    private readonly PostgreSqlServer _server = new();

    [StoreFact]
    public async Task OpenAsync_EmptySchema_RecordsEveryVersionUpToFive()
    {
        var connectionString = _server.NewSchema();

        await using (await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
        }

        Assert.Equal([1, 2, 3, 4, 5], await VersionsAsync(connectionString));
    }

    [StoreFact]
    public async Task OpenAsync_SchemaOfVersion2_AddsTheReturnLinesTableAndKeepsData()
    {
        var connectionString = _server.NewSchema();
        await using (var first = await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
            var write = new PositionWrite(Key, 0, new StockPosition(5, 0, 0, 0, 0, 0, 0));
            Assert.Equal(StoreWriteStatus.Written, (await first.WriteAsync(new("k1", "f", [write], [], [], [], [])))
                .Status);
        }

        await ExecuteAsync(connectionString, Version3HoldsAndJournal);
        await ExecuteAsync(
            connectionString, "DROP TABLE return_lines; DELETE FROM inventory_schema WHERE version >= 3;");

        await using var reopened = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        var line = new ReturnLine("r1", "l1", Key, 3, 1, 0);
        var receive = new StoreBatch(
            "k2", "f", [new PositionWrite(Key, 1, new StockPosition(6, 0, 0, 0, 0, 0, 2))], [], [], [], [])
        {
            ReturnLinesPut = [line],
        };

        Assert.Equal(StoreWriteStatus.Written, (await reopened.WriteAsync(receive)).Status);
        var query = new StoreQuery(Instant.MinValue, [], [], [], []) { ReturnIds = ["r1"] };
        var snapshot = await reopened.ReadAsync(query);
        Assert.Equal([line], snapshot.ReturnLines);
        Assert.Equal(6, snapshot.Positions[Key].Stored.OnHand);
        Assert.Equal([1, 2, 3, 4, 5], await VersionsAsync(connectionString));
    }

    [StoreFact]
    public async Task OpenAsync_SchemaOfVersion3_AddsNanosecondColumnsAndKeepsRowsAtTheirTicks()
    {
        var connectionString = _server.NewSchema();
        var expiry = Instant.FromUtc(2026, 3, 2, 9, 20);
        var at = Instant.FromUtc(2026, 3, 2, 9, 0) + Duration.FromTicks(7);
        await using (await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
        }

        await ExecuteAsync(connectionString, Version3HoldsAndJournal);
        await ExecuteAsync(
            connectionString,
            "INSERT INTO positions VALUES ('A', 'W1', 10, 0, 3, 0, 0, 0, 0, 1); "
            + "INSERT INTO carts VALUES ('cart', 1); "
            + $"INSERT INTO holds VALUES ('cart', 'l1', 'A', 'W1', 3, {expiry.ToUnixTimeTicks()}); "
            + "INSERT INTO outcomes VALUES ('k1', 'f', 1, 1); UPDATE journal_head SET last_sequence = 1; "
            + "INSERT INTO journal VALUES (1, 'k1', " + (int)EntryKind.Reserved + ", 'A', 'W1', 0, 0, 3, 0, 0, 0, 0, "
            + $"3, {at.ToUnixTimeTicks()}, 'cart:cart/l1', NULL, 'operator');");

        await using var reopened = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        var snapshot = await reopened.ReadAsync(new StoreQuery(expiry, [], [], ["cart"], []));
        var journal = await reopened.ReadJournalAsync(0, 10);

        Assert.Equal([1, 2, 3, 4, 5], await VersionsAsync(connectionString));
        Assert.Equal([new Hold("cart", "l1", Key, 3, expiry)], snapshot.Holds);
        Assert.Equal(3, snapshot.Positions[Key].ExpiredReserved);
        Assert.Equal(0, (await reopened.GetPositionAsync(Key, expiry - Duration.Epsilon)).ExpiredReserved);
        var entry = Assert.Single(journal);
        Assert.Equal((1L, "k1", at, 3L), (entry.Sequence, entry.IdempotencyKey, entry.At, entry.Quantity));
        Assert.Equal(("cart:cart/l1", null, "operator"), (entry.Reference, entry.Reason, entry.Actor));
        Assert.Equal(entry, Assert.Single((await reopened.FindOutcomeAsync("k1"))!.Entries));
    }

    [StoreFact]
    public async Task OpenAsync_SchemaOfVersion3_StoresSubTickInstantsAfterTheUpgrade()
    {
        var connectionString = _server.NewSchema();
        await using (await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
        }

        await ExecuteAsync(connectionString, Version3HoldsAndJournal);
        var expiry = Instant.FromUtc(2026, 3, 2, 9, 20) + Duration.FromNanoseconds(50);
        var hold = new Hold("cart", "l1", Key, 2, expiry);
        var entry = new JournalEntry(0, "k1", EntryKind.Reserved, Key, new StockChange(Reserved: 2), 2, expiry);
        var batch = new StoreBatch(
            "k1", "f", [new PositionWrite(Key, 0, new StockPosition(5, 0, 2, 0, 0, 0, 0))], [], [hold], [], [entry])
        {
            ExpectedCartVersions = new Dictionary<string, long> { ["cart"] = 0 },
        };

        await using var reopened = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        var written = await reopened.WriteAsync(batch);
        var snapshot = await reopened.ReadAsync(new StoreQuery(expiry, [], [], ["cart"], []));

        Assert.Equal(StoreWriteStatus.Written, written.Status);
        Assert.Equal([hold], snapshot.Holds);
        Assert.Equal(expiry, Assert.Single(await reopened.ReadJournalAsync(0, 10)).At);
        Assert.Equal(0, (await reopened.GetPositionAsync(Key, expiry - Duration.Epsilon)).ExpiredReserved);
        Assert.Equal(2, snapshot.Positions[Key].ExpiredReserved);
    }

    [StoreFact]
    public async Task OpenAsync_SchemaOfVersion4_AddsTheWriteGuardSoAStaleBatchWritesNothing()
    {
        var connectionString = _server.NewSchema();
        await using (await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
        }

        await ExecuteAsync(
            connectionString,
            "DROP FUNCTION inventory_require(bigint, text); DELETE FROM inventory_schema WHERE version = 5;");
        await using var reopened = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        var stock = new StockPosition(5, 0, 0, 0, 0, 0, 0);
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var entry = new JournalEntry(0, "k1", EntryKind.Received, Key, new StockChange(OnHand: 5), 5, at);

        var stale = await reopened.WriteAsync(new StoreBatch("k1", "f", [new PositionWrite(Key, 3, stock)], [], [], [],
            [entry]));
        var fresh = await reopened.WriteAsync(new StoreBatch("k1", "f", [new PositionWrite(Key, 0, stock)], [], [], [],
            [entry]));

        Assert.Equal([1, 2, 3, 4, 5], await VersionsAsync(connectionString));
        Assert.Equal(StoreWriteStatus.VersionConflict, stale.Status);
        Assert.Equal(StoreWriteStatus.Written, fresh.Status);
        Assert.Equal(1, Assert.Single(fresh.Outcome!.Entries).Sequence);
        Assert.Equal(1, Assert.Single(await reopened.ReadJournalAsync(0, 10)).Sequence);
        Assert.Equal(5, (await reopened.GetPositionAsync(Key, Instant.MinValue)).Stored.OnHand);
    }

    [StoreFact]
    public async Task OpenAsync_SchemaOfVersion4WithData_KeepsOutcomesForReplayAndContinuesTheJournal()
    {
        var connectionString = _server.NewSchema();
        var clock = new FixedClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var receive = new ReceiveStock("receive", Key.Sku, Key.Location, 10);
        LedgerResult before;
        await using (var old = await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
            before = await new InventoryLedger(old, clock, new InventoryOptions()).ExecuteAsync(receive);
        }

        await ExecuteAsync(
            connectionString,
            "DROP FUNCTION inventory_require(bigint, text); DELETE FROM inventory_schema WHERE version = 5;");
        await using var reopened = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        var ledger = new InventoryLedger(reopened, clock, new InventoryOptions());

        var replay = await ledger.ExecuteAsync(receive);
        var refused = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            () => ledger.ExecuteAsync(receive with { Quantity = 11 }).AsTask());
        var next = await ledger.ExecuteAsync(new ReceiveStock("receive-2", Key.Sku, Key.Location, 4));

        Assert.Equal([1, 2, 3, 4, 5], await VersionsAsync(connectionString));
        Assert.True(replay.IsReplay);
        Assert.Equal(before.Entries, replay.Entries);
        Assert.Equal("receive", refused.IdempotencyKey);
        Assert.Equal(2, Assert.Single(next.Entries).Sequence);
        Assert.Equal(14, (await reopened.GetPositionAsync(Key, Instant.MinValue)).Stored.OnHand);
    }

    [StoreFact]
    public async Task OpenAsync_ManyOpenersOfAVersion4Schema_MigrateOnceAndAllWrite()
    {
        var connectionString = _server.NewSchema();
        await using (await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
        }

        await ExecuteAsync(
            connectionString,
            "DROP FUNCTION inventory_require(bigint, text); DELETE FROM inventory_schema WHERE version = 5;");

        var stores = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgreSqlInventoryStore.OpenAsync(connectionString))));
        try
        {
            var stock = new StockPosition(5, 0, 0, 0, 0, 0, 0);
            var results = await Task.WhenAll(stores.Select((store, i) =>
                store.WriteAsync(new StoreBatch($"k{i}", "f", [new PositionWrite(Key, 0, stock)], [], [], [], []))
                    .AsTask()));

            Assert.Equal([1, 2, 3, 4, 5], await VersionsAsync(connectionString));
            Assert.Single(results, r => r.Status == StoreWriteStatus.Written);
            Assert.Equal(5, results.Count(r => r.Status == StoreWriteStatus.VersionConflict));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [StoreFact]
    public async Task OpenAsync_SchemaFromNewerStore_ThrowsNamingVersionsAndChangesNothing()
    {
        var connectionString = _server.NewSchema();
        await using (await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
        }

        await ExecuteAsync(connectionString, "INSERT INTO inventory_schema VALUES (7);");

        var error = await Assert.ThrowsAsync<PostgreSqlSchemaException>(
            () => PostgreSqlInventoryStore.OpenAsync(connectionString));

        Assert.Equal(7, error.Found);
        Assert.Equal(5, error.Supported);
        Assert.Contains("version 7", error.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4, 5, 7], await VersionsAsync(connectionString));
    }

    public void Dispose() => _server.Dispose();

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<int>> VersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT version FROM inventory_schema ORDER BY version;", connection);
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
