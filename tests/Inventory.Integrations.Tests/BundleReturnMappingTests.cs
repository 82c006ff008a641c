using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Integrations.Loop;
using Inventory.Integrations.Shopify;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Integrations.Tests;

/// <summary>
/// Shopify and Loop return a bundle sold as one of <see cref="MappingOptions.SoldBundles"/> as the composition
/// recorded at the time of sale, as AfterShip does; a bundle sold on another order maps as before.
/// </summary>
public sealed class BundleReturnMappingTests
{
    private const string Order = "5550001";

    // GIFT-KIT x 2 returned (line 81) and one mug on its own (line 82).
    private const string ShopifyReturn = """
        {"id": 7001, "status": "open", "order": {"id": 5550001},
         "return_line_items": [
           {"id": 81, "quantity": 2, "line_item": {"id": 4003, "sku": "GIFT-KIT"}},
           {"id": 82, "quantity": 1, "fulfillment_line_item": {"line_item": {"id": 4001, "variant_id": 39072856}}}]}
        """;

    // Loop lists one line per unit: two GIFT-KIT units share line item 4003.
    private const string LoopReturn = """
        {"id": 88112299, "state": "open", "order_id": 5550001, "line_items": [
          {"line_item_id": "4003", "sku": "GIFT-KIT", "outcome": "default"},
          {"line_item_id": "4001", "sku": "MUG-BLUE", "variant_id": 39072856, "outcome": "default"},
          {"line_item_id": "4003", "sku": "GIFT-KIT", "outcome": "default"}]}
        """;

    // Refund of one of the two GIFT-KIT bundles sold on order line 4003, restocked as a return at W1.
    private const string ShopifyRefund = """
        {"id": 9001, "order_id": 5550001, "refund_line_items": [
          {"id": 91, "line_item_id": 4003, "quantity": 1, "restock_type": "return", "location_id": 905684977,
           "line_item": {"id": 4003, "sku": "GIFT-KIT"}}]}
        """;

    [Fact]
    public void ShopifyReturnApproved_BundleSoldOnTheOrder_IsInitiatedAsTheRecordedComposition()
    {
        var result = new ShopifyMapper(WithKit(Order)).Map("returns/approve", Fixture.Text(ShopifyReturn));

        Assert.Equal(
            [
                ("shopify:returns/approve:7001/81/CAP-RED", "81/CAP-RED", "CAP-RED", 2L),
                ("shopify:returns/approve:7001/81/MUG-BLUE", "81/MUG-BLUE", "MUG-BLUE", 2L),
                ("shopify:returns/approve:7001/81/PIN", "81/PIN", "PIN", 6L),
                ("shopify:returns/approve:7001/82", "82", "MUG-BLUE", 1L),
            ],
            Initiated(result));
        Assert.All(result.Commands.Cast<InitiateReturn>(), c => Assert.Equal(("7001", "RET"), (c.ReturnId,
            c.Location.Value)));
        Assert.Empty(result.Unresolved);
    }

    [Fact]
    public void ShopifyReturnApproved_BundleSoldOnAnotherOrder_IsInitiatedAsTheBundleSku()
    {
        var result = new ShopifyMapper(WithKit("4783296544821")).Map("returns/approve", Fixture.Text(ShopifyReturn));

        Assert.Equal(
            [
                ("shopify:returns/approve:7001/81", "81", "GIFT-KIT", 2L),
                ("shopify:returns/approve:7001/82", "82", "MUG-BLUE", 1L),
            ],
            Initiated(result));
    }

    [Fact]
    public void LoopReturnOpen_BundleSoldOnTheOrder_IsInitiatedAsTheRecordedCompositionPerUnit()
    {
        var result = new LoopMapper(WithKit(Order)).Map("return.created", Fixture.Text(LoopReturn));

        Assert.Equal(
            [
                ("loop:return:88112299/4003/CAP-RED", "4003/CAP-RED", "CAP-RED", 2L),
                ("loop:return:88112299/4003/MUG-BLUE", "4003/MUG-BLUE", "MUG-BLUE", 2L),
                ("loop:return:88112299/4003/PIN", "4003/PIN", "PIN", 6L),
                ("loop:return:88112299/4001", "4001", "MUG-BLUE", 1L),
            ],
            Initiated(result));
    }

