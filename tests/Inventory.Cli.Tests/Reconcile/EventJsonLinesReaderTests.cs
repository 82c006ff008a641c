using Inventory.Cli.Reconcile;
using Inventory.Cli.Replay;
using Inventory.Core.Variance;

namespace Inventory.Cli.Tests.Reconcile;

public class EventJsonLinesReaderTests
{
    [Fact]
    public void Read_EveryType_BuildsTheMatchingEvents()
    {
        var events = EventJsonLinesReader.Read(RepositoryFiles.VarianceSample("events.jsonl")).ToList();

        Assert.Equal(9, events.Count);
        var sale = Assert.IsType<BundleSale>(events[6]);
        Assert.Equal(("CANDLE-SM", 2L), (sale.Components[0].Sku.Value, sale.Components[0].QuantityPerBundle));
        var adjustment = Assert.IsType<AdjustmentEvent>(events[8]);
        Assert.Equal((-6L, false), (adjustment.Delta, adjustment.HasReason));
        Assert.Equal(ReturnStage.Restocked, Assert.IsType<ReturnEvent>(events[5]).Stage);
    }

    [Theory]
    [InlineData("{\"type\":\"order\"", "16")]
    [InlineData("{\"type\":\"refund\"}", "type")]
    [InlineData(Order + "\"quantity\":\"3\"}", "quantity")]
    [InlineData(Order + "\"quantity\":0}", "event")]
    [InlineData(Order + "\"quantity\":3,\"system\":\"erp\"}", "system")]
    [InlineData(Order + "\"quantity\":1,\"sku\":\"B\"}", "sku")]
    [InlineData(Order + "\"quantity\":1,\"type\":\"sync_write\"}", "type")]
    [InlineData("{\"type\":\"order\",\"id\":\"e\\ud800\",\"system\":\"channel\",\"order_id\":\"o1\",\"sku\":\"A\","
        + "\"location\":\"Main\",\"at\":\"2026-03-02T05:00:00Z\",\"quantity\":1}", "id")]
    [InlineData("{\"type\":\"order\",\"id\":\"e2\",\"system\":\"channel\",\"order_id\":\"o1\",\"sku\":\"A\\udc00\","
        + "\"location\":\"Main\",\"at\":\"2026-03-02T05:00:00Z\",\"quantity\":1}", "sku")]
    [InlineData("\v" + Order + "\"quantity\":1}", "1")]
    [InlineData(Bundle + "[{\"sku\":\"A\",\"quantity\":1,\"sku\":\"B\"}]}", "sku")]
    [InlineData(BigBundle + "[{\"sku\":\"A\",\"quantity\":2}]}", "event")]
    public void Read_BadLine_NamesLineAndField(string bad, string column)
    {
        using var file = new TempText(Order + "\"quantity\":1}\n\n" + bad + "\n");

        var error = Assert.Throws<MalformedRowException>(
            () => EventJsonLinesReader.Read(file.Path).ToList());

        Assert.Equal((3, column), (error.Line, error.Column));
    }

    [Fact]
    public void Read_LineWithInvalidUtf8_NamesLineAndTheByte()
    {
        var good = System.Text.Encoding.UTF8.GetBytes(Order + "\"quantity\":1}\n");
        var bad = System.Text.Encoding.UTF8.GetBytes(
            Order.Replace("\"sku\":\"A\"", "\"sku\":\"A#\"", StringComparison.Ordinal) + "\"quantity\":1}\n");
        var at = Array.IndexOf(bad, (byte)'#');
        bad[at] = 0xFF;
        var path = Path.Combine(Path.GetTempPath(), $"reconcile-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, [.. good, .. bad]);
        try
        {
            var error = Assert.Throws<MalformedRowException>(() => EventJsonLinesReader.Read(path).ToList());

            Assert.Equal((2, (at + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (error.Line, error.Column));
            Assert.Contains("UTF-8", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData(" { } ")]
    public void Read_SyncWritesOnlyPastAnEmptyObject_YieldsTheWriteAlone(string empty)
    {
        // The empty object is refused by a full read; a read of sync writes alone passes over what it cannot use.
        using var file = new TempText(empty + "\n" + Write + "\n");

        var events = EventJsonLinesReader.Read(file.Path, syncWritesOnly: true).ToList();

        var write = Assert.IsType<SyncWrite>(Assert.Single(events));
        Assert.Equal(("w1", 7L), (write.Id, write.Value));
    }

    private const string BigBundle =
        "{\"type\":\"bundle_sale\",\"id\":\"e4\",\"system\":\"channel\",\"order_id\":\"o3\",\"sku\":\"KIT\"," +
        "\"location\":\"Main\",\"at\":\"2026-03-02T05:00:00Z\",\"quantity\":9223372036854775807,\"components\":";

    private const string Bundle =
        "{\"type\":\"bundle_sale\",\"id\":\"e3\",\"system\":\"channel\",\"order_id\":\"o2\",\"sku\":\"KIT\"," +
        "\"location\":\"Main\",\"at\":\"2026-03-02T05:00:00Z\",\"quantity\":1,\"components\":";

    private const string Order =
        "{\"type\":\"order\",\"id\":\"e1\",\"system\":\"channel\",\"order_id\":\"o1\",\"sku\":\"A\"," +
        "\"location\":\"Main\",\"at\":\"2026-03-02T05:00:00Z\",";

    private const string Write =
        "{\"type\":\"sync_write\",\"id\":\"w1\",\"sku\":\"A\",\"location\":\"Main\",\"value\":7," +
        "\"read_at\":\"2026-03-02T04:55:00Z\",\"at\":\"2026-03-02T05:00:00Z\"}";
}
