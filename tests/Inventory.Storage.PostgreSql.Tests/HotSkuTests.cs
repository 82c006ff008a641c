using System.Diagnostics;
using Inventory.Core.Ledger;
using Inventory.Core.Specification;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>Several processes, each with many connections, reserve one SKU: exactly its units are reserved.</summary>
public sealed class HotSkuTests : IDisposable
{
    private const int Processes = 4;
    private const int CartsPerProcess = 40;
    private readonly PostgreSqlServer _server = new();

    [StoreFact]
    public async Task ReserveCart_FourProcessesOnHundredUnits_ExactlyHundredReserved()
    {
        var connectionString = _server.NewSchema();
        await using var store = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        var ledger = new InventoryLedger(store, SystemClock.Instance, new InventoryOptions());
        var receive = new ReceiveStock("receive", new Sku("HOT"), new LocationId("W1"), 100);
        Assert.True((await ledger.ExecuteAsync(receive)).IsApplied);

        var workers = Enumerable.Range(0, Processes).Select(i => StartWorker(connectionString, $"p{i}")).ToList();
        var counts = await Task.WhenAll(workers.Select(ReadCountsAsync));

        Assert.Equal(100, counts.Sum(c => c.Applied));
        Assert.Equal((Processes * CartsPerProcess) - 100, counts.Sum(c => c.Refused));
        var key = new PositionKey(new Sku("HOT"), new LocationId("W1"));
        var position = await store.GetPositionAsync(key, Instant.MinValue);
        Assert.Equal(new StockPosition(100, 0, 100, 0, 0, 0, 0), position.Stored);
        var journal = await store.ReadJournalAsync(0, 10_000);
        Assert.Equal(100, journal.Count(e => e.Kind == EntryKind.Reserved));
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
    }

    public void Dispose() => _server.Dispose();

    private static Process StartWorker(string connectionString, string id)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "Inventory.Storage.PostgreSql.HotSkuWorker.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { worker, connectionString, id, CartsPerProcess.ToString(), "8" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The hot-SKU worker did not start.");
    }

    private static async Task<(int Applied, int Refused)> ReadCountsAsync(Process worker)
    {
        using (worker)
        {
            var output = await worker.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(2));
            await worker.WaitForExitAsync();
            Assert.Equal(0, worker.ExitCode);
            var parts = output.Trim().Split(' ');

            return (int.Parse(parts[0]), int.Parse(parts[1]));
        }
    }
}
