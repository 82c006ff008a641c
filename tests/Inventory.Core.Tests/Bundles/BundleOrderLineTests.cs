using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using NodaTime;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

public sealed class BundleOrderLineTests
{
    private static readonly Instant At = LedgerHarness.Start;

    private static readonly Instant Edit = At + Duration.FromDays(1);

    [Fact]
    public async Task CommitBundleCart_KitOf2A1B3C_RecordsTheCompositionAndVersionOnTheOrder()
    {
        var (harness, reservation) = await Reserved(KitCatalog(), 10);

        await harness.Apply(new CommitBundleCart("c1", "cart", "order", reservation.Sales));

        var line = Assert.Single(await harness.Ledger.GetBundleLinesAsync("order"));
        Assert.Equal("order", line.OrderId);
        Assert.Equal("l1", line.LineId);
        Assert.Equal(S("KIT"), line.Bundle);
        Assert.Equal(10, line.Quantity);
        Assert.Equal(At, line.SoldAt);
        Assert.Null(line.VersionFrom);
        Assert.Equal(Edit, line.VersionTo);
        Assert.Equal([C("A", 2), C("INNER", 1)], line.Children);
        Assert.Equal([C("A", 2), C("B", 1), C("C", 3)], line.PerBundle);
        Assert.Equal(Expect.Position(onHand: 20, committed: 20), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 30, committed: 30), await harness.Position("C", "W1"));
    }

    [Fact]
    public async Task CommitBundleCart_Applied_JournalsOneBundleSoldEntryPerComponentThatMovesNothing()
    {
        var (harness, reservation) = await Reserved(KitCatalog(), 10);

        var result = await harness.Apply(new CommitBundleCart("c1", "cart", "order", reservation.Sales));

        var sold = result.Entries.Where(e => e.Kind == EntryKind.BundleSold).ToList();
        Assert.Equal([("A", 20L), ("B", 10L), ("C", 30L)], sold.Select(e => (e.Key.Sku.Value, e.Quantity)).ToList());
        Assert.All(sold, e => Assert.Equal(default, e.Change));
        Assert.All(sold, e => Assert.Equal("order:order/l1", e.Reference));
        Assert.All(sold, e => Assert.Equal($"bundle KIT x 10, version [-inf, {Edit})", e.Reason));
        Assert.Equal(3, result.Entries.Count(e => e.Kind == EntryKind.Committed));
    }

    [Fact]
    public async Task GetBundleLines_DefinitionEditedAfterSale_ReturnRestocksTheCompositionAsSold()
    {
        var catalog = KitCatalog();
        var (harness, reservation) = await Reserved(catalog, 2);
        await harness.Apply(new CommitBundleCart("c1", "cart", "order", reservation.Sales));
        await harness.Apply(new FulfilOrder("f1", "order", null));
        catalog.Register(Kit("KIT", C("A", 5), C("Z", 1)) with { ValidFrom = Edit });
        harness.Clock.AdvanceDays(2);

        var sale = Assert.Single(await harness.Ledger.GetBundleLinesAsync("order")).ToSale();
        var result = BundleReturnCalculator.Calculate(
            sale, 1000m, "EUR", [], [new ReturnedComponent(S("A"), 4), new ReturnedComponent(S("B"), 2)]);
        foreach (var command in result.RestockCommands("ret-1", W1))
        {
            await harness.Apply(command);
        }

        Assert.Equal([C("A", 5), C("Z", 1)], catalog.Explode(S("KIT"), 1, harness.Clock.GetCurrentInstant()));
        Assert.Equal([(S("A"), 4L), (S("B"), 2L)], result.Components.Select(c => (c.Sku, c.Quantity)).ToList());
        Assert.Equal(0, result.WholeBundlesReturned);
        Assert.Equal(Expect.Position(onHand: 20), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("B", "W1"));
        Assert.Equal(Expect.Position(onHand: 24), await harness.Position("C", "W1"));
        Assert.Throws<BundleReturnException>(
            () => BundleReturnCalculator.Calculate(sale, 1000m, "EUR", [], [new ReturnedComponent(S("Z"), 1)]));
    }

    [Fact]
    public async Task CommitBundleCart_SaleNotHeldByTheCart_RefusesAndCommitsNothing()
    {
        var (harness, reservation) = await Reserved(KitCatalog(), 10);
        var other = reservation.Sales[0] with { Quantity = 11 };

        var result = await harness.Run(new CommitBundleCart("c1", "cart", "order", [other]));

        Assert.Equal(LedgerStatus.UnknownReservation, result.Status);
        Assert.Contains("holds 20 units of A under line 'l1/A'", result.Message, StringComparison.Ordinal);
        Assert.Contains("calls for 22", result.Message, StringComparison.Ordinal);
        Assert.Empty(await harness.Ledger.GetBundleLinesAsync("order"));
        Assert.Equal(Expect.Position(onHand: 20, reserved: 20), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task CommitBundleCart_SameKeyTwice_RecordsTheLineOnceAndReplays()
    {
        var (harness, reservation) = await Reserved(KitCatalog(), 1);
        var command = new CommitBundleCart("c1", "cart", "order", reservation.Sales);

        var first = await harness.Apply(command);
        var second = await harness.Apply(command with { Sales = [.. reservation.Sales] });

        Assert.True(second.IsReplay);
        Assert.Equal(first.Entries, second.Entries);
        Assert.Single(await harness.Ledger.GetBundleLinesAsync("order"));
    }

    [Fact]
    public async Task CommitBundleCart_SameKeyOtherQuantity_IsAKeyConflict()
    {
        var (harness, reservation) = await Reserved(KitCatalog(), 1);
        await harness.Apply(new CommitBundleCart("c1", "cart", "order", reservation.Sales));

        var changed = new CommitBundleCart("c1", "cart", "order", [reservation.Sales[0] with { Quantity = 2 }]);

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => harness.Run(changed));
    }

    [Fact]
    public async Task CommitBundleCart_DefinitionOfAnotherBundle_ThrowsNamingTheLine()
    {
        var (harness, reservation) = await Reserved(KitCatalog(), 1);
        var wrong = reservation.Sales[0] with { Definition = Kit("OTHER", C("A", 1)) };

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            () => harness.Run(new CommitBundleCart("c1", "cart", "order", [wrong])));

        Assert.Contains("bundle line 'l1' (KIT)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(was OTHER)", error.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 20, reserved: 2), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task CommitBundleCart_TwoSalesWithOneLineId_ThrowsNamingTheId()
    {
        var (harness, reservation) = await Reserved(KitCatalog(), 1);
        var sale = reservation.Sales[0];

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            () => harness.Run(new CommitBundleCart("c1", "cart", "order", [sale, sale])));

        Assert.Contains("bundle line id 'l1' appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSale_RecordedLine_KeepsVersionAndComposition()
    {
        var sale = BundleCart.Reserve(KitCatalog(), "k1", "cart", [new BundleCartLine("l1", S("KIT"), 3)], At)
            .Sales[0];

        var back = BundleOrderLine.FromSale("order", sale).ToSale();

        Assert.Equal((S("KIT"), (Instant?)null, (Instant?)Edit), (back.Definition.Parent, back.Definition.ValidFrom,
            back.Definition.ValidTo));
        Assert.Equal([C("A", 2), C("INNER", 1)], back.Definition.Components);
        Assert.Equal([C("A", 2), C("B", 1), C("C", 3)], back.PerBundle);
        Assert.Equal(("l1", S("KIT"), 3L, At), (back.LineId, back.Bundle, back.Quantity, back.SoldAt));
    }

    private static BundleCatalog KitCatalog() => Catalog(
        Kit("KIT", C("A", 2), C("INNER", 1)) with { ValidTo = Edit },
        Kit("INNER", C("B", 1), C("C", 3)));

    private static async Task<(LedgerHarness Harness, BundleReservation Reservation)> Reserved(
        BundleCatalog catalog, long bundles)
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 20);
        await harness.Receive("B", "W1", 10);
        await harness.Receive("C", "W1", 30);
        var reservation = BundleCart.Reserve(
            catalog, "k1", "cart", [new BundleCartLine("l1", S("KIT"), bundles)], At);
        await harness.Apply(reservation.Command);

        return (harness, reservation);
    }
}
