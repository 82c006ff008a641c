using Inventory.Core.Bundles;
using NodaTime;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

public sealed class BundleCatalogTests
{
    [Fact]
    public void Explode_P1IsP2PlusP3AndP2IsP3_SumsP3OverLinesAndLevels()
    {
        var catalog = Catalog(Kit("P1", C("P2", 1), C("P3", 1)), Kit("P2", C("P3", 1)));

        var exploded = catalog.Explode(S("P1"), 1, Now);

        Assert.Equal([C("P3", 2)], exploded);
    }

    [Fact]
    public void Explode_KitOf2A1B3COrderOf10_MovesA20B10C30()
    {
        var catalog = Catalog(Kit("KIT", C("A", 2), C("B", 1), C("C", 3)));

        var exploded = catalog.Explode(S("KIT"), 10, Now);

        Assert.Equal([C("A", 20), C("B", 10), C("C", 30)], exploded);
    }

    [Fact]
    public void Explode_SameChildOnTwoLinesAndThreeLevels_MultipliesAndSums()
    {
        var catalog = Catalog(
            Kit("TOP", C("MID", 2), C("X", 1), C("X", 4)),
            Kit("MID", C("LOW", 3), C("X", 1)),
            Kit("LOW", C("X", 5), C("Y", 1)));

        var exploded = catalog.Explode(S("TOP"), 2, Now);

        // X: 2 * (1 + 4) + 2 * 2 * (1 + 3 * 5) = 10 + 64 = 74; Y: 2 * 2 * 3 = 12.
        Assert.Equal([C("X", 74), C("Y", 12)], exploded);
    }

    [Fact]
    public void Explode_SevenLevelsOfTwelveIdenticalLines_MultipliesOutEveryPath()
    {
        // Each level holds the next on twelve lines of one, so the leaf is reached by 12^7 paths, OTHER by 12^6.
        var levels = Enumerable.Range(1, 6)
            .Select(l => Kit($"L{l}", [.. Enumerable.Repeat(C($"L{l + 1}", 1), 12)]))
            .Append(Kit("L7", [.. Enumerable.Repeat(C("LEAF", 1), 12), C("OTHER", 2)]));
        var catalog = Catalog([.. levels]);

        var exploded = catalog.Explode(S("L1"), 3, Now);

        Assert.Equal([C("LEAF", 3 * 35_831_808), C("OTHER", 3 * 2 * 2_985_984)], exploded);
    }

    [Fact]
    public void Explode_Leaf_ReturnsItself()
    {
        var catalog = Catalog(Kit("KIT", C("A", 2)));

        Assert.Equal([C("A", 7)], catalog.Explode(S("A"), 7, Now));
    }

    [Fact]
    public void Explode_QuantityBeyondLongRange_ThrowsOverflow()
    {
        var catalog = Catalog(Kit("KIT", C("A", 3)));

        Assert.Throws<OverflowException>(() => catalog.Explode(S("KIT"), long.MaxValue / 2, Now));
    }

    [Fact]
    public void Register_IndirectCycle_ReportsThePathAndRegistersNothing()
    {
        var catalog = new BundleCatalog();

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(
            [Kit("A", C("B", 1)), Kit("B", C("C", 1)), Kit("C", C("A", 1), C("D", 1))]));

