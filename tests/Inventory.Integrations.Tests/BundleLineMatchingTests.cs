using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Integrations.AfterShip;
using Inventory.Integrations.Loop;
using Inventory.Integrations.Shopify;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Integrations.Tests;

/// <summary>
/// An order holding the same bundle SKU on two lines: a returned or refunded item is matched to the recorded
/// bundle line by the payload's order line id; without a line id, by the SKU only when one line holds it.
/// </summary>
public sealed class BundleLineMatchingTests
{
    private const string Order = "1001";

    private static readonly LocationId W1 = new("W1");

    [Fact]
    public void ShopifyRefund_SecondLineOfTheSameBundle_RestocksThatLinesComponents()
    {
        var refund = """
            {"id": 77, "order_id": 1001, "refund_line_items": [
              {"id": 9, "line_item_id": 2, "quantity": 2, "restock_type": "return", "location_id": 905,
               "line_item": {"id": 2, "sku": "GIFT"}}]}
            """;

        var result = new ShopifyMapper(TwoGiftLines()).Map("refunds/create", Fixture.Text(refund));

        var restocks = result.Commands.Cast<RestockRefund>()
            .Select(r => (r.IdempotencyKey, r.OrderId, r.LineId, r.Quantity))
            .ToList();
        Assert.Equal(
            [
                ("shopify:refunds/create:77/9/CARD", Order, "2/CARD", 2L),
                ("shopify:refunds/create:77/9/MUG", Order, "2/MUG", 4L),
            ],
            restocks);
    }

    [Fact]
    public async Task ShopifyRefund_SecondLineOfTheSameBundle_IsAppliedByTheLedger()
    {
        var ledger = new InventoryLedger(
            new InMemoryInventoryStore(), new FakeClock(Instant.FromUtc(2026, 3, 2, 12, 0)), new InventoryOptions());
        await Run(ledger, new ReceiveStock("po", new Sku("MUG"), W1, 10));
        await Run(ledger, new ReserveCart("hold", "cart", [new("1/MUG", new Sku("MUG"), 1, W1),
            new("2/MUG", new Sku("MUG"), 2, W1)]));
        await Run(ledger, new CommitBundleCart("commit", "cart", Order, [Sale("1", 1), Sale("2", 2)]));
        await Run(ledger, new FulfilOrder("ship", Order));
        var options = Options();
        foreach (var line in await ledger.GetBundleLinesAsync(Order))
        {
            options.SoldBundles.Add(line);
        }

        var refund = """
            {"id": 77, "order_id": 1001, "refund_line_items": [
              {"id": 9, "line_item_id": 2, "quantity": 2, "restock_type": "return", "location_id": 905,
               "line_item": {"id": 2, "sku": "GIFT"}}]}
            """;
        foreach (var command in new ShopifyMapper(options).Map("refunds/create", Fixture.Text(refund)).Commands)
        {
            await Run(ledger, command);
        }

        var mug = await ledger.GetPositionAsync(new Sku("MUG"), W1);
        Assert.Equal((9L, 9L), (mug.OnHand, mug.Available));
    }

    [Fact]
    public void ShopifyReturnApproved_SecondLineOfTheSameBundle_IsInitiatedAsThatLinesComposition()
    {
        var approve = """
            {"id": 7001, "order": {"id": 1001}, "return_line_items": [
              {"id": 81, "quantity": 1, "line_item": {"id": 2, "sku": "GIFT"}}]}
            """;

        var result = new ShopifyMapper(TwoGiftLines()).Map("returns/approve", Fixture.Text(approve));

        Assert.Equal(
            [("81/CARD", "CARD", 1L), ("81/MUG", "MUG", 2L)],
            result.Commands.Cast<InitiateReturn>().Select(c => (c.LineId, c.Sku.Value, c.Quantity)).ToList());
    }

    [Fact]
    public void LoopReturnOpen_SecondLineOfTheSameBundle_IsInitiatedAsThatLinesComposition()
    {
        var open = """
            {"id": "R1", "state": "open", "order_id": "1001", "line_items": [
              {"line_item_id": "2", "sku": "GIFT"}, {"line_item_id": "1", "sku": "GIFT"}]}
            """;

        var result = new LoopMapper(TwoGiftLines()).Map("return.created", Fixture.Text(open));

        Assert.Equal(
            [("2/CARD", "CARD", 1L), ("2/MUG", "MUG", 2L), ("1/MUG", "MUG", 1L)],
            result.Commands.Cast<InitiateReturn>().Select(c => (c.LineId, c.Sku.Value, c.Quantity)).ToList());
    }

