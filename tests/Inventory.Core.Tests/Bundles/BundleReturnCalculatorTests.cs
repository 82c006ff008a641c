using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using NodaTime;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

public sealed class BundleReturnCalculatorTests
{
    private static readonly Dictionary<Sku, decimal> Prices =
        new() { [S("A")] = 100m, [S("B")] = 250m, [S("C")] = 50m };

    [Fact]
    public void Calculate_PartSplitByStandalonePrices_PlacesTheLeftoverCentOnTheLargestRemainder()
    {
        // Two kits of 2A + 1B + 3C for 1000 cents: weights A 400, B 500, C 300 -> 333.33, 416.67, 250.
        var result = BundleReturnCalculator.Calculate(
            Sale(2), 1000m, "EUR", [], [Back("A", 4), Back("B", 2), Back("C", 6)], Prices);

        Assert.Equal([333m, 417m, 250m], result.Components.Select(c => c.Refund));
        Assert.Equal(1000m, result.RefundTotal);
        Assert.Equal(0, result.WholeBundlesBefore);
        Assert.Equal(2, result.WholeBundlesReturned);
    }

    [Fact]
    public void Calculate_ReturnInTwoSteps_RefundsAddUpToThePricePaid()
    {
        var first = BundleReturnCalculator.Calculate(
            Sale(2), 1000m, "EUR", [], [Back("A", 1), Back("B", 1, ComponentCondition.Damaged)], Prices);
        var second = BundleReturnCalculator.Calculate(
            Sale(2), 1000m, "EUR", [Back("A", 1), Back("B", 1)], [Back("A", 3), Back("B", 1), Back("C", 6)], Prices);

        Assert.Equal([83m, 208m], first.Components.Select(c => c.Refund));
        Assert.Equal(StockBucket.Damaged, first.Components[1].Bucket);
        Assert.Equal(StockBucket.Available, first.Components[0].Bucket);
        Assert.Equal(0, first.WholeBundlesReturned);
        Assert.Equal([250m, 209m, 250m], second.Components.Select(c => c.Refund));
        Assert.Equal(1000m, first.RefundTotal + second.RefundTotal);
        Assert.Equal(2, second.WholeBundlesReturned);
    }

    [Fact]
    public void Calculate_OneWholeKitOutOfThree_CountsOneBundleReturned()
    {
        var result = BundleReturnCalculator.Calculate(
            Sale(3), 900m, "EUR", [], [Back("A", 2), Back("B", 1), Back("C", 3)]);

        Assert.Equal(1, result.WholeBundlesReturned);
        Assert.Equal(300m, result.RefundTotal);
    }

