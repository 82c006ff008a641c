using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Cli.Reconcile;
using Inventory.Core.Stock;

namespace Inventory.Cli.Tests.Reconcile;

/// <summary>
/// The pair filter against a JSON reader on random one-line objects: field order, repeated and escaped names,
/// escaped values, nested values, numbers, literals and white space all vary. The filter may only skip a line a JSON
/// reader finds to be of another pair, and on plain lines it must skip every such line.
/// </summary>
public class EventPairFilterPropertyTests
{
    private static readonly EventPairFilter _filter = new([new PositionKey(new Sku("A"), new LocationId("Main"))]);

    private static readonly string[] _names =
        ["\"type\"", "\"sku\"", "\"location\"", "\"id\"", "\"extra\"", "\"\\u0073ku\"", "\"location \""];

    private static readonly string[] _values =
    [
        "\"A\"", "\"B\"", "\"Main\"", "\"Back\"", "\"order\"", "\"bundle_sale\"", "\"\\u0041\"", "\"M\\\"a\"",
        "\"x,}{\"", "7", "-2.5e3", "true", "null", "{\"sku\":\"A\",\"n\":[1,{\"location\":\"Main\"}]}",
        "[\"A\",\"}\"]", "{}", "[]",
    ];

    /// <summary>The values of the three fields every line has: mostly the wanted pair's and its neighbours'.</summary>
    private static readonly string[] _keyValues =
        ["\"A\"", "\"B\"", "\"Main\"", "\"Back\"", "\"order\"", "\"\\u0041\"", "7"];

    private static readonly string[] _spaces = ["", " ", "\t", "  "];

    [Property(MaxTest = 2000)]
    public Property Skips_OnlyLinesAJsonReaderFindsToBeOfAnotherPair() =>
        Prop.ForAll(Arb.From(Lines(_names, _values)), line =>
        {
            if (_filter.Skips(Encoding.UTF8.GetBytes(line)))
            {
                Assert.True(SurelyElsewhere(line), $"skipped a line that may be wanted: {line}");
            }
        });

    [Property(MaxTest = 1000)]
    public Property Skips_EveryPlainLineOfAnotherPair() =>
        Prop.ForAll(
            Arb.From(Lines(["\"type\"", "\"sku\"", "\"location\"", "\"id\"", "\"extra\""], _values)),
            line =>
            {
                var plain = !line.Contains('\\', StringComparison.Ordinal);
                if (plain && SurelyElsewhere(line))
                {
                    Assert.True(_filter.Skips(Encoding.UTF8.GetBytes(line)), $"read a line it could skip: {line}");
                }
            });

    /// <summary>
    /// What the filter may conclude, decided by a JSON reader: one string each for type, sku and location, a type
    /// other than a bundle sale, and a pair other than the wanted one.
    /// </summary>
    private static bool SurelyElsewhere(string line)
    {
        using var document = JsonDocument.Parse(line);
        var fields = document.RootElement.EnumerateObject().ToList();
        string? Single(string name)
        {
            var found = fields.Where(f => f.Name == name).ToList();
            return found.Count == 1 && found[0].Value.ValueKind == JsonValueKind.String ? found[0].Value.GetString()
                : null;
        }

        var (type, sku, location) = (Single("type"), Single("sku"), Single("location"));

        return type is not null && type != "bundle_sale" && sku is not null && location is not null
            && (sku, location) != ("A", "Main");
    }

    private static Gen<string> Lines(string[] names, string[] values) =>
        from count in Gen.Choose(0, 7)
        from fields in Gen.ArrayOf(Field(names, values), count)
        from type in Field(["\"type\""], _keyValues)
        from sku in Field(["\"sku\""], _keyValues)
        from location in Field(["\"location\""], _keyValues)
        from order in Gen.Shuffle(fields.Append(type).Append(sku).Append(location).ToArray())
        from open in Gen.Elements(_spaces)
        from close in Gen.Elements(_spaces)
        select "{" + open + string.Join(",", order) + close + "}";

    private static Gen<string> Field(string[] names, string[] values) =>
        from name in Gen.Elements(names)
        from value in Gen.Elements(values)
        from before in Gen.Elements(_spaces)
        from after in Gen.Elements(_spaces)
        select before + name + after + ":" + after + value + before;
}
