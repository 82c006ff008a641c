using Inventory.Core.Ledger;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Integrations.AfterShip;
using Inventory.Integrations.Loop;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Integrations.Tests;

public sealed class ReturnsPlatformTests
{
    [Fact]
    public void LoopReturnCreated_TwoLinesSharingALineItem_InitiateTwoUnitsOfThatLine()
    {
        var result = new LoopMapper(Options()).Map("return.created", Fixture.Bytes("Loop/return_created.json"));

        var lines = result.Commands.Cast<InitiateReturn>()
            .Select(c => (c.ReturnId, c.LineId, c.Sku.Value, c.Location.Value, c.Quantity)).ToList();
        Assert.Equal([("88112233", "4001", "MUG-BLUE", "RET", 2L), ("88112233", "4002", "CAP-RED", "RET", 1L)], lines);
    }

    [Fact]
    public void LoopReturnCancelled_ReleasesTheReturn()
    {
        var result = new LoopMapper(Options()).Map("return.updated", Fixture.Bytes("Loop/return_cancelled.json"));

        var close = Assert.IsType<CloseReturn>(Assert.Single(result.Commands));
        Assert.Equal(("88112233", ReturnClosure.Cancelled), (close.ReturnId, close.Closure));
    }

    [Fact]
    public void LoopRestockRequested_RestocksEachItemAtItsLocationAndSkipsZeroAdjustments()
    {
        var result = new LoopMapper(Options()).Map("restock.requested", Fixture.Bytes("Loop/restock_requested.json"));

        var restock = Assert.IsType<ReceiveStock>(Assert.Single(result.Commands));
        Assert.Equal(
            ("MUG-BLUE", "W-905", 2L, ReceiptKind.Return),
            (restock.Sku.Value, restock.Location.Value, restock.Quantity, restock.Kind));
    }

    [Fact]
    public void LoopRestockLegacyShape_ReceivesTheReturnLinesByLineItemId()
    {
        var result = new LoopMapper(Options()).Map("restock", Fixture.Bytes("Loop/restock_requested_legacy.json"));

        var receipts = result.Commands.Cast<ReceiveReturn>()
            .Select(r => (r.LineId, r.Receipts.Single().Condition, r.Receipts.Single().Quantity)).ToList();
        Assert.Equal([("4001", ReturnCondition.Resellable, 2L), ("4002", ReturnCondition.Resellable, 1L)], receipts);
    }

    [Fact]
    public void AfterShipApproved_BundleItem_IsInitiatedAsItsChildren()
    {
        var result = new AfterShipMapper(Options())
            .Map("return.approved", Fixture.Bytes("AfterShip/return_approved_bundle.json"));

        var lines = result.Commands.Cast<InitiateReturn>().Select(c => (c.LineId, c.Sku.Value, c.Quantity)).ToList();
        Assert.Equal(
            [("itm_mug", "MUG-BLUE", 2L), ("itm_kit_mug", "MUG-BLUE", 1L), ("itm_kit_cap", "CAP-RED", 2L)], lines);
    }

    [Fact]
    public void AfterShipApproved_BundleSoldWithAnOlderComposition_IsInitiatedAsRecorded()
    {
        var options = Options();
        options.SoldBundles.Add(SoldKit("#1042", ("CAP-RED", 1), ("MUG-BLUE", 1), ("PIN", 3)));

        var result = new AfterShipMapper(options)
            .Map("return.approved", Fixture.Bytes("AfterShip/return_approved_bundle.json"));

        var lines = result.Commands.Cast<InitiateReturn>().Select(c => (c.LineId, c.Sku.Value, c.Quantity)).ToList();
        Assert.Equal(
            [("itm_mug", "MUG-BLUE", 2L), ("itm_kit_cap", "CAP-RED", 1L), ("itm_kit_mug", "MUG-BLUE", 1L),
             ("itm_kit/PIN", "PIN", 3L)],
            lines);
        Assert.Empty(result.Unresolved);
    }

