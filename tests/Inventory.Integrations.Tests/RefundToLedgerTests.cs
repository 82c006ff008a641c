using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Integrations.Tests;

public sealed class RefundToLedgerTests
{
    private const string Order = """
        {"id": 9007199254740993, "line_items": [
          {"id": 11, "sku": "MUG", "quantity": 4},
          {"id": 12, "sku": "CAP", "quantity": 3},
          {"id": 13, "sku": "HAT", "quantity": 2}]}
        """;

    private const string Refund = """
        {"id": 700, "order_id": 9007199254740993, "refund_line_items": [
          {"id": 1, "line_item_id": 11, "quantity": 2, "restock_type": "return", "location_id": 905684977,
           "line_item": {"id": 11, "sku": "MUG"}},
          {"id": 2, "line_item_id": 12, "quantity": 3, "restock_type": "cancel", "location_id": null,
           "line_item": {"id": 12, "sku": "CAP"}},
          {"id": 3, "line_item_id": 13, "quantity": 2, "restock_type": "no_restock", "location_id": null,
           "line_item": {"id": 13, "sku": "HAT"}}]}
        """;

    [Fact]
    public async Task RefundsCreate_ReturnCancelAndNoRestock_MoveExactlyTheirUnitsOnce()
    {
        var (ledger, mapper) = await LedgerWithShippedOrderAsync();
        var refund = mapper.Map("refunds/create", Fixture.Text(Refund));

        await ApplyAllAsync(ledger, refund.Commands);
        await ApplyAllAsync(ledger, mapper.Map("refunds/create", Fixture.Text(Refund)).Commands);

        Assert.Equal(6, (await Position(ledger, "MUG", "W1")).OnHand);
        Assert.Equal(2, (await Position(ledger, "MUG", "W-905")).Available);
        Assert.Equal((10L, 0L, 10L), Figures(await Position(ledger, "CAP", "W1")));
        Assert.Equal((8L, 0L, 8L), Figures(await Position(ledger, "HAT", "W1")));
    }

    [Fact]
    public async Task RefundsCreate_IdOfTwoToTheFiftyThreePlusOne_IsKeptExactly()
    {
        var (_, mapper) = await LedgerWithShippedOrderAsync();

        var refund = mapper.Map("refunds/create", Fixture.Text(Refund));

        Assert.All(
            refund.Commands.Cast<Core.Returns.RestockRefund>(), r => Assert.Equal("9007199254740993", r.OrderId));
    }

    private static async Task<(InventoryLedger Ledger, Shopify.ShopifyMapper Mapper)> LedgerWithShippedOrderAsync()
    {
        var options = new MappingOptions { OrderLocation = new LocationId("W1") };
        options.Locations["905684977"] = new LocationId("W-905");
        var mapper = new Shopify.ShopifyMapper(options);
        var ledger = new InventoryLedger(
            new InMemoryInventoryStore(), new FakeClock(Instant.FromUtc(2026, 5, 1, 12, 0)), new InventoryOptions());
        foreach (var sku in new[] { "MUG", "CAP", "HAT" })
        {
            await ledger.ExecuteAsync(new ReceiveStock($"receive-{sku}", new Sku(sku), new LocationId("W1"), 10));
        }

        await ApplyAllAsync(ledger, mapper.Map("orders/create", Fixture.Text(Order)).Commands);
        await ledger.ExecuteAsync(new FulfilOrder("ship-mug", "9007199254740993", [new FulfilmentLine("11", 4)]));
        await ledger.ExecuteAsync(new FulfilOrder("ship-hat", "9007199254740993", [new FulfilmentLine("13", 2)]));

        return (ledger, mapper);
    }

    private static async Task ApplyAllAsync(InventoryLedger ledger, IEnumerable<LedgerCommand> commands)
    {
        foreach (var command in commands)
        {
            var result = await ledger.ExecuteAsync(command);
            Assert.True(result.IsApplied, result.Message);
        }
    }

    private static Task<StockPosition> Position(InventoryLedger ledger, string sku, string location) =>
        ledger.GetPositionAsync(new Sku(sku), new LocationId(location)).AsTask();

    private static (long OnHand, long Committed, long Available) Figures(StockPosition p) =>
        (p.OnHand, p.Committed, p.Available);
}
