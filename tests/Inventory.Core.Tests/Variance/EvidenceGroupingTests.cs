using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// The evidence of one pair is grouped per fact when its finding is built. A pair with very many shown facts (a hero
/// SKU whose channel orders have not reached the warehouse) keeps every one of them. (Grouping once searched every
/// group per change, which took tens of seconds here; the run's length, not an assertion, shows such a cost.)
/// </summary>
public class EvidenceGroupingTests
{
    [Fact]
    public void Classify_ManyShownFactsAtOnePair_KeepsEveryFactAsEvidence()
    {
        const int Orders = 100_000;
        VarianceEvent[] log = [.. Enumerable.Range(0, Orders)
            .Select(i => Order($"c{i}", VarianceSystem.Channel, $"o{i}", A, 1, 60))];
        var classifier = new VarianceClassifier(Options());

        var report = classifier.Classify([ChannelRow(A, 100)], [WarehouseRow(A, 100 + Orders)], () => log);

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal((VarianceCause.SyncTiming, -Orders), (part.Cause, part.Units));
        Assert.Equal(Orders, part.Evidence.Count);
        Assert.Equal("c0", part.Evidence[0]);
    }
}