    [Fact]
    public void AfterShipApproved_BundleSoldOnAnotherOrder_IsInitiatedAsItsChildren()
    {
        var options = Options();
        options.SoldBundles.Add(SoldKit("#9999", ("CAP-RED", 1), ("MUG-BLUE", 1)));

        var result = new AfterShipMapper(options)
            .Map("return.approved", Fixture.Bytes("AfterShip/return_approved_bundle.json"));

        var lines = result.Commands.Cast<InitiateReturn>().Select(c => (c.LineId, c.Sku.Value, c.Quantity)).ToList();
        Assert.Equal(
            [("itm_mug", "MUG-BLUE", 2L), ("itm_kit_mug", "MUG-BLUE", 1L), ("itm_kit_cap", "CAP-RED", 2L)], lines);
    }

    [Fact]
    public void AfterShipApproved_ChildNotInTheBundleAsSold_ThrowsNamingThePathAndNothingIsMapped()
    {
        var options = Options();
        options.SoldBundles.Add(SoldKit("#1042", ("MUG-BLUE", 1), ("PIN", 1)));

        var error = Assert.Throws<PayloadException>(() => new AfterShipMapper(options)
            .Map("return.approved", Fixture.Bytes("AfterShip/return_approved_bundle.json")));

        Assert.Equal("$.items[1].bundled_items[1]", error.Path);
        Assert.Contains(
            "component CAP-RED was not in bundle GIFT-KIT as sold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterShipLifecycle_ThroughTheLedger_EndsWithTheGradedFigures()
    {
        var options = Options();
        options.GradeConditions["A"] = ReturnCondition.Resellable;
        options.GradeConditions["D"] = ReturnCondition.Damaged;
        var mapper = new AfterShipMapper(options);
        var ledger = new InventoryLedger(
            new InMemoryInventoryStore(), new FakeClock(Instant.FromUtc(2026, 5, 1, 12, 0)), new InventoryOptions());

        string[] steps = ["return.approved", "return.receiving.created", "return.restock.created", "return.resolved"];
        string[] files =
            ["return_approved_bundle", "return_receiving_created", "return_restock_created", "return_done"];
        for (var twice = 0; twice < 2; twice++)
        {
            foreach (var (topic, file) in steps.Zip(files))
            {
                foreach (var command in mapper.Map(topic, Fixture.Bytes($"AfterShip/{file}.json")).Commands)
                {
                    var result = await ledger.ExecuteAsync(command);
                    Assert.True(result.IsApplied, result.Message);
                }
            }
        }

        var mug = await ledger.GetPositionAsync(new Sku("MUG-BLUE"), new LocationId("RET"));
        var cap = await ledger.GetPositionAsync(new Sku("CAP-RED"), new LocationId("RET"));
        Assert.Equal(new StockPosition(2, 0, 0, Damaged: 1, 0, 0, Incoming: 0), mug);
        Assert.Equal(new StockPosition(2, 0, 0, 0, QualityControl: 0, 0, Incoming: 0), cap);
        Assert.Equal(2, cap.Available);
    }

    [Fact]
    public void AfterShipReceiving_UngradedUnits_GoToInspection()
    {
        var result = new AfterShipMapper(Options()).Map(
            "return.receiving.created", Fixture.Bytes("AfterShip/return_receiving_created.json"));

        var receipts = result.Commands.Cast<ReceiveReturn>().ToList();
        Assert.Equal([new ReturnReceipt(ReturnCondition.NeedsInspection, 2)], receipts[0].Receipts);
        Assert.Equal([new ReturnReceipt(ReturnCondition.NeedsInspection, 2)], receipts[1].Receipts);
    }

    private static Inventory.Core.Bundles.BundleOrderLine SoldKit(
        string order, params (string Sku, long PerBundle)[] components)
    {
        var perBundle = components
            .Select(c => new Inventory.Core.Bundles.BundleComponent(new Sku(c.Sku), c.PerBundle))
            .ToList();

        return new Inventory.Core.Bundles.BundleOrderLine(
            order, "l1", new Sku("GIFT-KIT"), 1, Instant.FromUtc(2026, 4, 1, 0, 0), null, null, perBundle, perBundle);
    }

    private static MappingOptions Options()
    {
        var options = new MappingOptions { ReturnLocation = new LocationId("RET") };
        options.Locations["905684977"] = new LocationId("W-905");
        options.Resolver = new InMemorySkuResolver()
            .AddVariant("39072856", new Sku("MUG-BLUE"))
            .AddVariant("49148385", new Sku("CAP-RED"));

        return options;
    }
}
