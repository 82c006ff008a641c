using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Properties;

/// <summary>
/// Pins two rules at the edge of the 64-bit range: a written batch always yields its result (the units a batch
/// moves in total may exceed 64 bits even though every entry fits), and an oversell is recorded exactly even
/// when it leaves available at the lowest representable value.
/// </summary>
[Collection(LedgerPropertiesCollection.Name)]
public class LedgerLimitRegressionTests
{
    [Fact]
    public async Task ExecuteAsync_ExternalOrderLinesTotallingBeyond64Bits_ReturnsAppliedAndReplays()
    {
        var driver = new LedgerDriver(LedgerConfig.Default);
        var command = new PlaceExternalOrder("o1", "order-1",
        [
            new ExternalOrderLine("l1", LedgerWorld.Sku(0), LedgerWorld.Location(0), long.MaxValue),
            new ExternalOrderLine("l2", LedgerWorld.Sku(1), LedgerWorld.Location(0), long.MaxValue),
        ]);

        var first = await driver.Ledger.ExecuteAsync(command);
        var again = await driver.Ledger.ExecuteAsync(command);

        Assert.True(first.IsApplied, first.Message);
        Assert.Contains("18446744073709551614 units", first.Message, StringComparison.Ordinal);
        Assert.True(again.IsReplay, again.Message);
        Assert.Equal(first.Entries, again.Entries);
        var position = await driver.Ledger.GetPositionAsync(LedgerWorld.Sku(1), LedgerWorld.Location(0));
        Assert.Equal(long.MaxValue, position.Committed);
    }

    [Fact]
    public async Task ExecuteAsync_OrderLeavingTheStoredAvailableBeyond64BitsUntilASweep_IsInvalidAndChangesNothing()
    {
        // The shrunk counterexample of a property run: the live available figure fits, but the stored one, which
        // still counts the expired hold's 4 units until a sweep, would fall below the lowest long.
        var driver = new LedgerDriver(LedgerConfig.Default);
        var sku = LedgerWorld.Sku(1);
        var here = LedgerWorld.Location(1);
        await driver.Ledger.ExecuteAsync(new ReceiveStock("r1", sku, here, 4));
        await driver.Ledger.ExecuteAsync(new AdjustStock("a1", sku, here, 1L << 62, StockBucket.Damaged));
        await driver.Ledger.ExecuteAsync(new ReserveCart("c1", "cart-0", [new CartLine("l1", sku, 4)]));
        await driver.Ledger.ExecuteAsync(new SetCount("n1", sku, here, 1L << 62));
        driver.Clock.Advance(NodaTime.Duration.FromMinutes(20));
        var before = await driver.Ledger.GetPositionAsync(sku, here);

        var order = new PlaceExternalOrder("o1", "order-1",
        [
            new ExternalOrderLine("l1", sku, here, 1L << 62), new ExternalOrderLine("l2", sku, here, (1L << 62) - 1),
        ]);

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            async () => await driver.Ledger.ExecuteAsync(order));

        Assert.Contains("beyond the 64-bit range; nothing was applied", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await driver.Ledger.GetPositionAsync(sku, here));
    }

    [Fact]
    public async Task ExecuteAsync_ChangingAHoldAtTheLimit_ReturnsApplied()
    {
        var driver = new LedgerDriver(LedgerConfig.Default);
        var sku = LedgerWorld.Sku(0);
        var here = LedgerWorld.Location(0);
        await driver.Ledger.ExecuteAsync(new ReceiveStock("r1", sku, here, long.MaxValue));
        await driver.Ledger.ExecuteAsync(
            new ReserveCart("c1", "cart-0", [new CartLine("l1", sku, long.MaxValue - 1)]));

        var changed = await driver.Ledger.ExecuteAsync(new ChangeReservation("c2", "cart-0", "l1", long.MaxValue));

        Assert.True(changed.IsApplied, changed.Message);
        Assert.Equal(long.MaxValue, (await driver.Ledger.GetPositionAsync(sku, here)).Reserved);
        Assert.Equal(0, (await driver.Ledger.GetPositionAsync(sku, here)).Available);
    }

    [Fact]
    public async Task ExecuteAsync_OversellLeavingAvailableAtTheLowestLong_RecordsTheOversellExactly()
    {
        var driver = new LedgerDriver(LedgerConfig.Default);
        var sku = LedgerWorld.Sku(0);
        var here = LedgerWorld.Location(0);
        await driver.Ledger.ExecuteAsync(new PlaceExternalOrder("o1", "order-1",
            [new ExternalOrderLine("l1", sku, here, long.MaxValue)]));
        await driver.Ledger.ExecuteAsync(new FulfilOrder("f1", "order-1"));

        var result = await driver.Ledger.ExecuteAsync(new PlaceExternalOrder("o2", "order-2",
            [new ExternalOrderLine("l1", sku, here, 1)]));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(1, Assert.Single(result.Oversells).Quantity);
        Assert.Equal(long.MinValue, (await driver.Ledger.GetPositionAsync(sku, here)).Available);
    }
}
