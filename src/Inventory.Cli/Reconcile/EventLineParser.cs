using System.Text;
using System.Text.Json;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// The fast path of the event log: builds an event straight from one line's UTF-8 bytes with a forward-only JSON
/// reader. It gives up (returns null) on anything unusual (a malformed or invalid line, a repeated field, an
/// unknown type), and the caller then reads that line the slow way, which names the exact problem; so both paths
/// accept the same lines and build the same events.
/// </summary>
/// <remarks>
/// One instance per thread; not thread-safe (it reuses its field slots and its recent locations and values).
/// </remarks>
internal sealed class EventLineParser
{
    private static readonly string[] _words =
    [
        "order", "sync_write", "return", "damage", "adjustment", "bundle_sale", "channel", "warehouse", "initiated",
        "received", "restocked",
    ];

    private static readonly byte[][] _wordBytes = [.. _words.Select(Encoding.UTF8.GetBytes)];

    /// <summary>The longest of the schema's words, in bytes.</summary>
    private static readonly int _longestWord = _wordBytes.Max(word => word.Length);

    /// <summary>
    /// Per length and first byte (index length * 128 + byte), the one schema word of that shape, or -1. No two words
    /// share both; building the table checks it.
    /// </summary>
    private static readonly int[] _wordOfShape = WordShapes();

