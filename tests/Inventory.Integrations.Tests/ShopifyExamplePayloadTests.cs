using Inventory.Core.Orders;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Integrations.Shopify;

namespace Inventory.Integrations.Tests;

public sealed class ShopifyExamplePayloadTests
{
    public static TheoryData<string, string, int> Examples => new()
    {
        { "gadget_2026-04_orders_create.json", "orders/create", 1 },
        { "gadget_2026-04_orders_updated.json", "orders/updated", 0 },
        { "gadget_2026-04_orders_cancelled.json", "orders/cancelled", 1 },
        { "gadget_2026-04_refunds_create.json", "refunds/create", 5 },
        { "gadget_2026-04_returns_request.json", "returns/request", 0 },
        { "gadget_2026-04_returns_approve.json", "returns/approve", 0 },
        { "gadget_2026-04_returns_decline.json", "returns/decline", 0 },
        { "gadget_2026-04_returns_cancel.json", "returns/cancel", 1 },
        { "gadget_2026-04_returns_close.json", "returns/close", 1 },
        { "shopify_python_api_order.json", "orders/create", 1 },
        { "shopify_python_api_orders.json", "orders/create", 0 },
        { "shopify_python_api_refund.json", "refunds/create", 2 },
        { "shopify_python_api_inventory_level.json", "inventory_levels/update", 1 },
        { "shopify_python_api_inventory_levels.json", "inventory_levels/update", 4 },
        { "shopify_python_api_location_inventory_levels.json", "inventory_levels/update", 2 },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Map_DocumentedExample_MapsWithoutErrorToTheExpectedCommandCount(string file, string topic, int commands)
    {
        var result = Mapper().Map(topic, Fixture.Bytes("Shopify/" + file));

        Assert.True(result.IsMapped, result.ToString());
        Assert.Equal(commands, result.Commands.Count);
    }

    [Fact]
    public void Map_OrdersCreateExample_CommitsEveryLineWithItsIdExactlyAsWritten()
    {
        var result = Mapper().Map("orders/create", Fixture.Bytes("Shopify/gadget_2026-04_orders_create.json"));

        var order = Assert.IsType<PlaceExternalOrder>(Assert.Single(result.Commands));
        Assert.Equal("820982911946154500", order.OrderId);
        Assert.Equal("shopify:orders/create:820982911946154500", order.IdempotencyKey);
        Assert.Equal(
            [
                "487817672276298560", "789012345678901200", "890123456789012400", "976318377106520300",
                "315789986012684400",
            ],
            order.Lines.Select(l => l.LineId));
        Assert.Equal(
            ["SKU2006-001", "LENS-PROTECT-2YR", "CASE-LEATHER-PREM", "SKU2006-020", "SKU2006-035"],
            order.Lines.Select(l => l.Sku.Value));
        Assert.All(order.Lines, l => Assert.Equal((1L, "store-1"), (l.Quantity, l.Location.Value)));
    }

    [Fact]
    public void Map_RefundsCreateExample_KeepsEveryLineAsNoRestock()
    {
        var result = Mapper().Map("refunds/create", Fixture.Bytes("Shopify/gadget_2026-04_refunds_create.json"));

        var refunds = result.Commands.Cast<RestockRefund>().ToList();
        Assert.All(
            refunds,
            r => Assert.Equal((RefundRestock.NoRestock, 1L, (LocationId?)null), (r.Restock, r.Quantity, r.Location)));
        Assert.Equal("487817672276298560", refunds[0].LineId);
        Assert.Equal("shopify:refunds/create:890088186047892400/487817672276298600", refunds[0].IdempotencyKey);
    }

    [Fact]
    public void Map_LegacyRestockRefundOfUnshippedLines_CancelsTheirCommitment()
    {
        var result = Mapper().Map("refunds/create", Fixture.Bytes("Shopify/shopify_python_api_refund.json"));

        var refunds = result.Commands.Cast<RestockRefund>().ToList();
        Assert.Equal(["703073504", "466157049"], refunds.Select(r => r.LineId));
        Assert.All(
            refunds, r => Assert.Equal(("450789469", RefundRestock.Cancel, 1L), (r.OrderId, r.Restock, r.Quantity)));
    }

    [Fact]
    public void Map_ReturnsCancelAndClose_ReleaseTheReturn()
    {
        var cancel = Mapper().Map("returns/cancel", Fixture.Bytes("Shopify/gadget_2026-04_returns_cancel.json"));
        var close = Mapper().Map("returns/close", Fixture.Bytes("Shopify/gadget_2026-04_returns_close.json"));

        var cancelled = Assert.IsType<CloseReturn>(Assert.Single(cancel.Commands));
        var closed = Assert.IsType<CloseReturn>(Assert.Single(close.Commands));
        Assert.Equal(("123134564567890", ReturnClosure.Cancelled), (cancelled.ReturnId, cancelled.Closure));
        Assert.Equal(("123134564567890", ReturnClosure.Closed), (closed.ReturnId, closed.Closure));
    }

    [Fact]
    public void Map_InventoryLevelsExample_SetsAvailablePerItemAndLocation()
    {
        var result = Mapper()
            .Map("inventory_levels/update", Fixture.Bytes("Shopify/shopify_python_api_inventory_levels.json"));

        var levels = result.Commands.Cast<SetAvailable>()
            .Select(l => (l.Sku.Value, l.Location.Value, l.Available)).ToList();
        Assert.Equal(
            [
                ("IPOD-GREEN", "487838322", 27L), ("IPOD-BLACK", "W-905", 1L),
                ("IPOD-BLACK", "487838322", 9L), ("IPOD-GREEN", "W-905", 3L),
            ],
            levels);
    }

    [Fact]
    public void Map_InventoryLevelOfAnUnknownItem_IsAClearResultWithNoCommands()
    {
        var result = new ShopifyMapper(new MappingOptions())
            .Map("inventory_levels/update", Fixture.Bytes("Shopify/shopify_python_api_inventory_level.json"));

        Assert.False(result.IsMapped);
        Assert.Empty(result.Commands);
        var unknown = Assert.Single(result.Unresolved);
        Assert.Equal("$.inventory_level", unknown.Path);
        Assert.Equal("$.inventory_level: unknown item (inventory item 808950810)", unknown.ToString());
    }

    [Fact]
    public void Map_RefundCalculation_IsNotARefundAndNamesTheMissingId()
    {
        // The refund calculation endpoint suggests a refund; it carries no refund id because none happened.
        var error = Assert.Throws<PayloadException>(
            () => Mapper().Map("refunds/create", Fixture.Bytes("Shopify/shopify_python_api_refund_calculate.json")));

        Assert.Equal("$.refund.id", error.Path);
    }

    internal static ShopifyMapper Mapper()
    {
        var options = new MappingOptions { OrderLocation = new LocationId("store-1") };
        options.Locations["905684977"] = new LocationId("W-905");
        var resolver = new InMemorySkuResolver();
        resolver.AddInventoryItem("39072856", new Sku("IPOD-GREEN"))
            .AddInventoryItem("808950810", new Sku("IPOD-BLACK"));
        options.Resolver = resolver;

        return new ShopifyMapper(options);
    }
}
