using System.Globalization;
using System.Text.Json;

namespace Inventory.Integrations.Payloads;

/// <summary>Reads fields of a JSON body, naming the JSON path of anything missing or mistyped.</summary>
internal static class PayloadReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            var document = JsonDocument.Parse(body, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new PayloadException("$", "the body must be a JSON object");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new PayloadException(
                "$", $"malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}");
        }
    }

    public static JsonElement Object(JsonElement parent, string path, string name)
    {
        var value = Required(parent, path, name);

        return value.ValueKind == JsonValueKind.Object ? value : throw Wrong(path, name, "an object", value);
    }

    public static JsonElement.ArrayEnumerator Array(JsonElement parent, string path, string name)
    {
        var value = Required(parent, path, name);

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw Wrong(path, name, "an array", value);
    }

    public static JsonElement.ArrayEnumerator OptionalArray(JsonElement parent, string path, string name)
    {
        if (!TryGet(parent, path, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw Wrong(path, name, "an array", value);
    }

    /// <summary>Reads an id written as a JSON integer or string, as text; never through a double.</summary>
    public static string Id(JsonElement parent, string path, string name) =>
        OptionalId(parent, path, name) ?? throw Missing(path, name);

    public static string? OptionalId(JsonElement parent, string path, string name)
    {
        if (!TryGet(parent, path, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                return value.GetString()!.Trim();
            case JsonValueKind.Number when value.TryGetInt64(out var number):
                return number.ToString(CultureInfo.InvariantCulture);
            case JsonValueKind.Number:
                throw new PayloadException(
                    Join(path, name),
                    $"an id must be a whole number within 64 bits or a string (was {value.GetRawText()})");
            default:
                throw Wrong(path, name, "an id (integer or string)", value);
        }
    }

    public static string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!TryGet(parent, path, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(path, name, "a string", value);
    }

    public static string String(JsonElement parent, string path, string name) =>
        OptionalString(parent, path, name) ?? throw Missing(path, name);

    /// <summary>Reads a whole, non-negative quantity; a fraction, a negative or a string is an error.</summary>
    public static long Quantity(JsonElement parent, string path, string name)
    {
        var value = Required(parent, path, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var quantity))
        {
            throw Wrong(path, name, "a whole number", value);
        }

        return quantity >= 0
            ? quantity
            : throw new PayloadException(Join(path, name), $"a quantity must not be negative (was {quantity})");
    }

    /// <summary>Reads a signed whole number (an adjustment or an available figure).</summary>
    public static long Signed(JsonElement parent, string path, string name)
    {
        var value = Required(parent, path, name);

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Wrong(path, name, "a whole number", value);
    }

    public static bool OptionalBool(JsonElement parent, string path, string name)
    {
        if (!TryGet(parent, path, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(path, name, "true or false", value),
        };
    }

    public static string Join(string path, string name) => $"{path}.{name}";

    /// <summary>Looks a member up, naming the path when the parent is not an object at all.</summary>
    public static bool TryGet(JsonElement parent, string path, string name, out JsonElement value)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException(
                path, $"an object with '{name}' is expected (was {parent.ValueKind}: {Shown(parent)})");
        }

        return parent.TryGetProperty(name, out value);
    }

    public static string Index(string path, string name, int index) => $"{path}.{name}[{index}]";

    private static JsonElement Required(JsonElement parent, string path, string name) =>
        TryGet(parent, path, name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Missing(path, name);

    private static PayloadException Wrong(string path, string name, string expected, JsonElement value) =>
        new(Join(path, name), $"{expected} is expected (was {value.ValueKind}: {Shown(value)})");

    private static PayloadException Missing(string path, string name) =>
        new(Join(path, name), "is required and was missing or null");

    private static string Shown(JsonElement value)
    {
        var text = value.GetRawText();

        return text.Length > 40 ? text[..40] + "..." : text;
    }
}
