// One app server in the hot-SKU test: reserves one unit of SKU "HOT" per cart, many carts at once over its own
// connection pool, and prints how many reservations were applied and refused.
// Usage: HotSkuWorker <connection string> <worker id> <carts> <concurrent connections>
using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Storage.PostgreSql;
using NodaTime;

var (connectionString, worker, carts, parallel) = (args[0], args[1], int.Parse(args[2]), int.Parse(args[3]));
await using var store = await PostgreSqlInventoryStore.OpenAsync(connectionString);
var ledger = new InventoryLedger(store, SystemClock.Instance, new InventoryOptions());
var applied = 0;
var refused = 0;
await Parallel.ForAsync(0, carts, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, token) =>
{
    var result = await ledger.ExecuteAsync(
        new ReserveCart($"{worker}-reserve-{i}", $"{worker}-cart-{i}", [new CartLine("l1", new Sku("HOT"), 1)]), token);
    Interlocked.Increment(ref result.IsApplied ? ref applied : ref refused);
});
Console.WriteLine($"{applied} {refused}");