    private static readonly JsonReaderOptions _options = new() { CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The number of slots for recent location names; a power of two.</summary>
    private const int RecentSlots = 64;

    /// <summary>The number of slots for recent repeated values (see <see cref="Shared"/>); a power of two.</summary>
    private const int SharedSlots = 256;

    private readonly string?[] _shared = new string?[SharedSlots];

    private readonly Dictionary<string, string> _locations = new(StringComparer.Ordinal);
    private readonly string?[] _recentLocations = new string?[RecentSlots];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _locationNames;
    private readonly List<BundleComponent> _components = [];
    // The slots of the line being read. A slot counts only while its bit is set in the matching mask, so starting a
    // line clears three numbers, not three arrays.
    private readonly string?[] _texts = new string?[(int)Field.Count];
    private readonly long[] _numbers = new long[(int)Field.Count];
    private readonly Instant[] _instants = new Instant[(int)Field.Count];
    private int _textsSet;
    private int _numbersSet;
    private int _instantsSet;
    private bool _componentsRead;

    private readonly bool _flatScan;

    /// <summary>Initializes a parser.</summary>
    /// <param name="flatScan">
    /// False to read every line with the JSON reader, never the byte scan of flat lines; tests compare the two.
    /// </param>
    public EventLineParser(bool flatScan = true)
    {
        _flatScan = flatScan;
        _locationNames = _locations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private enum Field
    {
        Type, Id, System, OrderId, ReturnId, DamageId, AdjustmentId, Sku, Location, At, ReadAt, Value, Quantity,
        Delta, Reason, Stage, Components, Count,
    }

    /// <summary>
    /// Whether the line's first field is an unescaped <c>type</c> naming a type other than <paramref name="type"/>;
    /// false when that cannot be told from the first field alone.
    /// </summary>
    public static bool NamesAnotherTypeFirst(ReadOnlySpan<byte> line, ReadOnlySpan<byte> type)
    {
        try
        {
            var reader = new Utf8JsonReader(line, _options);

            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && !reader.ValueIsEscaped
                && reader.ValueTextEquals("type"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
                && !reader.ValueSpan.SequenceEqual(type);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public VarianceEvent? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            if (!(_flatScan && ScanFlat(line)) && !ReadFields(line))
            {
                return null;
            }

            var item = Build();
            item?.Validate();

            return item;
        }
        catch (Exception ex) when (ex is JsonException or VarianceInputException or InvalidOperationException
            or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private void ClearFields()
    {
        (_textsSet, _numbersSet, _instantsSet) = (0, 0, 0);
        _components.Clear();
        _componentsRead = false;
    }

    /// <summary>
    /// Reads a line that is one flat object of plain fields, the shape nearly every line of a log has, with a byte scan
    /// instead of a JSON reader: the line is printable ASCII without a backslash (so no string holds an escape or a
    /// control character), and its values are strings or whole numbers in 64 bits. It fills the same slots as
    /// <see cref="ReadFields"/> and gives up (false) on anything else (a nested value, a literal, a fraction, an
    /// escape, a repeated field), leaving the line to the JSON reader. It accepts no line a JSON reader refuses.
    /// </summary>
    private bool ScanFlat(ReadOnlySpan<byte> line)
    {
        if (line.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0 || line.Contains((byte)'\\'))
        {
            return false;
        }

        ClearFields();
        var seen = 0;
        var at = EventPairFilter.Space(line, 0);
        if (at >= line.Length || line[at] != (byte)'{')
        {
            return false;
        }

        at = EventPairFilter.Space(line, at + 1);
        while (PlainString(line, ref at, out var name))
        {
            var field = Unescaped(name);
            if (field is { } known && (seen & (1 << (int)known)) != 0)
            {
                return false;
            }

            seen |= field is { } k ? 1 << (int)k : 0;
            at = EventPairFilter.Space(line, at);
            if (at >= line.Length || line[at] != (byte)':')
            {
                return false;
            }

            at = EventPairFilter.Space(line, at + 1);
            if (!FlatValue(line, ref at, field))
            {
                return false;
            }

            at = EventPairFilter.Space(line, at);
            if (at >= line.Length || line[at] is not ((byte)',' or (byte)'}'))
            {
                return false;
            }

            if (line[at] == (byte)'}')
            {
                return EventPairFilter.Space(line, at + 1) == line.Length;
            }

            at = EventPairFilter.Space(line, at + 1);
        }

        return false;
    }

    /// <summary>Reads a plain string or a whole number into the field's slot, as <see cref="Value"/> would.</summary>
    private bool FlatValue(ReadOnlySpan<byte> line, ref int at, Field? field)
    {
        if (at < line.Length && line[at] == (byte)'"')
        {
            if (!PlainString(line, ref at, out var text))
            {
                return false;
            }

            if (field is { } known)
            {
                SetText(known, known switch
                {
                    Field.Location => Location(text),
                    Field.Type or Field.System or Field.Stage => Word(text),
                    Field.At or Field.ReadAt when IsoSeconds.TryParse(text, out var instant) => Instant(known, instant),
                    Field.Id => Encoding.ASCII.GetString(text),
                    _ => Shared(text),
                });
            }

            return true;
        }

        if (!WholeNumber(line, ref at, out var number))
        {
            return false;
        }

        if (field is { } numbered)
        {
            SetNumber(numbered, number);
        }

        return true;
    }

    /// <summary>
    /// Reads a string at <paramref name="at"/>, moving past it, in a line already known to hold only printable
    /// ASCII and no backslash: such a string ends at the next quote, and its bytes are its text.
    /// </summary>
    private static bool PlainString(ReadOnlySpan<byte> line, ref int at, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (at >= line.Length || line[at] != (byte)'"')
        {
            return false;
        }

        var length = ClosingQuote(line[(at + 1)..]);
        if (length < 0)
        {
            return false;
        }

        text = line.Slice(at + 1, length);
        at += length + 2;

        return true;
    }

    /// <summary>
    /// The text of a plain ASCII value that lines repeat (a SKU, an order, return, damage or adjustment id, a
    /// reason), sharing the string of the same text met recently: a slot picked by length and end letters holds
    /// the last text that fell in it, so a run of lines about one SKU or order makes one string, and a miss costs
    /// no more than the string it has to make anyway. An event's own id is unique and never looked up.
    /// </summary>
    private string Shared(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        ref var slot = ref _shared[Slot(text, SharedSlots)];

        return Holds(slot, text) ? slot! : slot = Encoding.ASCII.GetString(text);
    }

    /// <summary>The slot of a cache of recent texts, picked by the text's length and end letters.</summary>
    private static int Slot(ReadOnlySpan<byte> text, int slots) => text.IsEmpty
        ? 0
        : ((text.Length * 31) + (text[^1] * 7) + (text[^(text.Length > 1 ? 2 : 1)] * 131) + text[0]) & (slots - 1);

    /// <summary>Whether a cached text is exactly <paramref name="text"/>, read as ASCII.</summary>
    private static bool Holds(string? known, ReadOnlySpan<byte> text) =>
        known is not null && known.Length == text.Length && System.Text.Ascii.Equals(text, known);

    /// <summary>
    /// Where the first quote of <paramref name="text"/> is, or -1. Most strings of a log are short ids, SKUs and
    /// words, for which a plain loop over the first bytes beats setting up a vectorized search.
    /// </summary>
    private static int ClosingQuote(ReadOnlySpan<byte> text)
    {
        const int ShortString = 16;
        var head = Math.Min(text.Length, ShortString);
        for (var i = 0; i < head; i++)
        {
            if (text[i] == (byte)'"')
            {
                return i;
            }
        }

        var rest = text[head..].IndexOf((byte)'"');

        return rest < 0 ? -1 : head + rest;
    }

    /// <summary>
    /// Reads a JSON integer (an optional minus, then 0 or digits not starting with 0) that fits in 64 bits, moving
    /// past it; false for anything else, a fraction or an exponent included.
    /// </summary>
    private static bool WholeNumber(ReadOnlySpan<byte> line, ref int at, out long number)
    {
        number = 0;
        var i = at;
        var negative = i < line.Length && line[i] == (byte)'-';
        i += negative ? 1 : 0;
        var first = i;
        ulong magnitude = 0;
        while (i < line.Length && line[i] is >= (byte)'0' and <= (byte)'9')
        {
            if (i - first == 19 || (i > first && line[first] == (byte)'0'))
            {
                return false;
            }

            magnitude = (magnitude * 10) + (ulong)(line[i] - '0');
            i++;
        }

        if (i == first || (i < line.Length && line[i] is (byte)'.' or (byte)'e' or (byte)'E')
            || magnitude > (negative ? 1UL << 63 : (ulong)long.MaxValue))
        {
            return false;
        }

        number = negative ? unchecked((long)(0 - magnitude)) : (long)magnitude;
        at = i;

        return true;
    }

    private bool ReadFields(ReadOnlySpan<byte> line)
    {
        ClearFields();
        var seen = 0;
        var reader = new Utf8JsonReader(line, _options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Name(ref reader);
            if (field is { } known && (seen & (1 << (int)known)) != 0)
            {
                return false;
            }

            seen |= field is { } k ? 1 << (int)k : 0;
            if (!reader.Read() || !Value(ref reader, field))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
    }

    private bool Value(ref Utf8JsonReader reader, Field? field)
    {
        if (field is not { } known)
        {
            reader.Skip();
            return true;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                SetText(known, known switch
                {
                    Field.Location => Location(ref reader),
                    Field.Type or Field.System or Field.Stage => Word(ref reader),
                    Field.At or Field.ReadAt when IsoSeconds.TryParse(ref reader, out var at) => Instant(known, at),
                    _ => reader.GetString(),
                });
                return true;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var number))
                {
                    SetNumber(known, number);
                }

                return true;
            case JsonTokenType.StartArray when known == Field.Components:
                return ReadComponents(ref reader);
            default:
                reader.Skip();
                return true;
        }
    }

    private bool ReadComponents(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? sku = null;
            long? quantity = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSku = reader.ValueTextEquals("sku"u8);
                var isQuantity = reader.ValueTextEquals("quantity"u8);
                if (!reader.Read() || ((isSku && sku is not null) || (isQuantity && quantity is not null)))
                {
                    return false;
                }

                sku = isSku && reader.TokenType == JsonTokenType.String ? reader.GetString() : sku;
                quantity = isQuantity && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var q)
                    ? q
                    : quantity;
                reader.Skip();
            }

            if (!Core.Stock.Sku.TryCreate(sku, out var component) || quantity is not { } perBundle)
            {
                return false;
            }

            _components.Add(new BundleComponent(component, perBundle));
        }

        _componentsRead = reader.TokenType == JsonTokenType.EndArray;

        return _componentsRead;
    }

    /// <summary>
    /// Reads one of the fixed words of the schema without allocating; other plain ASCII text as is. No two words
    /// share a length and first letter, so those two pick the only word the text can be, and one comparison
    /// settles it.
    /// </summary>
    private static string Word(ReadOnlySpan<byte> text)
    {
        var candidate = text.Length is > 0 and var length && length <= _longestWord && text[0] < 128
            ? _wordOfShape[(length * 128) + text[0]]
            : -1;

        return candidate >= 0 && text.SequenceEqual(_wordBytes[candidate])
            ? _words[candidate]
            : Encoding.ASCII.GetString(text);
    }

    /// <summary>Builds <see cref="_wordOfShape"/>, refusing two words of one length and first byte.</summary>
    private static int[] WordShapes()
    {
        var shapes = new int[(_longestWord + 1) * 128];
        Array.Fill(shapes, -1);
        for (var i = 0; i < _wordBytes.Length; i++)
        {
            ref var shape = ref shapes[(_wordBytes[i].Length * 128) + _wordBytes[i][0]];
            shape = shape < 0 ? i : throw new InvalidOperationException(
                $"The schema words '{_words[shape]}' and '{_words[i]}' share a length and first letter.");
        }

        return shapes;
    }

    /// <summary>Reads one of the fixed words of the schema without allocating; other text as is.</summary>
    private static string? Word(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if (reader.ValueTextEquals(_wordBytes[i]))
            {
                return _words[i];
            }
        }

        return reader.GetString();
    }

