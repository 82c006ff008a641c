using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using NodaTime;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

public sealed class BundleSellingTests
{
    private static readonly Instant At = LedgerHarness.Start;

    [Fact]
    public async Task Reserve_KitOf2A1B3COrderOf10_HoldsA20B10C30InOneCommand()
    {
        var harness = await Stocked(("A", 20), ("B", 10), ("C", 30));

        var reservation = BundleCart.Reserve(KitCatalog(), "k1", "cart", [new BundleCartLine("l1", S("KIT"), 10)], At);
        await harness.Apply(reservation.Command);

        Assert.Equal(Expect.Position(onHand: 20, reserved: 20), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 10, reserved: 10), await harness.Position("B", "W1"));
        Assert.Equal(Expect.Position(onHand: 30, reserved: 30), await harness.Position("C", "W1"));
        var sale = Assert.Single(reservation.Sales);
        Assert.Equal([C("A", 2), C("B", 1), C("C", 3)], sale.PerBundle);
        Assert.Equal([C("A", 20), C("B", 10), C("C", 30)], sale.Components);
    }

    [Fact]
    public async Task Reserve_OneComponentShort_RefusesTheWholeBundleAndHoldsNothing()
    {
        var harness = await Stocked(("A", 20), ("B", 9), ("C", 30));

        var reservation = BundleCart.Reserve(KitCatalog(), "k1", "cart", [new BundleCartLine("l1", S("KIT"), 10)], At);
        var result = await harness.Run(reservation.Command);

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(S("B"), shortfall.Sku);
        Assert.Equal(10, shortfall.Requested);
        Assert.Equal(Expect.Position(onHand: 20), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 30), await harness.Position("C", "W1"));
    }

    [Fact]
    public async Task CommitAndFulfil_ThreeOfTenBundles_DeductsChildrenAtomicallyAndCountsThreeDelivered()
    {
        var harness = await Stocked(("A", 20), ("B", 10), ("C", 30));
        var reservation = BundleCart.Reserve(KitCatalog(), "k1", "cart", [new BundleCartLine("l1", S("KIT"), 10)], At);
        await harness.Apply(reservation.Command);
        await harness.Apply(new CommitCart("c1", "cart", "order"));
        var sale = reservation.Sales[0];

        await harness.Apply(new FulfilOrder("f1", "order", sale.FulfilmentLines(3)));

        Assert.Equal(Expect.Position(onHand: 14, committed: 14), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 7, committed: 7), await harness.Position("B", "W1"));
        Assert.Equal(Expect.Position(onHand: 21, committed: 21), await harness.Position("C", "W1"));
        var shipped = new Dictionary<Sku, long> { [S("A")] = 6, [S("B")] = 3, [S("C")] = 9 };
        Assert.Equal(3, BundleMath.WholeBundles(sale.PerBundle, shipped));
    }

    [Fact]
    public async Task Fulfil_MoreBundlesThanOneComponentHasOpen_RefusesAndShipsNoComponent()
    {
        var harness = await Stocked(("A", 20), ("B", 10), ("C", 30));
        var reservation = BundleCart.Reserve(KitCatalog(), "k1", "cart", [new BundleCartLine("l1", S("KIT"), 2)], At);
        await harness.Apply(reservation.Command);
        await harness.Apply(new CommitCart("c1", "cart", "order"));

        var result = await harness.Run(new FulfilOrder("f1", "order", reservation.Sales[0].FulfilmentLines(3)));

        Assert.False(result.IsApplied);
        Assert.Equal(Expect.Position(onHand: 20, committed: 4), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 10, committed: 2), await harness.Position("B", "W1"));
    }

    [Fact]
    public async Task GetAvailable_ComponentReservedOnItsOwn_LowersTheBundleAtOnceAndTheReverse()
    {
        var harness = await Stocked(("A", 20), ("B", 10), ("C", 30));
        var catalog = KitCatalog();
        Assert.Equal(10, await BundleCart.GetAvailableAsync(harness.Ledger, catalog, S("KIT"), At));

        await harness.Apply(new ReserveCart("k0", "solo", [LedgerHarness.Line("x", "A", 5)]));
        Assert.Equal(7, await BundleCart.GetAvailableAsync(harness.Ledger, catalog, S("KIT"), At));

        var bundleHold = BundleCart.Reserve(catalog, "k1", "cart", [new BundleCartLine("l1", S("KIT"), 4)], At);
        await harness.Apply(bundleHold.Command);
        Assert.Equal(3, await BundleCart.GetAvailableAsync(harness.Ledger, catalog, S("KIT"), At));
        Assert.Equal(6, await harness.Available("B"));
    }

    [Fact]
    public async Task Reserve_BundleAndPlainLineOfTheSameComponent_CheckedAgainstOneRunningTotal()
    {
        var harness = await Stocked(("A", 20), ("B", 10), ("C", 30));

        var reservation = BundleCart.Reserve(
            KitCatalog(),
            "k1",
            "cart",
            [new BundleCartLine("l1", S("KIT"), 6), new BundleCartLine("l2", S("A"), 9)],
            At);
        var result = await harness.Run(reservation.Command);

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(Expect.Position(onHand: 20), await harness.Position("A", "W1"));
    }

    [Fact]
    public void Reserve_ZeroBundles_ThrowsNamingTheLine()
    {
        var error = Assert.Throws<InvalidCommandException>(
            () => BundleCart.Reserve(KitCatalog(), "k1", "cart", [new BundleCartLine("l1", S("KIT"), 0)], At));

        Assert.Contains("line 'l1' (KIT)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(was 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_DefinitionEditedAfterSale_SaleKeepsTheCompositionOfItsTime()
    {
        var edit = At + Duration.FromDays(1);
        var catalog = Catalog(Kit("KIT", C("A", 2), C("B", 1)) with { ValidTo = edit });
        var sale = BundleCart.Reserve(catalog, "k1", "cart", [new BundleCartLine("l1", S("KIT"), 1)], At).Sales[0];

        catalog.Register(Kit("KIT", C("A", 5), C("Z", 1)) with { ValidFrom = edit });

        Assert.Equal([C("A", 2), C("B", 1)], sale.PerBundle);
        Assert.Null(sale.Definition.ValidFrom);
        Assert.Equal(edit, sale.Definition.ValidTo);
        Assert.Equal([C("A", 5), C("Z", 1)], catalog.Explode(S("KIT"), 1, edit));
    }

    private static BundleCatalog KitCatalog() => Catalog(Kit("KIT", C("A", 2), C("B", 1), C("C", 3)));

    private static async Task<LedgerHarness> Stocked(params (string Sku, long Units)[] units)
    {
        var harness = new LedgerHarness();
        foreach (var (sku, count) in units)
        {
            await harness.Receive(sku, "W1", count);
        }

        return harness;
    }
}
