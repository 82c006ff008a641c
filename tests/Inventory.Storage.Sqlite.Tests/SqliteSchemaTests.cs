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
        Assert.Equal(1L, Pragma(path, "user_version"));
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
        Assert.Equal(1, error.Supported);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
        Assert.Equal(7L, Pragma(path, "user_version"));
    }

    [Fact]
    public void Open_BlankPath_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => SqliteInventoryStore.Open(" "));
    }

    public void Dispose() => _files.Dispose();

    private static object? Pragma(string path, string pragma)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";

        return command.ExecuteScalar();
    }
}
