using System.Text;
using Inventory.Cli.Reconcile;
using Inventory.Core.Stock;

namespace Inventory.Cli.Tests.Reconcile;

public class EventPairFilterTests
{
    private static readonly EventPairFilter _filter = new([new PositionKey(new Sku("A"), new LocationId("Main"))]);

    [Theory]
    [InlineData("{\"type\":\"order\",\"sku\":\"B\",\"location\":\"Main\",\"quantity\":1}", true)]
    [InlineData("{\"type\":\"damage\",\"sku\":\"A\",\"location\":\"Back\",\"quantity\":1}", true)]
    [InlineData("{\"location\":\"Main\",\"extra\":{\"sku\":\"A\"},\"sku\":\"B\",\"type\":\"return\"}", true)]
    [InlineData("{\"type\":\"order\",\"sku\":\"A\",\"location\":\"Main\",\"quantity\":1}", false)]
    [InlineData("{\"type\":\"sync_write\",\"location\":\"Main\",\"sku\":\"A\"}", false)]
    public void Skips_PlainLine_AnswersByItsOwnPair(string line, bool expected) =>
        Assert.Equal(expected, _filter.Skips(Encoding.UTF8.GetBytes(line)));

    [Theory]
    [InlineData("{\"type\":\"bundle_sale\",\"sku\":\"KIT\",\"location\":\"Back\",\"components\":[]}")]
    [InlineData("{\"type\":\"order\",\"sku\":\"\\u0042\",\"location\":\"Main\"}")]
    [InlineData("{\"type\":\"order\",\"\\u0073ku\":\"B\",\"location\":\"Main\"}")]
    [InlineData("{\"type\":\"order\",\"sku\":\"B\",\"sku\":\"A\",\"location\":\"Main\"}")]
    [InlineData("{\"type\":\"order\",\"type\":\"bundle_sale\",\"sku\":\"B\",\"location\":\"Main\"}")]
    [InlineData("{\"type\":\"order\",\"sku\":\"B\"}")]
    [InlineData("{\"sku\":\"B\",\"location\":\"Main\"}")]
    [InlineData("{\"type\":\"order\",\"sku\":7,\"location\":\"Main\"}")]
    [InlineData("{\"type\":\"order\",\"sku\":\"B\",\"location\":\"Main\"")]
    [InlineData("[\"order\",\"B\",\"Main\"]")]
    public void Skips_LineItCannotTellSurely_False(string line) =>
        Assert.False(_filter.Skips(Encoding.UTF8.GetBytes(line)));

    [Fact]
    public void Read_WithFilter_YieldsWatchedEventsAndBundleSalesInOrder()
    {
        var all = EventJsonLinesReader.Read(RepositoryFiles.VarianceSample("events.jsonl")).ToList();
        var watched = all[0];
        var filter = new EventPairFilter([new PositionKey(watched.Sku, watched.Location)]);

        var read = EventJsonLinesReader.Read(RepositoryFiles.VarianceSample("events.jsonl"), filter: filter);

        var expected = all.Where(e => e is Core.Variance.BundleSale
            || (e.Sku == watched.Sku && e.Location == watched.Location)).Select(e => e.Id);
        Assert.Equal(expected, read.Select(e => e.Id));
        Assert.True(expected.Count() < all.Count);
    }

    [Fact]
    public void Read_SyncWritesOnlyWithFilter_YieldsTheWatchedPairsWritesOnly()
    {
        using var file = new TempText(Write("w1", "A") + Write("w2", "B") + Write("w3", "A") +
            "{\"type\":\"order\",\"id\":\"e1\",\"system\":\"channel\",\"order_id\":\"o1\",\"sku\":\"A\"," +
            "\"location\":\"Main\",\"quantity\":1,\"at\":\"2026-03-02T05:00:00Z\"}\n");

        var read = EventJsonLinesReader.Read(file.Path, syncWritesOnly: true, _filter);

        Assert.Equal(["w1", "w3"], read.Select(e => e.Id));
    }

    private static string Write(string id, string sku) =>
        $"{{\"type\":\"sync_write\",\"id\":\"{id}\",\"sku\":\"{sku}\",\"location\":\"Main\",\"value\":5," +
        "\"read_at\":\"2026-03-01T22:00:00Z\",\"at\":\"2026-03-01T22:05:00Z\"}\n";
}