    private string Instant(Field field, Instant at)
    {
        _instants[(int)field] = at;
        _instantsSet |= 1 << (int)field;

        return "instant";
    }

    private void SetText(Field field, string? text)
    {
        _texts[(int)field] = text;
        _textsSet |= 1 << (int)field;
    }

    private void SetNumber(Field field, long number)
    {
        _numbers[(int)field] = number;
        _numbersSet |= 1 << (int)field;
    }

    /// <summary>The field's text as read, empty included; null when the line gave it no string.</summary>
    private string? RawText(Field field) => (_textsSet & (1 << (int)field)) != 0 ? _texts[(int)field] : null;

    /// <summary>
    /// Reads a plain ASCII location name, reusing the string of a name already seen. Recent names are kept in
    /// slots as <see cref="Shared"/> keeps values, so most lines find theirs with one comparison and no hashing.
    /// </summary>
    private string Location(ReadOnlySpan<byte> text)
    {
        ref var slot = ref _recentLocations[Slot(text, RecentSlots)];
        if (Holds(slot, text))
        {
            return slot!;
        }

        Span<char> chars = stackalloc char[64];
        string? name = null;
        if (text.Length <= chars.Length)
        {
            System.Text.Ascii.ToUtf16(text, chars, out var length);
            name = _locationNames.TryGetValue(chars[..length], out var known) ? known : null;
        }

        name ??= Remember(Encoding.ASCII.GetString(text));
        if (_locations.ContainsKey(name))
        {
            slot = name;
        }

        return name;
    }

