using Inventory.Core.Bundles;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Inventory.Storage.Sqlite.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
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
        Assert.Equal(3L, Pragma(path, "user_version"));
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
        Assert.Equal(3, error.Supported);
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
        Execute(path, "DROP TABLE bundle_lines; DROP TABLE bundle_line_parts; DROP TABLE return_lines;");

        using var reopened = SqliteInventoryStore.Open(path);
        BundleComponent[] twoA = [new(new Sku("A"), 2)];
        var line = new BundleOrderLine("o1", "l1", new Sku("KIT"), 1, Instant.MinValue, null, null, twoA, twoA);
        var order = new StoreBatch("k2", "f", [], [], [], [], []) { NewOrderIds = ["o1"], BundleLinesPut = [line] };

        Assert.Equal(StoreWriteStatus.Written, (await reopened.WriteAsync(order)).Status);
        var snapshot = await reopened.ReadAsync(new StoreQuery(Instant.MinValue, [], [], [], ["o1"]));
        Assert.Equal([line], snapshot.BundleLines);
        Assert.Equal(5, (await reopened.GetPositionAsync(key, Instant.MinValue)).Stored.OnHand);
        Assert.Equal(3L, Pragma(path, "user_version"));
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
        Assert.Equal(3L, Pragma(path, "user_version"));
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

    private static object? Pragma(string path, string pragma)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";

        return command.ExecuteScalar();
    }
}