        Assert.Contains("A -> B -> C -> A", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Definitions);
    }

    [Fact]
    public void Register_BundleContainingItself_ReportsTheDirectCycle()
    {
        var catalog = new BundleCatalog();

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(Kit("A", C("A", 1))));

        Assert.Contains("A -> A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_CycleClosedByALaterBatch_IsRefusedAndKeepsTheEarlierBatch()
    {
        var catalog = Catalog(Kit("A", C("B", 1)), Kit("B", C("C", 1)));

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(Kit("C", C("A", 2))));

        Assert.Contains("A -> B -> C -> A", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, catalog.Definitions.Count);
        Assert.False(catalog.IsBundle(S("C"), Now));
    }

    [Fact]
    public void Register_SeveralBadLines_ReportsEveryProblemTogether()
    {
        var catalog = new BundleCatalog();

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(
            [Kit("K1", C("A", 0)), Kit("K2", C("B", -3)), Kit("K3")]));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("bundle K1, component line 1 (A), has quantity 0", error.Problems[0], StringComparison.Ordinal);
        Assert.Contains(
            "bundle K2, component line 1 (B), has quantity -3", error.Problems[1], StringComparison.Ordinal);
        Assert.Contains("bundle K3 has no components", error.Problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Register_NullDefinitionAndMissingParent_ReportBothByIndex()
    {
        var catalog = new BundleCatalog();

        var error = Assert.Throws<BundleDefinitionException>(
            () => catalog.Register([Kit("K", C("A", 1)), null!, new BundleDefinition(default, [C("A", 1)])]));

        Assert.Equal(["definition at index 1 is null.", "definition at index 2 has no parent SKU."], error.Problems);
        Assert.Empty(catalog.Definitions);
    }

    [Fact]
    public void Register_DeeperThanTheLimit_ReportsDepthPathAndLimit()
    {
        var catalog = new BundleCatalog(maxDepth: 2);

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(
            [Kit("A", C("B", 1)), Kit("B", C("C", 1)), Kit("C", C("X", 1))]));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("bundle A nests 3 levels deep (A -> B -> C -> leaves); the limit is 2.", problem);
    }

    [Fact]
    public void Register_DepthAtTheLimit_IsAccepted()
    {
        var catalog = new BundleCatalog(maxDepth: 3);

        catalog.Register([Kit("A", C("B", 1)), Kit("B", C("C", 1)), Kit("C", C("X", 2))]);

        Assert.Equal([C("X", 2)], catalog.Explode(S("A"), 1, Now));
    }

    [Fact]
    public void Register_OverlappingVersionsOfOneParent_AreRefused()
    {
        var catalog = new BundleCatalog();
        var jan = Instant.FromUtc(2026, 1, 1, 0, 0);
        var mar = Instant.FromUtc(2026, 3, 1, 0, 0);

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(
        [
            Kit("K", C("A", 1)) with { ValidFrom = jan, ValidTo = mar },
            Kit("K", C("B", 1)) with { ValidFrom = Instant.FromUtc(2026, 2, 1, 0, 0) },
        ]));

        Assert.Contains("bundle K has overlapping versions", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Explode_TwoVersionsBackToBack_UsesTheVersionInForceAtTheInstant()
    {
        var switchOver = Instant.FromUtc(2026, 3, 1, 0, 0);
        var catalog = Catalog(
            Kit("K", C("A", 1)) with { ValidTo = switchOver },
            Kit("K", C("B", 2)) with { ValidFrom = switchOver });

        Assert.Equal([C("A", 3)], catalog.Explode(S("K"), 3, switchOver - Duration.FromTicks(1)));
        Assert.Equal([C("B", 6)], catalog.Explode(S("K"), 3, switchOver));
    }

    [Fact]
    public void Register_EndBeforeStart_IsRefused()
    {
        var catalog = new BundleCatalog();
        var day = Instant.FromUtc(2026, 1, 2, 0, 0);

        var error = Assert.Throws<BundleDefinitionException>(
            () => catalog.Register(Kit("K", C("A", 1)) with { ValidFrom = day, ValidTo = day }));

        Assert.Contains("the end must come after the start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependents_LeafInANestedKit_ListsEveryContainingBundle()
    {
        var catalog = Catalog(Kit("TOP", C("MID", 1)), Kit("MID", C("X", 1)), Kit("OTHER", C("Y", 1)));

        Assert.Equal([S("MID"), S("TOP")], catalog.Dependents(S("X"), Now));
        Assert.Equal([S("TOP")], catalog.TopLevelBundles(Now).Where(s => s == S("TOP")));
        Assert.Equal([S("OTHER"), S("TOP")], catalog.TopLevelBundles(Now));
    }
}