    /// <summary>Reads a location name, reusing the string of a name already seen (a log names few locations).</summary>
    private string Location(ref Utf8JsonReader reader)
    {
        Span<char> chars = stackalloc char[64];
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= chars.Length
            && Encoding.UTF8.TryGetChars(reader.ValueSpan, chars, out var length)
            && _locationNames.TryGetValue(chars[..length], out var known))
        {
            return known;
        }

        return Remember(reader.GetString()!);
    }

    /// <summary>Keeps a valid location name for reuse, up to a bound.</summary>
    private string Remember(string text)
    {
        if (_locations.Count < 1024 && LocationId.TryCreate(text, out _))
        {
            _locations.TryAdd(text, text);
        }

        return text;
    }

    private VarianceEvent? Build() => Text(Field.Type) switch
    {
        "order" => new OrderEvent(
            Id(), SystemOf(), Need(Field.OrderId), Sku(), Place(), Number(Field.Quantity), At(Field.At)),
        "sync_write" => new SyncWrite(
            Id(), Sku(), Place(), Number(Field.Value), At(Field.ReadAt), At(Field.At)),
        "return" => new ReturnEvent(
            Id(), SystemOf(), Need(Field.ReturnId), Sku(), Place(), Stage(), Number(Field.Quantity), At(Field.At)),
        "damage" => new DamageEvent(
            Id(), SystemOf(), Need(Field.DamageId), Sku(), Place(), Number(Field.Quantity), At(Field.At)),
        "adjustment" => new AdjustmentEvent(
            Id(), SystemOf(), Need(Field.AdjustmentId), Sku(), Place(), Number(Field.Delta), RawText(Field.Reason),
            At(Field.At)),
        "bundle_sale" when _componentsRead => new BundleSale(
            Id(), SystemOf(), Need(Field.OrderId), Sku(), Place(), Number(Field.Quantity), [.. _components],
            At(Field.At)),
        _ => null,
    };

    private string? Text(Field field) => RawText(field) is { Length: > 0 } text ? text : null;

    private string Need(Field field) => Text(field) ?? throw new FormatException();

    private string Id() => Need(Field.Id);

    private long Number(Field field) =>
        (_numbersSet & (1 << (int)field)) != 0 ? _numbers[(int)field] : throw new FormatException();

    private Sku Sku() => Core.Stock.Sku.TryCreate(Text(Field.Sku), out var sku) ? sku : throw new FormatException();

    private LocationId Place() =>
        LocationId.TryCreate(Text(Field.Location), out var location) ? location : throw new FormatException();

    private VarianceSystem SystemOf() => Text(Field.System) switch
    {
        "channel" => VarianceSystem.Channel,
        "warehouse" => VarianceSystem.Warehouse,
        _ => throw new FormatException(),
    };

    private ReturnStage Stage() => Text(Field.Stage) switch
    {
        "initiated" => ReturnStage.Initiated,
        "received" => ReturnStage.Received,
        "restocked" => ReturnStage.Restocked,
        _ => throw new FormatException(),
    };

    private Instant At(Field field)
    {
        if ((_instantsSet & (1 << (int)field)) != 0)
        {
            return _instants[(int)field];
        }

        var text = Need(field);
        var parsed = InstantPattern.ExtendedIso.Parse(text);

        return parsed.Success ? parsed.Value : throw new FormatException();
    }

    private static Field? Name(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Unescaped(Encoding.UTF8.GetBytes(reader.GetString()!)) : Unescaped(reader.ValueSpan);

    /// <summary>
    /// The field an unescaped name names, told apart by length first; null for a name outside the schema.
    /// </summary>
    private static Field? Unescaped(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("id"u8) ? Field.Id : name.SequenceEqual("at"u8) ? Field.At : null,
        3 => name.SequenceEqual("sku"u8) ? Field.Sku : null,
        4 => name.SequenceEqual("type"u8) ? Field.Type : null,
        5 => name.SequenceEqual("value"u8) ? Field.Value
            : name.SequenceEqual("delta"u8) ? Field.Delta
            : name.SequenceEqual("stage"u8) ? Field.Stage
            : null,
        6 => name.SequenceEqual("system"u8) ? Field.System : name.SequenceEqual("reason"u8) ? Field.Reason : null,
        7 => name.SequenceEqual("read_at"u8) ? Field.ReadAt : null,
        8 => name.SequenceEqual("location"u8) ? Field.Location
            : name.SequenceEqual("quantity"u8) ? Field.Quantity
            : name.SequenceEqual("order_id"u8) ? Field.OrderId
            : null,
        9 => name.SequenceEqual("return_id"u8) ? Field.ReturnId : name.SequenceEqual("damage_id"u8) ? Field.DamageId
            : null,
        10 => name.SequenceEqual("components"u8) ? Field.Components : null,
        13 => name.SequenceEqual("adjustment_id"u8) ? Field.AdjustmentId : null,
        _ => null,
    };
}