    [Fact]
    public void Calculate_MoreThanSoldAndAForeignComponent_ReportsBothAndCalculatesNothing()
    {
        var error = Assert.Throws<BundleReturnException>(() => BundleReturnCalculator.Calculate(
            Sale(2), 1000m, "EUR", [Back("A", 3)], [Back("A", 2), Back("Z", 1)], Prices));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(
            "component Z (coming back) was not in bundle KIT as sold", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "component A: 3 returned before and 2 now exceed the 4 sold.", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 'l1'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10.5)]
    public void Calculate_PriceNotAWholeNonNegativeAmount_IsRefused(decimal price)
    {
        var error = Assert.Throws<BundleReturnException>(
            () => BundleReturnCalculator.Calculate(Sale(1), price, "EUR", [], [Back("A", 1)]));

        Assert.Contains($"the price paid ({price})", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_ZeroQuantityAndMissingWeight_AreBothReported()
    {
        var weights = new Dictionary<Sku, decimal> { [S("A")] = 1m, [S("B")] = 1m };

        var error = Assert.Throws<BundleReturnException>(
            () => BundleReturnCalculator.Calculate(Sale(1), 10m, "EUR", [], [Back("A", 0)], weights));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("(was 0 x A, Sellable)", error.Problems[0], StringComparison.Ordinal);
        Assert.Equal("no weight was given for component C.", error.Problems[1]);
    }

    [Fact]
    public void Calculate_BundleEditedAfterSale_RestocksTheComponentsAsSold()
    {
        var edit = Now + Duration.FromDays(1);
        var catalog = Catalog(Kit("KIT", C("A", 2), C("B", 1)) with { ValidTo = edit });
        var sale = BundleCart.Reserve(catalog, "k", "cart", [new BundleCartLine("l1", S("KIT"), 1)], Now).Sales[0];
        catalog.Register(Kit("KIT", C("Z", 1)) with { ValidFrom = edit });

        var result = BundleReturnCalculator.Calculate(sale, 500m, "EUR", [], [Back("A", 2), Back("B", 1)]);

        Assert.Equal(1, result.WholeBundlesReturned);
        Assert.Equal([S("A"), S("B")], result.Components.Select(c => c.Sku));
        Assert.Throws<BundleReturnException>(
            () => BundleReturnCalculator.Calculate(sale, 500m, "EUR", [], [Back("Z", 1)]));
    }

    [Fact]
    public async Task RestockCommands_SellableAndDamaged_PutUnitsBackIntoTheirStates()
    {
        var harness = new LedgerHarness();
        var result = BundleReturnCalculator.Calculate(
            Sale(2),
            1000m,
            "EUR",
            [],
            [Back("A", 3), Back("B", 1, ComponentCondition.Damaged), Back("C", 2, ComponentCondition.NeedsInspection)]);

        foreach (var command in result.RestockCommands("ret-1", W1))
        {
            await harness.Apply(command);
        }

        Assert.Equal(Expect.Position(onHand: 3), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 1, damaged: 1), await harness.Position("B", "W1"));
        Assert.Equal(2, (await harness.Position("C", "W1")).QualityControl);
        Assert.Equal(0, (await harness.Position("C", "W1")).Available);
    }

    [Fact]
    public void Calculate_ComponentListedTwiceInTheSale_RefusesNamingTheSku()
    {
        var sale = new BundleSale("l1", S("KIT"), 2, Now, Kit("KIT", C("A", 1)), [C("A", 1), C("A", 1)]);

        var error = Assert.Throws<BundleReturnException>(
            () => BundleReturnCalculator.Calculate(sale, 1000m, "EUR", [], [Back("A", 1)]));

        Assert.Equal(["component A is listed more than once in the composition as sold."], error.Problems);
    }

    [Fact]
    public void Calculate_UnitsSoldPastTheLongRange_RefusesNamingTheComponent()
    {
        var error = Assert.Throws<BundleReturnException>(
            () => BundleReturnCalculator.Calculate(Sale(long.MaxValue), 1000m, "EUR", [], [Back("B", 1)]));

        Assert.Equal(
            [
                $"component A: 2 per bundle times {long.MaxValue} bundles passes the 64-bit range.",
                $"component C: 3 per bundle times {long.MaxValue} bundles passes the 64-bit range.",
            ],
            error.Problems);
    }

    [Theory]
    [InlineData("79228162514264337593543950335", "1")]
    [InlineData("1000", "10000000000000000000000000000")]
    public void Calculate_PriceTimesWeightsPastDecimalRange_RefusesWithAReturnError(string price, string weight)
    {
        var huge = decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture);
        var weights = new Dictionary<Sku, decimal> { [S("A")] = huge, [S("B")] = huge, [S("C")] = huge };

        var error = Assert.Throws<BundleReturnException>(() => BundleReturnCalculator.Calculate(
            Sale(2), decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), "EUR", [],
            [Back("A", 1)], weights));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("passes the range of decimal arithmetic", problem, StringComparison.Ordinal);
    }

    internal static BundleSale Sale(long quantity) => new(
        "l1", S("KIT"), quantity, Now, Kit("KIT", C("A", 2), C("B", 1), C("C", 3)), [C("A", 2), C("B", 1), C("C", 3)]);

    private static ReturnedComponent Back(
        string sku, long quantity, ComponentCondition condition = ComponentCondition.Sellable) =>
        new(S(sku), quantity, condition);
}
