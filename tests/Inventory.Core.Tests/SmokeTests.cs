using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Core.Tests;

public class SmokeTests
{
    [Fact]
    public async Task ReserveCommitFulfil_OneLine_MovesStockThroughEachState()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        var ledger = new InventoryLedger(new InMemoryInventoryStore(), clock, new InventoryOptions());
        var sku = new Sku("A");
        var here = new LocationId("W1");

        await ledger.ExecuteAsync(new ReceiveStock("r1", sku, here, 10));
        var reserved = await ledger.ExecuteAsync(new ReserveCart("c1", "cart", [new CartLine("l1", sku, 5)]));
        Assert.True(reserved.IsApplied, reserved.Message);
        Assert.Equal(5, (await ledger.GetPositionAsync(sku, here)).Available);

        var committed = await ledger.ExecuteAsync(new CommitCart("o1", "cart", "order"));
        Assert.True(committed.IsApplied, committed.Message);
        var fulfilled = await ledger.ExecuteAsync(new FulfilOrder("f1", "order"));
        Assert.True(fulfilled.IsApplied, fulfilled.Message);

        Assert.Equal(new StockPosition(5, 0, 0, 0, 0, 0, 0), await ledger.GetPositionAsync(sku, here));
    }
}
