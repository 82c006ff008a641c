using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Cli.Reconcile;
using Inventory.Core.Variance;

namespace Inventory.Cli.Tests.Reconcile;

/// <summary>
/// The byte scan of flat lines against the JSON reader it stands in for, on random event lines: every field of the
/// schema in any order, repeated and unknown fields, escaped and non-ASCII text, raw control characters, numbers of
/// every JSON form (and some that are not JSON), literals, nested values, white space, and lines cut short or
/// followed by more text. With the scan on, the parser must build exactly what it builds with the reader alone.
/// </summary>
public class EventLineParserPropertyTests
{
    private static readonly string[] _spaces = ["", "", "", " ", "\t"];

    private static readonly string[] _texts =
    [
        "\"e1\"", "\"o-77\"", "\"\"", "\"A\\u00e9\"", "\"A\\\"B\"", "\"caf\u00e9\"", "\"tab\there\"", "\"x\\\\y\"",
        "\"SKU-1\"", "\" A\"", "\"\u007f\"",
    ];

    private static readonly string[] _numbers =
    [
        "0", "-0", "2", "-3", "01", "-01", "1.0", "1e2", "1E+2", "-", "2x", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "12345678901234567890", "5 ",
    ];

    private static readonly string[] _others = ["true", "null", "[]", "{}", "[1,{\"a\":2}]", "\"3\""];

    private static readonly (string Name, string[] Values)[] _fields =
    [
        ("type", ["\"order\"", "\"sync_write\"", "\"return\"", "\"damage\"", "\"adjustment\"", "\"bundle_sale\"",
            "\"refund\"", "\"ord\\u0065r\"", "\"Order\"", "\"retour\"", "\"damages\"", "\"sync_wrote\"",
            "\"adjustmenx\"", "\"bundle_salE\""]),
        ("id", _texts),
        ("system", ["\"channel\"", "\"warehouse\"", "\"shop\"", "\"channe\\u006c\"", "\"Channel\"", "\"warehousE\"",
            "\"initiated\""]),
        ("order_id", _texts),
        ("return_id", _texts),
        ("damage_id", _texts),
        ("adjustment_id", _texts),
        ("sku", ["\"A\"", "\"SKU-0000001\"", "\"\"", "\"A\\u00e9\"", "\"caf\u00e9\"", "\" A\"", "7"]),
        ("location", ["\"Main\"", "\"WH-1\"", "\"M\\u0061in\"", "\"\"", "\"Lager \u00d6st\"", "3", "\"WH-q\"",
            "\"wH-1\"", "\" Main\""]),
        ("at", ["\"2026-03-02T05:07:31Z\"", "\"2026-03-02T05:00:00.125Z\"", "\"2026-02-30T05:00:00Z\"",
            "\"2026-03-02T05:00:00+01:00\"", "\"2026-03-02T05:00:00\\u005a\"", "\"2026-03-02T24:00:00Z\""]),
        ("read_at", ["\"2026-03-02T05:00:00Z\"", "\"2026-03-02T04:59:59.5Z\"", "\"yesterday\""]),
        ("value", _numbers),
        ("quantity", _numbers),
        ("delta", _numbers),
        ("reason", ["\"count\"", "\"\"", "7", "null"]),
        ("stage", ["\"initiated\"", "\"received\"", "\"restocked\"", "\"lost\"", "\"initiatex\"", "\"restocker\"",
            "\"receivex\"", "\"warehouse\""]),
        ("components", ["[]", "[{\"sku\":\"A\",\"quantity\":2}]", "3"]),
        ("note", [.. _texts, .. _numbers, .. _others]),
        ("typ\\u0065", ["\"order\""]),
    ];

    [Property(MaxTest = 3000)]
    public Property TryParse_WithTheByteScan_BuildsWhatTheReaderBuilds() =>
        Prop.ForAll(Arb.From(Lines()), line =>
        {
            var bytes = Encoding.UTF8.GetBytes(line);

            var scanned = new EventLineParser().TryParse(bytes);
            var read = new EventLineParser(flatScan: false).TryParse(bytes);

            Assert.Equal(Render(read), Render(scanned));
        });

