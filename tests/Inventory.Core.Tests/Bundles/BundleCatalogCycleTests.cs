using Inventory.Core.Bundles;
using NodaTime;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

/// <summary>Cycles and depth are judged among the versions in force at the same instant.</summary>
public sealed class BundleCatalogCycleTests
{
    private static readonly Instant Jan = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly Instant Feb = Instant.FromUtc(2026, 2, 1, 0, 0);
    private static readonly Instant Mar = Instant.FromUtc(2026, 3, 1, 0, 0);

    [Fact]
    public void Register_AContainsBThenBContainsAInADisjointLaterSpan_IsAccepted()
    {
        var catalog = new BundleCatalog();

        catalog.Register(
        [
            Kit("A", C("B", 2)) with { ValidTo = Feb },
            Kit("B", C("X", 1)) with { ValidTo = Feb },
            Kit("B", C("A", 3)) with { ValidFrom = Feb },
            Kit("A", C("Y", 1)) with { ValidFrom = Feb },
        ]);

        Assert.Equal([C("X", 2)], catalog.Explode(S("A"), 1, Jan));
        Assert.Equal([C("Y", 3)], catalog.Explode(S("B"), 1, Mar));
        Assert.Equal(4, catalog.Definitions.Count);
    }

    [Fact]
    public void Register_SwappedContainmentWhoseSpansOverlap_ReportsThePathAndTheFirstInstant()
    {
        var catalog = new BundleCatalog();

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(
        [
            Kit("A", C("B", 2)) with { ValidTo = Mar },
            Kit("B", C("A", 3)) with { ValidFrom = Feb },
        ]));

        Assert.Equal([$"bundle A contains itself at {Feb}: A -> B -> A."], error.Problems);
        Assert.Empty(catalog.Definitions);
    }

    [Fact]
    public void Register_IndirectCycleOnlyInTheMiddleSpan_ReportsItOnceWithItsInstant()
    {
        var catalog = Catalog(
            Kit("A", C("B", 1)) with { ValidFrom = Jan },
            Kit("B", C("C", 1)));

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(
        [
            Kit("C", C("X", 1)) with { ValidTo = Feb },
            Kit("C", C("A", 1)) with { ValidFrom = Feb, ValidTo = Mar },
            Kit("C", C("Y", 1)) with { ValidFrom = Mar },
        ]));

        Assert.Equal([$"bundle A contains itself at {Feb}: A -> B -> C -> A."], error.Problems);
        Assert.Equal(2, catalog.Definitions.Count);
    }

    [Fact]
    public void Register_CycleOpenBeforeTheFirstBoundary_NamesTheSpanBeforeIt()
    {
        var catalog = new BundleCatalog();

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(
        [
            Kit("A", C("B", 1)),
            Kit("B", C("A", 1)) with { ValidTo = Feb },
        ]));

        Assert.Equal([$"bundle A contains itself before {Feb}: A -> B -> A."], error.Problems);
    }

    [Fact]
    public void Register_DeepOnlyInUnionOfDisjointVersions_IsAccepted()
    {
        var catalog = new BundleCatalog(maxDepth: 2);

        catalog.Register(
        [
            Kit("A", C("B", 1)),
            Kit("B", C("C", 1)) with { ValidTo = Feb },
            Kit("B", C("X", 1)) with { ValidFrom = Feb },
            Kit("C", C("X", 1)) with { ValidFrom = Feb },
        ]);

        Assert.Equal([C("C", 1)], catalog.Explode(S("A"), 1, Jan));
        Assert.Equal([C("X", 1)], catalog.Explode(S("A"), 1, Mar));
    }

    [Fact]
    public void Register_TooDeepWhileTwoVersionsOverlap_ReportsDepthPathAndInstant()
    {
        var catalog = new BundleCatalog(maxDepth: 2);

        var error = Assert.Throws<BundleDefinitionException>(() => catalog.Register(
        [
            Kit("A", C("B", 1)),
            Kit("B", C("C", 1)) with { ValidTo = Mar },
            Kit("C", C("X", 1)) with { ValidFrom = Feb },
        ]));

        Assert.Equal(
            [$"bundle A nests 3 levels deep at {Feb} (A -> B -> C -> leaves); the limit is 2."], error.Problems);
    }
}
