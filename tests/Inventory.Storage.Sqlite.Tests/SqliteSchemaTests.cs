using Inventory.Core.Bundles;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Inventory.Storage.Sqlite.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    /// <summary>Puts back the holds and journal tables as schema versions 1 to 3 made them (ticks only).</summary>
    private const string Version3HoldsAndJournal = """
        DROP TABLE holds;
        DROP TABLE journal;
        CREATE TABLE holds (
            cart_id TEXT NOT NULL, line_id TEXT NOT NULL, sku TEXT NOT NULL, location TEXT NOT NULL,
            quantity INTEGER NOT NULL, expires_at INTEGER NOT NULL,
            PRIMARY KEY (cart_id, line_id, sku, location)) WITHOUT ROWID;
        CREATE INDEX holds_by_position ON holds (sku, location, expires_at);
        CREATE INDEX holds_by_expiry ON holds (expires_at);
        CREATE TABLE journal (
            sequence INTEGER NOT NULL PRIMARY KEY, idempotency_key TEXT NOT NULL, kind INTEGER NOT NULL,
            sku TEXT NOT NULL, location TEXT NOT NULL,
            d_on_hand INTEGER NOT NULL, d_committed INTEGER NOT NULL, d_reserved INTEGER NOT NULL,
            d_damaged INTEGER NOT NULL, d_quality_control INTEGER NOT NULL, d_safety_stock INTEGER NOT NULL,
            d_incoming INTEGER NOT NULL, quantity INTEGER NOT NULL, at INTEGER NOT NULL,
            reference TEXT, reason TEXT, actor TEXT);
        """;

    private static readonly PositionKey KeyA = new(new Sku("A"), new LocationId("W1"));

    private readonly TempDatabase _files = new();

    [Fact]
    public async Task Open_ExistingFile_KeepsDataAndSchemaVersionAndUsesWal()
    {
        var path = _files.NextPath();
        var key = new PositionKey(new Sku("A"), new LocationId("W1"));
        using (var first = SqliteInventoryStore.Open(path))
        {
            var write = new PositionWrite(key, 0, new StockPosition(5, 0, 0, 0, 0, 0, 0));
            var batch = new StoreBatch("k1", "f", [write], [], [], [], []);
            Assert.Equal(StoreWriteStatus.Written, (await first.WriteAsync(batch)).Status);
        }

        using var reopened = SqliteInventoryStore.Open(path);

        Assert.Equal(5, (await reopened.GetPositionAsync(key, Instant.MinValue)).Stored.OnHand);
        Assert.Equal(4L, Pragma(path, "user_version"));
        Assert.Equal("wal", Pragma(path, "journal_mode"));
    }

    [Fact]
    public void Open_FileFromNewerSchema_ThrowsNamingFileAndVersionsAndChangesNothing()
    {
        var path = _files.NextPath();
        SqliteInventoryStore.Open(path).Dispose();
        Pragma(path, "user_version = 7");

        var error = Assert.Throws<SqliteSchemaException>(() => SqliteInventoryStore.Open(path));

        Assert.Equal(7, error.Found);
        Assert.Equal(4, error.Supported);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
        Assert.Equal(7L, Pragma(path, "user_version"));
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion1_AddsTheBundleTablesAndKeepsData()
    {
        var path = _files.NextPath();
        var key = new PositionKey(new Sku("A"), new LocationId("W1"));
        using (var first = SqliteInventoryStore.Open(path))
        {
            var write = new PositionWrite(key, 0, new StockPosition(5, 0, 0, 0, 0, 0, 0));
            Assert.Equal(StoreWriteStatus.Written, (await first.WriteAsync(new("k1", "f", [write], [], [], [], [])))
                .Status);
        }

        Pragma(path, "user_version = 1");
        Execute(path, Version3HoldsAndJournal);
        Execute(path, "DROP TABLE bundle_lines; DROP TABLE bundle_line_parts; DROP TABLE return_lines;");

        using var reopened = SqliteInventoryStore.Open(path);
        BundleComponent[] twoA = [new(new Sku("A"), 2)];
        var line = new BundleOrderLine("o1", "l1", new Sku("KIT"), 1, Instant.MinValue, null, null, twoA, twoA);
        var order = new StoreBatch("k2", "f", [], [], [], [], []) { NewOrderIds = ["o1"], BundleLinesPut = [line] };

        Assert.Equal(StoreWriteStatus.Written, (await reopened.WriteAsync(order)).Status);
        var snapshot = await reopened.ReadAsync(new StoreQuery(Instant.MinValue, [], [], [], ["o1"]));
        Assert.Equal([line], snapshot.BundleLines);
        Assert.Equal(5, (await reopened.GetPositionAsync(key, Instant.MinValue)).Stored.OnHand);
        Assert.Equal(4L, Pragma(path, "user_version"));
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion2_AddsTheReturnLinesTableAndKeepsData()
    {
        var path = _files.NextPath();
        var key = new PositionKey(new Sku("A"), new LocationId("W1"));
        using (var first = SqliteInventoryStore.Open(path))
        {
            var write = new PositionWrite(key, 0, new StockPosition(5, 0, 0, 0, 0, 0, 0));
            Assert.Equal(StoreWriteStatus.Written, (await first.WriteAsync(new("k1", "f", [write], [], [], [], [])))
                .Status);
        }

        Pragma(path, "user_version = 2");
        Execute(path, Version3HoldsAndJournal);
        Execute(path, "DROP TABLE return_lines;");

        using var reopened = SqliteInventoryStore.Open(path);
        var line = new ReturnLine("r1", "l1", key, 3, 1, 0);
        var expected = new PositionWrite(key, 1, new StockPosition(6, 0, 0, 0, 0, 0, 2));
        var receive = new StoreBatch("k2", "f", [expected], [], [], [], []) { ReturnLinesPut = [line] };

        Assert.Equal(StoreWriteStatus.Written, (await reopened.WriteAsync(receive)).Status);
        var query = new StoreQuery(Instant.MinValue, [], [], [], []) { ReturnIds = ["r1"] };
        var snapshot = await reopened.ReadAsync(query);
        Assert.Equal([line], snapshot.ReturnLines);
        Assert.Equal(6, snapshot.Positions[key].Stored.OnHand);
        Assert.Equal(4L, Pragma(path, "user_version"));
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion3_AddsNanosecondColumnsAndKeepsRowsAtTheirTicks()
    {
        var path = _files.NextPath();
        var expiry = Instant.FromUtc(2026, 3, 2, 9, 20);
        var at = Instant.FromUtc(2026, 3, 2, 9, 0) + Duration.FromTicks(7);
        SqliteInventoryStore.Open(path).Dispose();
        Pragma(path, "user_version = 3");
        Execute(path, Version3HoldsAndJournal);
        Execute(
            path,
            "INSERT INTO positions VALUES ('A', 'W1', 10, 0, 3, 0, 0, 0, 0, 1); "
            + "INSERT INTO carts VALUES ('cart', 1); "
            + $"INSERT INTO holds VALUES ('cart', 'l1', 'A', 'W1', 3, {expiry.ToUnixTimeTicks()}); "
            + "INSERT INTO outcomes VALUES ('k1', 'f', 1, 1); "
            + "INSERT INTO journal VALUES (1, 'k1', " + (int)EntryKind.Reserved + ", 'A', 'W1', 0, 0, 3, 0, 0, 0, 0, "
            + $"3, {at.ToUnixTimeTicks()}, 'cart:cart/l1', NULL, 'operator');");

        using var reopened = SqliteInventoryStore.Open(path);
        var snapshot = await reopened.ReadAsync(new StoreQuery(expiry, [], [], ["cart"], []));
        var journal = await reopened.ReadJournalAsync(0, 10);

        Assert.Equal(4L, Pragma(path, "user_version"));
        Assert.Equal([new Hold("cart", "l1", KeyA, 3, expiry)], snapshot.Holds);
        Assert.Equal(3, snapshot.Positions[KeyA].ExpiredReserved);
        Assert.Equal(0, (await reopened.GetPositionAsync(KeyA, expiry - Duration.Epsilon)).ExpiredReserved);
        var entry = Assert.Single(journal);
        Assert.Equal((1L, "k1", at, 3L), (entry.Sequence, entry.IdempotencyKey, entry.At, entry.Quantity));
        Assert.Equal(("cart:cart/l1", null, "operator"), (entry.Reference, entry.Reason, entry.Actor));
        Assert.Equal(entry, Assert.Single((await reopened.FindOutcomeAsync("k1"))!.Entries));
        Assert.Equal(["expires_at", "expires_at_ns"], IndexColumns(path, "holds_by_expiry"));
        Assert.Equal(["sku", "location", "expires_at", "expires_at_ns"], IndexColumns(path, "holds_by_position"));
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion3_StoresSubTickInstantsAfterTheUpgrade()
    {
        var path = _files.NextPath();
        SqliteInventoryStore.Open(path).Dispose();
        Pragma(path, "user_version = 3");
        Execute(path, Version3HoldsAndJournal);
        var expiry = Instant.FromUtc(2026, 3, 2, 9, 20) + Duration.FromNanoseconds(50);
        var hold = new Hold("cart", "l1", KeyA, 2, expiry);
        var entry = new JournalEntry(0, "k1", EntryKind.Reserved, KeyA, new StockChange(Reserved: 2), 2, expiry);
        var batch = new StoreBatch(
            "k1", "f", [new PositionWrite(KeyA, 0, new StockPosition(5, 0, 2, 0, 0, 0, 0))], [], [hold], [], [entry])
        {
            ExpectedCartVersions = new Dictionary<string, long> { ["cart"] = 0 },
        };

        using var reopened = SqliteInventoryStore.Open(path);
        var written = await reopened.WriteAsync(batch);
        var snapshot = await reopened.ReadAsync(new StoreQuery(expiry, [], [], ["cart"], []));

        Assert.Equal(StoreWriteStatus.Written, written.Status);
        Assert.Equal([hold], snapshot.Holds);
        Assert.Equal(expiry, Assert.Single(await reopened.ReadJournalAsync(0, 10)).At);
        Assert.Equal(0, (await reopened.GetPositionAsync(KeyA, expiry - Duration.Epsilon)).ExpiredReserved);
        Assert.Equal(2, snapshot.Positions[KeyA].ExpiredReserved);
    }

    [Fact]
    public void Open_BlankPath_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => SqliteInventoryStore.Open(" "));
    }

    public void Dispose() => _files.Dispose();

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> IndexColumns(string path, string index)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno;";
        var columns = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static object? Pragma(string path, string pragma)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";

        return command.ExecuteScalar();
    }
}
