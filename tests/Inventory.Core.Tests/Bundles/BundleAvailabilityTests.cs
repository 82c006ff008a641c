using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

public sealed class BundleAvailabilityTests
{
    [Fact]
    public void AtLocation_P1IsP2PlusP3AndP2IsP3With10OfP3_Gives5NotTen()
    {
        var catalog = Catalog(Kit("P1", C("P2", 1), C("P3", 1)), Kit("P2", C("P3", 1)));

        var result = BundleMath.AtLocation(catalog, S("P1"), Now, StockAt(W1, ("P3", 10)), W1);

        Assert.Equal(5, result.Quantity);
    }

    [Fact]
    public void AtLocation_453UnitsThreePerKit_Gives151()
    {
        var catalog = Catalog(Kit("K", C("A", 3)));

        Assert.Equal(151, BundleMath.AtLocation(catalog, S("K"), Now, StockAt(W1, ("A", 453)), W1).Quantity);
    }

    [Fact]
    public void AtLocation_TwoEachWithStock5And9_Gives2LimitedByTheFirst()
    {
        var catalog = Catalog(Kit("K", C("A", 2), C("B", 2)));

        var result = BundleMath.AtLocation(catalog, S("K"), Now, StockAt(W1, ("A", 5), ("B", 9)), W1);

        Assert.Equal(2, result.Quantity);
        Assert.Equal(S("A"), result.Limiting);
    }

    [Fact]
    public void AtLocation_ThreeInStockTwoPerKit_GivesOneNotRoundedUp()
    {
        var catalog = Catalog(Kit("K", C("A", 2)));

        Assert.Equal(1, BundleMath.AtLocation(catalog, S("K"), Now, StockAt(W1, ("A", 3)), W1).Quantity);
    }

    [Fact]
    public void AtLocation_OdooWarehouseHoldingExactlyOneKit_GivesOne()
    {
        var catalog = Catalog(OdooKit());
        var stock = StockAt(W1, ("A", 8), ("B", 4), ("C", 12), ("D", 2), ("E", 1), ("F", 2), ("G", 4));

        Assert.Equal(1, BundleMath.AtLocation(catalog, S("KIT"), Now, stock, W1).Quantity);
    }

    [Theory]
    [InlineData("A", 7)]
    [InlineData("C", 11)]
    [InlineData("E", 0)]
    public void AtLocation_OdooWarehouseShortOfOneComponent_GivesZeroNamingIt(string shortSku, long units)
    {
        var catalog = Catalog(OdooKit());
        var stock = StockAt(W1, ("A", 8), ("B", 4), ("C", 12), ("D", 2), ("E", 1), ("F", 2), ("G", 4));
        stock.Set(S(shortSku), W1, units);

        var result = BundleMath.AtLocation(catalog, S("KIT"), Now, stock, W1);

        Assert.Equal(0, result.Quantity);
        Assert.Equal(S(shortSku), result.Limiting);
    }

    [Fact]
    public void AtLocation_ComponentMissingFromStock_GivesZero()
    {
        var catalog = Catalog(Kit("K", C("A", 1), C("B", 1)));

        var result = BundleMath.AtLocation(catalog, S("K"), Now, StockAt(W1, ("A", 50)), W1);

        Assert.Equal(0, result.Quantity);
        Assert.Equal(S("B"), result.Limiting);
    }

    [Fact]
    public void PerLocationAndPooled_ComponentsSplitOverTwoLocations_Differ()
    {
        var catalog = Catalog(Kit("K", C("A", 1), C("B", 1)));
        var w2 = new LocationId("W2");
        var stock = StockAt(W1, ("A", 4));
        stock.Set(S("B"), w2, 3);

        Assert.Equal(0, BundleMath.AtLocation(catalog, S("K"), Now, stock, W1).Quantity);
        Assert.Equal(0, BundleMath.AtLocation(catalog, S("K"), Now, stock, w2).Quantity);
        Assert.Equal(3, BundleMath.Pooled(catalog, S("K"), Now, stock, [W1, w2]).Quantity);
    }

    [Fact]
    public void Availability_ScopeChoice_GivesOneFigurePerLocationOrOnePooled()
    {
        var catalog = Catalog(Kit("K", C("A", 2)));
        var w2 = new LocationId("W2");
        var stock = StockAt(W1, ("A", 3));
        stock.Set(S("A"), w2, 3);

        var perLocation = BundleMath.Availability(
            catalog, S("K"), Now, stock, [W1, w2, W1], AvailabilityScope.PerLocation);
        var pooled = BundleMath.Availability(catalog, S("K"), Now, stock, [W1, w2], AvailabilityScope.Pooled);

        Assert.Equal([(W1, 1L), (w2, 1L)], perLocation.Select(a => (a.Location!.Value, a.Quantity)));
        Assert.Equal(3, Assert.Single(pooled).Quantity);
        Assert.Null(pooled[0].Location);
    }

    [Fact]
    public void Pooled_NegativeLocationAndARepeatedLocation_NeitherCancelsNorDoubleCounts()
    {
        var catalog = Catalog(Kit("K", C("A", 1)));
        var w2 = new LocationId("W2");
        var stock = StockAt(W1, ("A", 5));
        stock.Set(S("A"), w2, -4);

        Assert.Equal(5, BundleMath.Pooled(catalog, S("K"), Now, stock, [W1, w2, W1]).Quantity);
    }

    [Fact]
    public void WholeBundles_OdooDeliverySequence_Gives0Then2Then3Then10()
    {
        var perBundle = new[] { C("A", 2), C("B", 1), C("C", 3) };
        var delivered = new Dictionary<Sku, long> { [S("A")] = 1 };

        Assert.Equal(0, BundleMath.WholeBundles(perBundle, delivered));

        delivered = new() { [S("A")] = 7, [S("B")] = 6, [S("C")] = 6 };
        Assert.Equal(2, BundleMath.WholeBundles(perBundle, delivered));

        delivered = new() { [S("A")] = 10, [S("B")] = 9, [S("C")] = 9 };
        Assert.Equal(3, BundleMath.WholeBundles(perBundle, delivered));

        delivered = new() { [S("A")] = 20, [S("B")] = 10, [S("C")] = 30 };
        Assert.Equal(10, BundleMath.WholeBundles(perBundle, delivered));
    }

    private static BundleDefinition OdooKit() => Kit(
        "KIT", C("A", 8), C("B", 4), C("C", 12), C("D", 2), C("E", 1), C("F", 2), C("G", 4));
}
