using Inventory.Core.Stock;
using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// Findings come out ordered by SKU then location whatever the snapshots' order: SKUs in order with each SKU's
/// locations in another order (sorted run by run), and SKUs out of order (sorted in full).
/// </summary>
public class FindingOrderTests
{
    private static readonly string[] _locations = ["WH-2", "WH-1", "STORE-2", "STORE-1", "B"];

    public static TheoryData<string> Orders => new() { "skus ascending", "skus descending", "shuffled", "one sku" };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Classify_AnySnapshotOrder_OrdersFindingsBySkuThenLocation(string order)
    {
        var skus = order == "one sku" ? ["S-1"] : Enumerable.Range(0, 40).Select(i => $"S-{i:D3}").ToArray();
        var pairs = skus.SelectMany(sku => _locations.Select(location => (Sku: sku, Location: location))).ToList();
        pairs = order switch
        {
            "skus descending" => [.. pairs.OrderByDescending(p => p.Sku, StringComparer.Ordinal)],
            "shuffled" => Shuffled(pairs),
            _ => pairs,
        };
        var channel = pairs.Select(p => new ChannelSnapshotRow(new Sku(p.Sku), new LocationId(p.Location), 50));
        var warehouse = pairs.Select(p =>
            new WarehouseSnapshotRow(new Sku(p.Sku), new LocationId(p.Location), 10, 0, 0, 0));

        var report = new VarianceClassifier(new VarianceOptions { AsOf = AsOf }).Classify(channel, warehouse, []);

        var expected = pairs.Select(p => (p.Sku, p.Location))
            .OrderBy(p => p.Sku, StringComparer.Ordinal).ThenBy(p => p.Location, StringComparer.Ordinal);
        Assert.Equal(expected, report.Findings.Select(f => (f.Sku.Value, f.Location.Value)));
    }

    /// <summary>The pairs in an order fixed by a seeded shuffle, so a failure can be replayed.</summary>
    private static List<(string Sku, string Location)> Shuffled(List<(string Sku, string Location)> pairs)
    {
        var shuffled = pairs.ToArray();
        new Random(20261205).Shuffle(shuffled);

        return [.. shuffled];
    }
}