    [Fact]
    public void LoopReturnOpen_BundleSoldOnAnotherOrder_IsInitiatedAsTheBundleSku()
    {
        var result = new LoopMapper(WithKit("5550002")).Map("return.created", Fixture.Text(LoopReturn));

        Assert.Equal(
            [
                ("loop:return:88112299/4003", "4003", "GIFT-KIT", 2L),
                ("loop:return:88112299/4001", "4001", "MUG-BLUE", 1L),
            ],
            Initiated(result));
    }

    [Fact]
    public void ShopifyRefund_BundleSoldOnTheOrder_RestocksEachRecordedComponentLine()
    {
        var result = new ShopifyMapper(WithKit(Order)).Map("refunds/create", Fixture.Text(ShopifyRefund));

        var restocks = result.Commands.Cast<RestockRefund>()
            .Select(r => (r.IdempotencyKey, r.OrderId, r.LineId, r.Quantity, r.Restock, r.Location?.Value))
            .ToList();
        Assert.Equal(
            [
                ("shopify:refunds/create:9001/91/CAP-RED", Order, "4003/CAP-RED", 1L, RefundRestock.Return, "W-905"),
                ("shopify:refunds/create:9001/91/MUG-BLUE", Order, "4003/MUG-BLUE", 1L, RefundRestock.Return, "W-905"),
                ("shopify:refunds/create:9001/91/PIN", Order, "4003/PIN", 3L, RefundRestock.Return, "W-905"),
            ],
            restocks);
    }

    [Fact]
    public async Task ShopifyRefund_OfABundleCommittedAndShipped_RestocksItsComponentsThroughTheLedger()
    {
        var ledger = new InventoryLedger(
            new InMemoryInventoryStore(), new FakeClock(Instant.FromUtc(2026, 4, 1, 12, 0)), new InventoryOptions());
        var catalog = new BundleCatalog();
        catalog.Register(new BundleDefinition(
            new Sku("GIFT-KIT"), [new(new Sku("CAP-RED"), 1), new(new Sku("MUG-BLUE"), 1), new(new Sku("PIN"), 3)]));
        foreach (var sku in new[] { "CAP-RED", "MUG-BLUE", "PIN" })
        {
            await Run(ledger, new ReceiveStock($"po-{sku}", new Sku(sku), new LocationId("W-905"), 10));
        }

        var at = Instant.FromUtc(2026, 4, 1, 12, 0);
        var reservation = BundleCart.Reserve(
            catalog, "hold-1", "cart-1", [new BundleCartLine("4003", new Sku("GIFT-KIT"), 2, new LocationId("W-905"))],
            at);
        await Run(ledger, reservation.Command);
        await Run(ledger, new CommitBundleCart("commit-1", "cart-1", Order, reservation.Sales));
        await Run(ledger, new FulfilOrder("ship-1", Order));
        var options = Options();
        foreach (var line in await ledger.GetBundleLinesAsync(Order))
        {
            options.SoldBundles.Add(line);
        }

        foreach (var command in new ShopifyMapper(options).Map("refunds/create", Fixture.Text(ShopifyRefund)).Commands)
        {
            await Run(ledger, command);
        }

        Assert.Equal(9, (await ledger.GetPositionAsync(new Sku("CAP-RED"), new LocationId("W-905"))).OnHand);
        Assert.Equal(9, (await ledger.GetPositionAsync(new Sku("MUG-BLUE"), new LocationId("W-905"))).OnHand);
        Assert.Equal(7, (await ledger.GetPositionAsync(new Sku("PIN"), new LocationId("W-905"))).OnHand);
    }

