using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

public sealed class BundleAvailabilityIndexTests
{
    [Fact]
    public void Constructor_NestedKits_ComputesEveryBundleAndItsLimitingComponent()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 9), ("Z", 100)));

        Assert.Equal(3, index.BundleCount);
        Assert.Equal(3, index.ComponentCount);
        Assert.Equal(10, index.Availability(S("MID")));
        Assert.Equal(4, index.Availability(S("TOP")));
        Assert.Equal(S("Y"), index.Limiting(S("TOP")));
        Assert.Equal(50, index.Availability(S("SIDE")));
    }

    [Fact]
    public void DependentsOf_LeafOfANestedKit_ListsBothLevels()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units());

        Assert.Equal([S("MID"), S("TOP")], index.DependentsOf(S("X")).Order());
        Assert.Equal([S("SIDE")], index.DependentsOf(S("Z")));
        Assert.Empty(index.DependentsOf(S("NOT-USED")));
    }

    [Fact]
    public void Update_BatchTouchingOneComponentTwice_ReportsEachChangedSkuOnceWithFinalFigures()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 9), ("Z", 100)));
        var changes = new List<AvailabilityChange>();

        index.Update(
            [new StockLevel(S("X"), 6), new StockLevel(S("Z"), 100), new StockLevel(S("NOT-USED"), 3)], changes);

        Assert.Equal(
            [
                new AvailabilityChange(S("X"), 10, 6, IsBundle: false),
                new AvailabilityChange(S("MID"), 10, 6, IsBundle: true),
                new AvailabilityChange(S("TOP"), 4, 3, IsBundle: true),
            ],
            changes);
        Assert.Equal(50, index.Availability(S("SIDE")));
    }

    [Fact]
    public void Update_BatchListingAComponentThreeTimes_ReportsItOnceWithItsNetChange()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 9), ("Z", 100)));
        var changes = new List<AvailabilityChange>();

        index.Update([new StockLevel(S("X"), 3), new StockLevel(S("X"), 7), new StockLevel(S("X"), 24)], changes);

        Assert.Equal(
            [
                new AvailabilityChange(S("X"), 10, 24, IsBundle: false),
                new AvailabilityChange(S("MID"), 10, 24, IsBundle: true),
            ],
            changes);
    }

    [Fact]
    public void Update_BatchGoingDownAndBackUp_ReportsNothing()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 9), ("Z", 100)));
        var changes = new List<AvailabilityChange>();

        index.Update([new StockLevel(S("X"), 2), new StockLevel(S("Y"), 0), new StockLevel(S("X"), 10)], changes);

        Assert.Equal([new AvailabilityChange(S("Y"), 9, 0, IsBundle: false)], changes.Where(c => !c.IsBundle));
        Assert.Equal(10, index.Availability(S("MID")));
        Assert.DoesNotContain(changes, c => c.Sku == S("X") || c.Sku == S("MID"));
    }

    [Fact]
    public void Update_BatchCounterWraps_StillReportsEachChangedComponentOnce()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 9), ("Z", 100)));
        var changes = new List<AvailabilityChange>();
        index.SetGeneration(int.MaxValue - 1);
        index.Update([new StockLevel(S("X"), 4)], changes);
        changes.Clear();

        index.Update([new StockLevel(S("X"), 2), new StockLevel(S("X"), 3)], changes);

        Assert.Equal(new AvailabilityChange(S("X"), 4, 3, IsBundle: false), Assert.Single(changes, c => !c.IsBundle));
    }

    [Fact]
    public void Update_SameResultAsARebuild_ForANegativeFigure()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 9), ("Z", 100)));
        var changes = new List<AvailabilityChange>();

        index.Update([new StockLevel(S("Y"), -5)], changes);

        var rebuilt = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 0), ("Z", 100)));
        Assert.Equal(0, index.Availability(S("TOP")));
        Assert.Equal(rebuilt.Availability(S("TOP")), index.Availability(S("TOP")));
        Assert.Equal(new AvailabilityChange(S("Y"), 9, 0, IsBundle: false), changes[0]);
    }

    [Fact]
    public void Update_WarmIndex_AllocatesNothing()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 9), ("Z", 100)));
        var changes = new List<AvailabilityChange>(16);
        StockLevel[] down = [new StockLevel(S("X"), 2), new StockLevel(S("Y"), 1)];
        StockLevel[] up = [new StockLevel(S("X"), 10), new StockLevel(S("Y"), 9)];
        index.Update(down, changes);
        index.Update(up, changes);
        changes.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        index.Update(down, changes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(4, changes.Count);
        Assert.Equal(0, index.Availability(S("TOP")));
    }

    [Fact]
    public void Update_LimitingComponentRises_TakesTheNextLowestLineAsLimiting()
    {
        var index = new BundleAvailabilityIndex(
            Catalog(Kit("K", C("A", 1), C("B", 2), C("C", 3))), Now, Units(("A", 1), ("B", 8), ("C", 12)));
        var changes = new List<AvailabilityChange>();

        index.Update([new StockLevel(S("A"), 50)], changes);

        Assert.Equal(4, index.Availability(S("K")));
        Assert.Equal(S("B"), index.Limiting(S("K")));
        Assert.Equal(new AvailabilityChange(S("K"), 1, 4, IsBundle: true), changes[^1]);
    }

    [Fact]
    public void Update_LaterLineFallsToATie_KeepsTheEarlierLineLimitingAsARebuildDoes()
    {
        var index = new BundleAvailabilityIndex(
            Catalog(Kit("K", C("A", 1), C("B", 1))), Now, Units(("A", 3), ("B", 9)));
        var changes = new List<AvailabilityChange>();

        index.Update([new StockLevel(S("B"), 3)], changes);
        index.Update([new StockLevel(S("A"), 4)], changes);

        Assert.Equal(3, index.Availability(S("K")));
        Assert.Equal(S("B"), index.Limiting(S("K")));
        Assert.Equal(
            [new AvailabilityChange(S("B"), 9, 3, false), new AvailabilityChange(S("A"), 3, 4, false)], changes);
    }

    [Fact]
    public void Update_BatchCounterWraps_StillReportsEachChangedBundleOnce()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units(("X", 10), ("Y", 9), ("Z", 100)));
        var changes = new List<AvailabilityChange>();
        index.SetGeneration(int.MaxValue - 1);
        index.Update([new StockLevel(S("X"), 4)], changes);
        changes.Clear();

        index.Update([new StockLevel(S("X"), 2), new StockLevel(S("Y"), 1)], changes);

        Assert.Equal(1, changes.Count(c => c.Sku == S("TOP")));
        Assert.Equal(1, changes.Count(c => c.Sku == S("MID")));
        Assert.Equal(0, index.Availability(S("TOP")));
        Assert.Equal(2, index.Availability(S("MID")));
    }

    [Fact]
    public void Availability_UnknownBundle_ThrowsNamingTheSku()
    {
        var index = new BundleAvailabilityIndex(Shelf(), Now, Units());

        var error = Assert.Throws<KeyNotFoundException>(() => index.Availability(S("X")));

        Assert.Contains("SKU X is not a bundle", error.Message, StringComparison.Ordinal);
    }

    // TOP = 2 MID + 1 Y (X: 2, Y: 2 per TOP), MID = 1 X, SIDE = 2 Z.
    private static BundleCatalog Shelf() => Catalog(
        Kit("TOP", C("MID", 2), C("Y", 1), C("Y", 1)), Kit("MID", C("X", 1)), Kit("SIDE", C("Z", 2)));

    private static Func<Sku, long> Units(params (string Sku, long Units)[] units)
    {
        var map = units.ToDictionary(u => S(u.Sku), u => u.Units);

        return sku => map.GetValueOrDefault(sku);
    }
}
