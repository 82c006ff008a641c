using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Integrations.Loop;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Integrations.Tests;

/// <summary>
/// Loop's older restock shape (items keyed by line item id) of a bundle line: it restocks the component return
/// lines the open return created, when the payload names the order; without the order it is not mapped.
/// </summary>
public sealed class LoopBundleRestockTests
{
    private static readonly LocationId W1 = new("W1");

    [Fact]
    public void LegacyRestock_BundleLineOnTheNamedOrder_ReceivesEachComponentReturnLine()
    {
        var restock = """{"id": "R5", "order_id": "1001", "restock_items": {"1": "2", "7": "1"}}""";

        var result = new LoopMapper(Options(Line(2, ("CARD", 1), ("MUG", 3)))).Map("restock", Fixture.Text(restock));

        var receipts = result.Commands.Cast<ReceiveReturn>()
            .Select(r => (r.IdempotencyKey, r.ReturnId, r.LineId, r.Receipts.Single().Condition,
                r.Receipts.Single().Quantity))
            .ToList();
        Assert.Equal(
            [
                ("loop:restock:R5/1/CARD", "R5", "1/CARD", ReturnCondition.Resellable, 2L),
                ("loop:restock:R5/1/MUG", "R5", "1/MUG", ReturnCondition.Resellable, 6L),
                ("loop:restock:R5/7", "R5", "7", ReturnCondition.Resellable, 1L),
            ],
            receipts);
    }

    [Fact]
    public void LegacyRestock_BundleLineAndNoOrder_IsReportedUnresolvedNamingTheLine()
    {
        var restock = """{"id": "R5", "restock_items": {"1": "1"}}""";

        var result = new LoopMapper(Options(Line(1, ("MUG", 1)))).Map("restock", Fixture.Text(restock));

        Assert.Empty(result.Commands);
        var unresolved = Assert.Single(result.Unresolved);
        Assert.Equal("$.restock_items.1", unresolved.Path);
        Assert.Equal(
            "line item '1' is a recorded bundle line (order '1001'), and a restock that names no order_id cannot "
            + "tell which component return lines it restocks",
            unresolved.Reason);
    }

    [Fact]
    public void LegacyRestock_PlainLineAndNoOrder_ReceivesTheLineAsBefore()
    {
        var restock = """{"id": "R5", "restock_items": {"4": "3"}}""";

        var result = new LoopMapper(Options(Line(1, ("MUG", 1)))).Map("restock", Fixture.Text(restock));

        var receipt = Assert.IsType<ReceiveReturn>(Assert.Single(result.Commands));
        Assert.Equal(("4", 3L), (receipt.LineId, receipt.Receipts.Single().Quantity));
    }

    [Fact]
    public async Task LegacyRestock_OfABundleReturnOpenedByLoop_IsAppliedByTheLedger()
    {
        var ledger = new InventoryLedger(
            new InMemoryInventoryStore(), new FakeClock(Instant.FromUtc(2026, 3, 2, 12, 0)), new InventoryOptions());
        await Run(ledger, new ReceiveStock("po", new Sku("MUG"), W1, 10));
        await Run(ledger, new ReserveCart("hold", "cart", [new("1/MUG", new Sku("MUG"), 1, W1)]));
        var sale = new BundleSale(
            "1", new Sku("GIFT"), 1, Instant.FromUtc(2026, 3, 2, 9, 0),
            new BundleDefinition(new Sku("GIFT"), [new(new Sku("MUG"), 1)]), [new(new Sku("MUG"), 1)]);
        await Run(ledger, new CommitBundleCart("commit", "cart", "1001", [sale]));
        await Run(ledger, new FulfilOrder("ship", "1001"));
        var options = new MappingOptions { ReturnLocation = W1 };
        foreach (var line in await ledger.GetBundleLinesAsync("1001"))
        {
            options.SoldBundles.Add(line);
        }

        var mapper = new LoopMapper(options);
        var open = """
            {"id": "R5", "state": "open", "order_id": "1001", "line_items": [{"line_item_id": "1", "sku": "GIFT"}]}
            """;
        var restock = """{"id": "R5", "order_id": "1001", "restock_items": {"1": "1"}}""";
        foreach (var command in mapper.Map("return.created", Fixture.Text(open)).Commands
            .Concat(mapper.Map("restock", Fixture.Text(restock)).Commands))
        {
            await Run(ledger, command);
        }

        var mug = await ledger.GetPositionAsync(new Sku("MUG"), W1);
        Assert.Equal((10L, 10L, 0L), (mug.OnHand, mug.Available, mug.Incoming));
    }

    private static async Task Run(InventoryLedger ledger, LedgerCommand command)
    {
        var result = await ledger.ExecuteAsync(command);
        Assert.True(result.IsApplied, result.Message);
    }

    private static BundleOrderLine Line(long quantity, params (string Sku, long Quantity)[] parts)
    {
        BundleComponent[] perBundle = [.. parts.Select(p => new BundleComponent(new Sku(p.Sku), p.Quantity))];

        return new BundleOrderLine(
            "1001", "1", new Sku("GIFT"), quantity, Instant.FromUtc(2026, 3, 2, 9, 0), null, null, perBundle,
            perBundle);
    }

    private static MappingOptions Options(BundleOrderLine sold)
    {
        var options = new MappingOptions { ReturnLocation = W1 };
        options.SoldBundles.Add(sold);

        return options;
    }
}