    [Fact]
    public void ShopifyReturnApproved_MoreBundlesThanSold_MapsToNothingAndSaysWhy()
    {
        var payload = ShopifyReturn.Replace("\"id\": 81, \"quantity\": 2", "\"id\": 81, \"quantity\": 3",
            StringComparison.Ordinal);

        var result = new ShopifyMapper(WithKit(Order)).Map("returns/approve", Fixture.Text(payload));

        Assert.Empty(result.Commands);
        var unresolved = Assert.Single(result.Unresolved);
        Assert.Equal(
            "the payload returns 3 of bundle GIFT-KIT on line '4003' of order '5550001', which sold 2",
            unresolved.Reason);
    }

    [Fact]
    public void LoopReturnCreated_MoreBundleUnitsThanSold_MapsToNothingAndSaysWhy()
    {
        var payload = LoopReturn.Replace(
            "\"outcome\": \"default\"}]}",
            "\"outcome\": \"default\"},\n  {\"line_item_id\": \"4003\", \"sku\": \"GIFT-KIT\", "
                + "\"outcome\": \"default\"}]}",
            StringComparison.Ordinal);

        var result = new LoopMapper(WithKit(Order)).Map("return.created", Fixture.Text(payload));

        Assert.Empty(result.Commands);
        Assert.Contains(
            "returns 3 of bundle GIFT-KIT", Assert.Single(result.Unresolved).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterShipApproved_MoreBundlesThanSold_MapsToNothingAndSaysWhy()
    {
        var options = Options();
        BundleComponent[] perBundle = [new(new Sku("CAP-RED"), 1), new(new Sku("MUG-BLUE"), 1)];
        options.SoldBundles.Add(new BundleOrderLine(
            "#1042", "l1", new Sku("GIFT-KIT"), 1, Instant.FromUtc(2026, 4, 1, 0, 0), null, null, perBundle,
            perBundle));
        var payload = System.Text.Encoding.UTF8.GetString(Fixture.Bytes("AfterShip/return_approved_bundle.json"))
            .Replace("\"sku\":\"GIFT-KIT\",\"quantity\":1", "\"sku\":\"GIFT-KIT\",\"quantity\":2",
                StringComparison.Ordinal);

        var result = new Inventory.Integrations.AfterShip.AfterShipMapper(options)
            .Map("return.approved", Fixture.Text(payload));

        Assert.Empty(result.Commands);
        Assert.Contains(
            "returns 2 of bundle GIFT-KIT", Assert.Single(result.Unresolved).Reason, StringComparison.Ordinal);
    }

    private static async Task Run(InventoryLedger ledger, LedgerCommand command)
    {
        var result = await ledger.ExecuteAsync(command);
        Assert.True(result.IsApplied, result.Message);
    }

    private static List<(string Key, string LineId, string Sku, long Quantity)> Initiated(MappingResult result) =>
        result.Commands.Cast<InitiateReturn>().Select(c => (c.IdempotencyKey, c.LineId, c.Sku.Value, c.Quantity))
            .ToList();

    private static MappingOptions WithKit(string order)
    {
        var options = Options();
        BundleComponent[] perBundle = [new(new Sku("CAP-RED"), 1), new(new Sku("MUG-BLUE"), 1), new(new Sku("PIN"), 3)];
        options.SoldBundles.Add(new BundleOrderLine(
            order, "4003", new Sku("GIFT-KIT"), 2, Instant.FromUtc(2026, 4, 1, 0, 0), null, null, perBundle,
            perBundle));

        return options;
    }

    private static MappingOptions Options()
    {
        var options = new MappingOptions { ReturnLocation = new LocationId("RET") };
        options.Locations["905684977"] = new LocationId("W-905");
        options.Resolver = new InMemorySkuResolver().AddVariant("39072856", new Sku("MUG-BLUE"));

        return options;
    }
}