    [Fact]
    public void ShopifyRefund_LineIdNotRecordedAsABundleLine_RestocksTheLineAsItIs()
    {
        var refund = """
            {"id": 78, "order_id": 1001, "refund_line_items": [
              {"id": 9, "line_item_id": 3, "quantity": 1, "restock_type": "return", "location_id": 905,
               "line_item": {"id": 3, "sku": "GIFT"}}]}
            """;

        var result = new ShopifyMapper(TwoGiftLines()).Map("refunds/create", Fixture.Text(refund));

        var restock = Assert.IsType<RestockRefund>(Assert.Single(result.Commands));
        Assert.Equal((Order, "3", 1L), (restock.OrderId, restock.LineId, restock.Quantity));
    }

    [Fact]
    public void ShopifyReturnApproved_NoLineIdAndTheBundleOnTwoLines_IsReportedUnresolved()
    {
        var approve = """
            {"id": 7002, "order": {"id": 1001}, "return_line_items": [
              {"id": 81, "quantity": 1, "line_item": {"sku": "GIFT"}}]}
            """;

        var result = new ShopifyMapper(TwoGiftLines()).Map("returns/approve", Fixture.Text(approve));

        Assert.Empty(result.Commands);
        var unresolved = Assert.Single(result.Unresolved);
        Assert.Equal("$.return_line_items[0].line_item", unresolved.Path);
        Assert.Equal(
            "$.return_line_items[0].line_item: bundle GIFT is on lines '1', '2' of order '1001' and the payload "
            + "names no order line (sku 'GIFT')",
            unresolved.ToString());
    }

    [Fact]
    public void ShopifyReturnApproved_NoLineIdAndTheBundleOnOneLine_IsInitiatedAsThatLine()
    {
        var options = Options();
        options.SoldBundles.Add(Line("1", 1, ("MUG", 1)));
        var approve = """
            {"id": 7003, "order": {"id": 1001}, "return_line_items": [
              {"id": 81, "quantity": 1, "line_item": {"sku": "GIFT"}}]}
            """;

        var result = new ShopifyMapper(options).Map("returns/approve", Fixture.Text(approve));

        Assert.Equal(
            [("81/MUG", "MUG", 1L)],
            result.Commands.Cast<InitiateReturn>().Select(c => (c.LineId, c.Sku.Value, c.Quantity)).ToList());
    }

    [Fact]
    public void AfterShipApproved_BundleOnTwoLinesOfTheOrder_IsReportedUnresolved()
    {
        var options = TwoGiftLines("#1042");
        var approve = """
            {"id": "rt_1", "status": "approved", "order": {"order_number": "#1042"},
             "items": [{"id": "itm_gift", "sku": "GIFT", "quantity": 1}]}
            """;

        var result = new AfterShipMapper(options).Map("return.approved", Fixture.Text(approve));

        Assert.Empty(result.Commands);
        Assert.Equal("$.items[0]", Assert.Single(result.Unresolved).Path);
        Assert.Contains(
            "bundle GIFT is on lines '1', '2' of order '#1042'", result.ToString(), StringComparison.Ordinal);
    }

    private static BundleSale Sale(string line, long bundles) => new(
        line, new Sku("GIFT"), bundles, Instant.FromUtc(2026, 3, 2, 9, 0),
        new BundleDefinition(new Sku("GIFT"), [new(new Sku("MUG"), 1)]), [new(new Sku("MUG"), 1)]);

    private static async Task Run(InventoryLedger ledger, LedgerCommand command)
    {
        var result = await ledger.ExecuteAsync(command);
        Assert.True(result.IsApplied, result.Message);
    }

    // Line 1 sold GIFT as one mug; line 2 sold it later, when GIFT was two mugs and a card.
    private static MappingOptions TwoGiftLines(string order = Order)
    {
        var options = Options();
        options.SoldBundles.Add(Line("1", 1, ("MUG", 1)) with { OrderId = order });
        options.SoldBundles.Add(Line("2", 2, ("CARD", 1), ("MUG", 2)) with { OrderId = order });

        return options;
    }

    private static BundleOrderLine Line(string lineId, long quantity, params (string Sku, long Quantity)[] parts)
    {
        BundleComponent[] perBundle = [.. parts.Select(p => new BundleComponent(new Sku(p.Sku), p.Quantity))];

        return new BundleOrderLine(
            Order, lineId, new Sku("GIFT"), quantity, Instant.FromUtc(2026, 3, 2, 9, 0), null, null, perBundle,
            perBundle);
    }

    private static MappingOptions Options()
    {
        var options = new MappingOptions { ReturnLocation = W1 };
        options.Locations["905"] = W1;

        return options;
    }
}
