using BenchmarkDotNet.Attributes;
using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Storage.PostgreSql;
using NodaTime;
using Npgsql;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// Reserving one unit of one SKU on PostgreSQL: the ledger over <see cref="PostgreSqlInventoryStore"/> against the
/// SQL a user would write by hand, one guarded <c>UPDATE ... WHERE available &gt;= 1</c>, on the same server.
/// </summary>
/// <remarks>
/// Needs INVENTORY_POSTGRES (an Npgsql connection string); .ci/run starts a private server and sets it.
/// </remarks>
[MemoryDiagnoser]
public class PostgreSqlReserveBenchmarks
{
    private readonly string _schema = "bench_" + Guid.NewGuid().ToString("N");
    private NpgsqlDataSource _hand = null!;
    private PostgreSqlInventoryStore _store = null!;
    private InventoryLedger _ledger = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        var admin = Environment.GetEnvironmentVariable("INVENTORY_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "Set INVENTORY_POSTGRES to an Npgsql connection string (.ci/run starts a server and sets it).");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = _schema }.ToString();
        _hand = NpgsqlDataSource.Create(connectionString);
        Execute($"CREATE SCHEMA {_schema};");
        Execute($"CREATE TABLE {_schema}.hand_stock (sku text PRIMARY KEY, available bigint NOT NULL);");
        Execute($"INSERT INTO {_schema}.hand_stock VALUES ('HOT', {long.MaxValue / 4});");

        _store = PostgreSqlInventoryStore.OpenAsync(connectionString).GetAwaiter().GetResult();
        _ledger = new InventoryLedger(_store, SystemClock.Instance, new InventoryOptions());
        _ledger.ExecuteAsync(new ReceiveStock("opening", new Sku("HOT"), new LocationId("W1"), long.MaxValue / 4))
            .AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Execute($"DROP SCHEMA {_schema} CASCADE;");
        _hand.Dispose();
    }

    /// <summary>One guarded update in autocommit: the least a correct reservation can cost.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenGuardedUpdate()
    {
        await using var command = _hand.CreateCommand(
            "UPDATE hand_stock SET available = available - 1 WHERE sku = 'HOT' AND available >= 1;");

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>One cart of one line through the ledger: key look-up, snapshot read, guarded batch write.</summary>
    [Benchmark]
    public async Task<bool> LedgerReserveCart()
    {
        var i = Interlocked.Increment(ref _next);
        var result = await _ledger.ExecuteAsync(
            new ReserveCart($"bench-{_schema}-{i}", $"cart-{i}", [new CartLine("l1", new Sku("HOT"), 1)]));

        return result.IsApplied;
    }

    private void Execute(string sql)
    {
        using var command = _hand.CreateCommand(sql);
        command.ExecuteNonQuery();
    }
}
