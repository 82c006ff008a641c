using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Inventory.Core.Stock;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Tells from a line's raw UTF-8 bytes, without building its event, that the event belongs to none of a set of
/// SKU and location pairs, so a read that wants only those pairs can pass over it. It answers "skip" only when
/// sure: the line is one object whose <c>type</c>, <c>sku</c> and <c>location</c> each appear once, unescaped,
/// and name a type other than a bundle sale (whose components name other SKUs). Anything else is left to the
/// full parse.
/// </summary>
/// <remarks>Immutable once built; several threads may ask at once.</remarks>
internal sealed class EventPairFilter
{
    /// <summary>Joins a SKU to its location in a key; a SKU holding it only makes keys collide, never miss.</summary>
    private const char Separator = '\u001f';

    private const int MaxKeyLength = 1024;

    private static readonly JsonReaderOptions _options = new() { CommentHandling = JsonCommentHandling.Disallow };

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _keys;

    public EventPairFilter(IEnumerable<PositionKey> pairs)
    {
        var keys = pairs.Select(pair => pair.Sku.Value + Separator + pair.Location.Value).ToHashSet(
            StringComparer.Ordinal);
        _keys = keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether the line surely holds an event of none of the pairs.</summary>
    public bool Skips(ReadOnlySpan<byte> line)
    {
        try
        {
            return Fields(line, out var sku, out var location) && !Wanted(sku, location);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool Wanted(ReadOnlySpan<byte> sku, ReadOnlySpan<byte> location)
    {
        var length = sku.Length + 1 + location.Length;
        if (length > MaxKeyLength || !Utf8.IsValid(sku) || !Utf8.IsValid(location))
        {
            return true;
        }

        Span<char> key = stackalloc char[MaxKeyLength];
        var written = Encoding.UTF8.GetChars(sku, key);
        key[written++] = Separator;
        written += Encoding.UTF8.GetChars(location, key[written..]);

        return _keys.Contains(key[..written]);
    }

    /// <summary>
    /// Finds the unescaped string values of <c>sku</c> and <c>location</c> in a line whose <c>type</c> is known
    /// and not a bundle sale; false when any of the three is missing, repeated, escaped or not a string.
    /// </summary>
    private static bool Fields(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> sku, out ReadOnlySpan<byte> location)
    {
        sku = location = default;
        var reader = new Utf8JsonReader(line, _options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var (typed, seenSku, seenLocation) = (false, false, false);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Which(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            if (field == 0)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
            {
                return false;
            }

            var value = reader.ValueSpan;
            switch (field)
            {
                case 1 when !typed && !reader.ValueTextEquals("bundle_sale"u8):
                    typed = true;
                    break;
                case 2 when !seenSku:
                    seenSku = true;
                    sku = value;
                    break;
                case 3 when !seenLocation:
                    seenLocation = true;
                    location = value;
                    break;
                default:
                    return false;
            }
        }

        return typed && seenSku && seenLocation && reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>1 for <c>type</c>, 2 for <c>sku</c>, 3 for <c>location</c>, 0 for any other field.</summary>
    private static int Which(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        return reader.ValueTextEquals("type"u8) ? 1
            : reader.ValueTextEquals("sku"u8) ? 2
            : reader.ValueTextEquals("location"u8) ? 3
            : 0;
    }
}
