using System.Globalization;
using System.Text;
using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Bundles;

/// <summary>
/// Reads the inputs of <c>inventory bundles return</c>: a sold line (sale.json) and the components coming back
/// (a JSON array). Every field error names the file, the field's JSON path and the value.
/// </summary>
internal static class ReturnFiles
{
    public static ReturnRequest ReadSale(string path, BundleCatalog catalog)
    {
        using var document = Parse(path);
        var root = document.RootElement;
        var lineId = Text(path, root, "$", "lineId");
        var bundle = SkuOf(path, root, "$", "bundle");
        var quantity = Whole(path, root, "$", "quantity", positive: true);
        var soldAt = BomFiles.StartOf(Day(path, root, "$", "soldAt"));
        var perBundle = root.TryGetProperty("composition", out var recorded)
            ? Components(path, recorded, "$.composition")
            : FromCatalog(path, catalog, bundle, soldAt);
        var definition = catalog.TryGetDefinition(bundle, soldAt, out var found)
            ? found
            : new BundleDefinition(bundle, perBundle);
        var sale = new BundleSale(lineId, bundle, quantity, soldAt, definition, perBundle);
        var already = root.TryGetProperty("alreadyReturned", out var before)
            ? Returned(path, before, "$.alreadyReturned")
            : [];

        return new ReturnRequest(
            sale, Money(path, root), Text(path, root, "$", "currency"), already, Weights(path, root));
    }

    public static IReadOnlyList<ReturnedComponent> ReadReturned(string path)
    {
        using var document = Parse(path);

        return Returned(path, document.RootElement, "$");
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            // A byte order mark is accepted, as the CSV readers accept one; the JSON parser alone refuses it.
            var bytes = File.ReadAllBytes(path).AsMemory();
            var bom = Encoding.UTF8.Preamble;

            return JsonDocument.Parse(bytes.Span.StartsWith(bom) ? bytes[bom.Length..] : bytes);
        }
        catch (JsonException ex)
        {
            throw new JsonInputException(
                path, ex.Path ?? "$", $"line {ex.LineNumber + 1}", "not valid JSON: " + ex.Message);
        }
    }

    private static IReadOnlyList<BundleComponent> FromCatalog(
        string path, BundleCatalog catalog, Sku bundle, Instant at) =>
        catalog.IsBundle(bundle, at)
            ? catalog.Explode(bundle, 1, at)
            : throw new JsonInputException(
                path, "$.bundle", bundle.Value, $"no composition recorded and no definition valid at {at}");

    private static List<BundleComponent> Components(string path, JsonElement array, string at)
    {
        RequireArray(path, array, at);

        return [.. array.EnumerateArray().Select((e, i) =>
            new BundleComponent(
                SkuOf(path, e, $"{at}[{i}]", "sku"), Whole(path, e, $"{at}[{i}]", "quantity", positive: true)))];
    }

    private static List<ReturnedComponent> Returned(string path, JsonElement array, string at)
    {
        RequireArray(path, array, at);

        return [.. array.EnumerateArray().Select((e, i) => new ReturnedComponent(
            SkuOf(path, e, $"{at}[{i}]", "sku"),
            Whole(path, e, $"{at}[{i}]", "quantity", positive: true),
            Condition(path, e, $"{at}[{i}]")))];
    }

    private static ComponentCondition Condition(string path, JsonElement element, string at)
    {
        if (!element.TryGetProperty("condition", out var value))
        {
            return ComponentCondition.Sellable;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        return text switch
        {
            "sellable" => ComponentCondition.Sellable,
            "damaged" => ComponentCondition.Damaged,
            "needs_inspection" => ComponentCondition.NeedsInspection,
            _ => throw new JsonInputException(
                path, $"{at}.condition", value.ToString(), "use sellable, damaged or needs_inspection"),
        };
    }

    private static decimal Money(string path, JsonElement root)
    {
        var value = Field(path, root, "$", "pricePaid");
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount))
        {
            return amount;
        }

        throw new JsonInputException(path, "$.pricePaid", value.ToString(), "not a number of minor units");
    }

    private static Dictionary<Sku, decimal>? Weights(string path, JsonElement root)
    {
        if (!root.TryGetProperty("weights", out var weights))
        {
            return null;
        }

        if (weights.ValueKind != JsonValueKind.Object)
        {
            throw new JsonInputException(path, "$.weights", weights.ToString(), "not an object of SKU to weight");
        }

        return weights.EnumerateObject().ToDictionary(
            p => Sku.TryCreate(p.Name, out var sku)
                ? sku
                : throw new JsonInputException(path, "$.weights", p.Name, "not a SKU"),
            p => p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDecimal(out var w)
                ? w
                : throw new JsonInputException(path, $"$.weights.{p.Name}", p.Value.ToString(), "not a number"));
    }

    private static void RequireArray(string path, JsonElement element, string at)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new JsonInputException(path, at, element.ToString(), "not an array");
        }
    }

    private static JsonElement Field(string path, JsonElement element, string at, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new JsonInputException(path, $"{at}.{name}", "", "the field is missing");

    private static string Text(string path, JsonElement element, string at, string name)
    {
        var value = Field(path, element, at, name);

        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new JsonInputException(path, $"{at}.{name}", value.ToString(), "not a non-blank string");
    }

    private static Sku SkuOf(string path, JsonElement element, string at, string name)
    {
        var value = Field(path, element, at, name);

        return value.ValueKind == JsonValueKind.String && Sku.TryCreate(value.GetString(), out var sku)
            ? sku
            : throw new JsonInputException(path, $"{at}.{name}", value.ToString(), "not a SKU");
    }

    private static long Whole(string path, JsonElement element, string at, string name, bool positive)
    {
        var value = Field(path, element, at, name);

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var units) && (!positive || units > 0)
            ? units
            : throw new JsonInputException(path, $"{at}.{name}", value.ToString(), "not a positive whole number");
    }

    private static LocalDate Day(string path, JsonElement element, string at, string name)
    {
        var text = Text(path, element, at, name);
        var result = LocalDatePattern.Iso.Parse(text.Length > 10 ? text[..10] : text);

        return result.Success
            ? result.Value
            : throw new JsonInputException(path, $"{at}.{name}", text, "not a date (yyyy-MM-dd)");
    }
}
