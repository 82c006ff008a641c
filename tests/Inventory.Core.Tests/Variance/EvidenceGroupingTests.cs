using System.Diagnostics;
using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// The evidence of one pair is grouped per fact when its finding is built. A pair with very many shown facts (a hero
/// SKU whose channel orders have not reached the warehouse) must not cost a search of every group per change.
/// </summary>
public class EvidenceGroupingTests
{
    [Fact]
    public void Classify_ManyShownFactsAtOnePair_GroupsThemWithoutQuadraticCost()
    {
        const int Orders = 100_000;
        VarianceEvent[] log = [.. Enumerable.Range(0, Orders)
            .Select(i => Order($"c{i}", VarianceSystem.Channel, $"o{i}", A, 1, 60))];
        var classifier = new VarianceClassifier(Options());

        var clock = Stopwatch.StartNew();
        var report = classifier.Classify([ChannelRow(A, 100)], [WarehouseRow(A, 100 + Orders)], () => log);
        clock.Stop();

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal((VarianceCause.SyncTiming, -Orders), (part.Cause, part.Units));
        Assert.Equal(Orders, part.Evidence.Count);

        // Linear work takes well under a second here; a search per change took tens of seconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"grouping took {clock.Elapsed}");
    }
}
