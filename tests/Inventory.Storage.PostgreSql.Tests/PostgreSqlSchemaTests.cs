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
    private static readonly PositionKey Key = new(new Sku("A"), new LocationId("W1"));
    private readonly PostgreSqlServer _server = new();

    [StoreFact]
    public async Task OpenAsync_EmptySchema_RecordsEveryVersionUpToThree()
    {
        var connectionString = _server.NewSchema();

        await using (await PostgreSqlInventoryStore.OpenAsync(connectionString))
        {
        }

        Assert.Equal([1, 2, 3], await VersionsAsync(connectionString));
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

        await ExecuteAsync(
            connectionString, "DROP TABLE return_lines; DELETE FROM inventory_schema WHERE version = 3;");

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
        Assert.Equal([1, 2, 3], await VersionsAsync(connectionString));
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
        Assert.Equal(3, error.Supported);
        Assert.Contains("version 7", error.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 7], await VersionsAsync(connectionString));
    }

    public void Dispose() => _server.Dispose();

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
