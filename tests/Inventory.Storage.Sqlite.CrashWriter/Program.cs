// Writes ledger batches to a SQLite store until it is killed; the crash-safety tests kill it with SIGKILL at
// random moments. Usage: CrashWriter <database path> <writer id>
using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Storage.Sqlite;
using NodaTime;

var store = SqliteInventoryStore.Open(args[0]);
var ledger = new InventoryLedger(store, SystemClock.Instance, new InventoryOptions());
var writer = args[1];
Console.WriteLine("ready");
for (var i = 0; ; i++)
{
    // Each receipt is one entry; each cart has three lines, so a whole batch is exactly three entries.
    var skus = new[] { new Sku($"S{i % 5}"), new Sku($"S{(i + 1) % 5}"), new Sku($"S{(i + 2) % 5}") };
    await ledger.ExecuteAsync(new ReceiveStock($"{writer}-receive-{i}", skus[0], new LocationId("W1"), 3));
    await ledger.ExecuteAsync(new ReserveCart(
        $"{writer}-reserve-{i}",
        $"{writer}-cart-{i}",
        [new CartLine("a", skus[0], 1), new CartLine("b", skus[1], 1), new CartLine("c", skus[2], 1)]));
}
