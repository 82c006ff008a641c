using System.Text;
using Inventory.Cli.Reconcile;
using Inventory.Cli.Replay;
using Inventory.Core.Variance;

namespace Inventory.Cli.Tests.Reconcile;

public class EventLineParserTests
{
    private const string Head = "{\"type\":\"order\",\"id\":\"e1\",\"system\":\"channel\",\"order_id\":\"o1\",";

    public static TheoryData<string> Lines() =>
    [
        Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-03-02T05:07:31Z\"}",
        "{\"at\":\"2026-03-02T05:00:00.125Z\",\"quantity\":2,\"location\":\"Main\",\"sku\":\"A\",\"order_id\":\"o1\"," +
            "\"system\":\"warehouse\",\"id\":\"e1\",\"type\":\"order\",\"note\":[1,{\"x\":2}]}",
        Head + "\"sku\":\"A\\u00e9\",\"location\":\"M\\u0061in\",\"quantity\":2,\"at\":\"2026-03-02T05:00:00Z\"}",
        "{\"type\":\"sync_write\",\"id\":\"w1\",\"sku\":\"A\",\"location\":\"Main\",\"value\":-4," +
            "\"read_at\":\"2026-03-02T04:58:17Z\",\"at\":\"2026-03-02T05:01:02Z\"}",
        "{\"type\":\"return\",\"id\":\"r1\",\"system\":\"warehouse\",\"return_id\":\"R1\",\"sku\":\"A\"," +
            "\"location\":\"Main\",\"stage\":\"restocked\",\"quantity\":1,\"at\":\"2026-02-28T23:41:09Z\"}",
        "{\"type\":\"damage\",\"id\":\"d1\",\"system\":\"warehouse\",\"damage_id\":\"D1\",\"sku\":\"A\"," +
            "\"location\":\"Main\",\"quantity\":1,\"at\":\"2024-02-29T00:12:45Z\"}",
        "{\"type\":\"adjustment\",\"id\":\"a1\",\"system\":\"channel\",\"adjustment_id\":\"A1\",\"sku\":\"A\"," +
            "\"location\":\"Main\",\"delta\":-3,\"reason\":\"\",\"at\":\"2026-03-02T05:00:00Z\"}",
        "{\"type\":\"adjustment\",\"id\":\"a2\",\"system\":\"channel\",\"adjustment_id\":\"A2\",\"sku\":\"A\"," +
            "\"location\":\"Main\",\"delta\":3,\"reason\":7,\"at\":\"2026-03-02T05:00:00Z\"}",
        "{\"type\":\"bundle_sale\",\"id\":\"b1\",\"system\":\"channel\",\"order_id\":\"o9\",\"sku\":\"KIT\"," +
            "\"location\":\"Main\",\"quantity\":2,\"components\":[{\"sku\":\"A\",\"quantity\":2,\"x\":true}," +
            "{\"quantity\":1,\"sku\":\"B\"}],\"at\":\"2026-03-02T05:00:00Z\"}",
        "{\"type\":\"bundle_sale\",\"id\":\"b2\",\"system\":\"warehouse\",\"order_id\":\"o9\",\"sku\":\"KIT\"," +
            "\"location\":\"Main\",\"quantity\":2,\"components\":[],\"at\":\"2026-03-02T05:00:00Z\"}",
        Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"quantity\":5,\"at\":\"2026-03-02T05:00:00Z\"}",
        Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-03-02T05:00:00+01:00\"}",
        Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-02-30T05:00:00Z\"}",
        Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-03-02T05:00:00Z\"} {}",
        Head + "\"sku\":\" A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-03-02T05:00:00Z\"}",
        Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2.5,\"at\":\"2026-03-02T05:00:00Z\"}",
        "{\"type\":\"refund\",\"id\":\"x\"}",
        "[1,2]",
    ];

    [Theory]
    [MemberData(nameof(Lines))]
    public void TryParse_AnyLine_AgreesWithTheExactReader(string line)
    {
        var expected = Outcome(() => EventJsonLinesReader.Parse(line, "f", 1));
        using var file = new TempText(line + "\n");

        var fast = new EventLineParser().TryParse(Encoding.UTF8.GetBytes(line));
        var read = Outcome(() => EventJsonLinesReader.Read(file.Path).Single());

        Assert.Equal(expected, fast is null ? expected : Render(fast));
        Assert.Equal(expected, read);
    }

    /// <summary>
    /// One parser reads lines whose locations share a length and end letters that can meet in one slot of its
    /// recent names ("WH-1" and "WH-q"), or differ only in case: each event keeps its own line's location.
    /// </summary>
    [Fact]
    public void TryParse_LocationsThatShareASlot_KeepTheirOwnNames()
    {
        var parser = new EventLineParser();
        string[] locations = ["WH-1", "WH-q", "WH-1", "wH-1", "WH-q", "Main", "WH-1"];

        var read = locations.Select(location => parser.TryParse(Encoding.UTF8.GetBytes(
            Head + "\"sku\":\"A\",\"location\":\"" + location + "\",\"quantity\":2,\"at\":\"2026-03-02T05:00:00Z\"}")));

        Assert.Equal(locations, read.Select(item => Assert.IsType<OrderEvent>(item).Location.Value));
    }