    /// <summary>
    /// One parser reads many lines in turn, as a worker does, and keeps recent location names between them: what it
    /// builds for each line must still be what a parser that has seen no earlier line builds with the reader.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property TryParse_ManyLinesWithOneParser_BuildsWhatAFreshReaderBuilds() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Lines(), 40)), lines =>
        {
            var scanner = new EventLineParser();
            foreach (var line in lines)
            {
                var bytes = Encoding.UTF8.GetBytes(line);

                var scanned = scanner.TryParse(bytes);
                var read = new EventLineParser(flatScan: false).TryParse(bytes);

                Assert.Equal(Render(read), Render(scanned));
            }
        });

    [Fact]
    public void TryParse_FlatLineAtTheLimits_BuildsTheEventTheExactReaderBuilds()
    {
        var line = "{ \"type\" : \"sync_write\", \"id\":\"w1\",\"sku\":\"A\",\"location\":\"Main\"," +
            "\"value\":-9223372036854775808,\t\"read_at\":\"2026-03-02T04:58:17Z\",\"at\":\"2026-03-02T05:01:02Z\"," +
            "\"x\":-0, \"y\": \"\" }";

        var scanned = new EventLineParser().TryParse(Encoding.UTF8.GetBytes(line));

        Assert.Equal(long.MinValue, Assert.IsType<SyncWrite>(scanned).Value);
        Assert.Equal(Render(EventJsonLinesReader.Parse(line, "f", 1)), Render(scanned));
    }

    /// <summary>Mostly the fields one type needs, in any order, with extra, repeated and odd fields mixed in.</summary>
    private static Gen<string> Lines() =>
        from type in Gen.Elements("order", "sync_write", "return", "damage", "adjustment")
        from required in Gen.Shuffle(Required(type))
        from extras in Gen.Choose(0, 3)
        from extra in Gen.ArrayOf(Gen.Elements(_fields), extras)
        from skipped in Gen.Choose(-4, required.Length - 1)
        from fields in Gen.CollectToArray(required.Where((_, i) => i != skipped).Select(name => Field(name, type))
            .Concat(extra.Select(field => Field(field.Name, null))))
        from order in Gen.Shuffle(fields)
        from open in Gen.Elements(_spaces)
        from close in Gen.Elements(_spaces)
        from ending in Gen.Elements("", "", "", "", " ", "}", ",", " {}", "x")
        from cut in Gen.Choose(-6, 3)
        let text = "{" + open + string.Join(",", order) + close + "}" + ending
        select cut > 0 ? text[..Math.Max(0, text.Length - cut)] : text;

    private static string[] Required(string type) => type switch
    {
        "order" => ["type", "id", "system", "order_id", "sku", "location", "quantity", "at"],
        "sync_write" => ["type", "id", "sku", "location", "value", "read_at", "at"],
        "return" => ["type", "id", "system", "return_id", "sku", "location", "stage", "quantity", "at"],
        "damage" => ["type", "id", "system", "damage_id", "sku", "location", "quantity", "at"],
        _ => ["type", "id", "system", "adjustment_id", "sku", "location", "delta", "reason", "at"],
    };

    /// <summary>A field with, most of the time, a value its type needs; otherwise any value the schema lists.</summary>
    private static Gen<string> Field(string name, string? type)
    {
        var values = _fields.First(field => field.Name == name).Values;
        var likely = name switch
        {
            "type" when type is not null => Gen.Constant($"\"{type}\""),
            "quantity" or "value" or "delta" => Gen.Elements("2", "1", "-4", "0"),
            _ => Gen.Elements(values[0], values[Math.Min(1, values.Length - 1)]),
        };

        return from value in Gen.Frequency((4, likely), (1, Gen.Elements(values)))
               from before in Gen.Elements(_spaces)
               from after in Gen.Elements(_spaces)
               select before + "\"" + name + "\"" + after + ":" + before + value + after;
    }

    private static string Render(VarianceEvent? item) => item switch
    {
        null => "(left to the exact reader)",
        BundleSale sale => sale with { Components = [] } + string.Join(";", sale.Components),
        _ => item.ToString(),
    };
}