    /// <summary>
    /// SKUs and order ids that differ only inside ("SKU-001-A9", "SKU-002-A9") fall in one slot of the parser's
    /// recent values: each event still keeps its own line's text, and a repeated text is one shared string.
    /// </summary>
    [Fact]
    public void TryParse_RepeatedAndLookAlikeValues_KeepTheirOwnText()
    {
        var parser = new EventLineParser();
        (string Sku, string Order)[] lines =
        [
            ("SKU-001-A9", "o-1-x"), ("SKU-002-A9", "o-2-x"), ("SKU-001-A9", "o-1-x"), ("SKU-001-A9", "o-3-x"),
            ("sKU-001-A9", "O-1-x"), ("SKU-002-A9", "o-2-x"),
        ];

        var read = lines.Select(line => Assert.IsType<OrderEvent>(parser.TryParse(Encoding.UTF8.GetBytes(
            "{\"type\":\"order\",\"id\":\"e1\",\"system\":\"channel\",\"order_id\":\"" + line.Order
            + "\",\"sku\":\"" + line.Sku + "\",\"location\":\"Main\",\"quantity\":2,"
            + "\"at\":\"2026-03-02T05:00:00Z\"}")))).ToList();

        Assert.Equal(lines, read.Select(item => (item.Sku.Value, item.OrderId)));
        Assert.Same(read[2].Sku.Value, read[3].Sku.Value);
    }

    [Fact]
    public void TryParse_CommonOrderLine_TakesTheFastPath()
    {
        var line = Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-03-02T05:00:00Z\"}";

        var fast = new EventLineParser().TryParse(Encoding.UTF8.GetBytes(line));

        Assert.Equal(Render(EventJsonLinesReader.Parse(line, "f", 1)), Render(Assert.IsType<OrderEvent>(fast)));
    }

    [Fact]
    public void Read_ByteOrderMarkAndEveryLineBreak_CountsLinesLikeATextReader()
    {
        var good = Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-03-02T05:00:00Z\"}";
        using var file = new TempText("\uFEFF" + good + "\r\n \t\r" + good + "\r" + good + "\n\n{\"type\":\"x\"}\r\n");

        var error = Assert.Throws<MalformedRowException>(() => EventJsonLinesReader.Read(file.Path).ToList());

        Assert.Equal((6, "type"), (error.Line, error.Column));
        Assert.Equal(3, EventJsonLinesReader.Read(file.Path).Take(3).Count());
    }

    [Fact]
    public void Read_LogOfSeveralChunks_KeepsOrderAndLineNumbersAcrossChunks()
    {
        // Lines of 254 bytes plus CR LF: 4,096 to a mebibyte, so reads of a mebibyte end between a line's CR and LF.
        var lines = Enumerable.Range(1, 30_000).Select(i => Padded(
            Head.Replace("\"e1\"", $"\"e{i}\"", StringComparison.Ordinal)
            + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-03-02T05:07:31Z\",", 254));
        using var file = new TempText(string.Join("\r\n", lines) + "\r\n{\"type\":\"x\"}\r\n");
        var read = new List<string>();

        var error = Assert.Throws<MalformedRowException>(() =>
        {
            foreach (var item in EventJsonLinesReader.Read(file.Path))
            {
                read.Add(item.Id);
            }
        });

        Assert.Equal((30_000 * 256) + 14, new FileInfo(file.Path).Length);
        Assert.Equal(Enumerable.Range(1, 30_000).Select(i => $"e{i}"), read);
        Assert.Equal((30_001, "type"), (error.Line, error.Column));
    }

    private static string Padded(string open, int length) =>
        open + "\"pad\":\"" + new string('x', length - open.Length - 9) + "\"}";

    [Fact]
    public void Read_SyncWritesOnly_YieldsTheWritesAndPassesOverUnreadableLines()
    {
        var write = "{\"type\":\"sync_write\",\"id\":\"w1\",\"sku\":\"A\",\"location\":\"Main\",\"value\":4," +
            "\"read_at\":\"2026-03-02T04:59:59Z\",\"at\":\"2026-03-02T05:00:00Z\"}";
        var order = Head + "\"sku\":\"A\",\"location\":\"Main\",\"quantity\":2,\"at\":\"2026-03-02T05:00:00Z\"}";
        var late = "{\"id\":\"w2\",\"type\":\"sync_write\",\"sku\":\"A\",\"location\":\"Main\",\"value\":5," +
            "\"read_at\":\"2026-03-02T05:00:00Z\",\"at\":\"2026-03-02T05:01:00Z\"}";
        using var file = new TempText(string.Join("\n", order, "{broken", write, "{\"type\":\"x\"}", late));

        var writes = EventJsonLinesReader.Read(file.Path, syncWritesOnly: true).ToList();

        Assert.Equal(["w1", "w2"], writes.Select(w => Assert.IsType<SyncWrite>(w).Id));
        Assert.Throws<MalformedRowException>(() => EventJsonLinesReader.Read(file.Path).ToList());
    }

    private static string Outcome(Func<VarianceEvent> read)
    {
        try
        {
            return Render(read());
        }
        catch (MalformedRowException ex)
        {
            return $"refused: line {ex.Line}, column {ex.Column}, value {ex.Value}";
        }
    }

    private static string Render(VarianceEvent item) => item is BundleSale sale
        ? sale with { Components = [] } + string.Join(";", sale.Components)
        : item.ToString();
}
