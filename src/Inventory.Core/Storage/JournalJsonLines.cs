using System.Globalization;
using System.Text;
using System.Text.Json;
using Inventory.Core.Stock;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Core.Storage;

/// <summary>Writes and reads journal entries in their JSON Lines file form (one entry per line;
/// docs/journal.md).</summary>
/// <remarks>Stateless; safe to use from many threads on different streams.</remarks>
public static class JournalJsonLines
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };

    /// <summary>Writes entries, one JSON object per line, UTF-8 without a byte-order mark.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="entries">The entries, in the order to write them.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    public static void Write(Stream stream, IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(entries);

        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        foreach (var entry in entries)
        {
            WriteEntry(writer, entry);
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>Reads entries written by <see cref="Write"/>; blank lines are skipped.</summary>
    /// <param name="stream">The source.</param>
    /// <param name="sourceName">The file name, for error messages.</param>
    /// <returns>The entries, in file order.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="JournalFormatException">Thrown when a line is not a valid entry; names the
    /// line and field.</exception>
    public static IEnumerable<JournalEntry> Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);

        return ReadLines(stream, sourceName);
    }

    private static IEnumerable<JournalEntry> ReadLines(Stream stream, string sourceName)
    {
        using var reader = new StreamReader(
            stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseLine(line, sourceName, lineNumber);
        }
    }

    private static JournalEntry ParseLine(string line, string sourceName, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new JournalFormatException(
                sourceName,
                lineNumber,
                (int)(ex.BytePositionInLine ?? 0) + 1,
                "(json)",
                $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return new EntryParser(document.RootElement, sourceName, lineNumber).Parse();
        }
    }

    private static void WriteEntry(Utf8JsonWriter writer, JournalEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteNumber("sequence", entry.Sequence);
        writer.WriteString("idempotencyKey", entry.IdempotencyKey);
        writer.WriteString("kind", entry.Kind.ToString());
        writer.WriteString("sku", entry.Key.Sku.Value);
        writer.WriteString("location", entry.Key.Location.Value);
        writer.WriteStartObject("change");
        WriteNonZero(writer, "onHand", entry.Change.OnHand);
        WriteNonZero(writer, "committed", entry.Change.Committed);
        WriteNonZero(writer, "reserved", entry.Change.Reserved);
        WriteNonZero(writer, "damaged", entry.Change.Damaged);
        WriteNonZero(writer, "qualityControl", entry.Change.QualityControl);
        WriteNonZero(writer, "safetyStock", entry.Change.SafetyStock);
        WriteNonZero(writer, "incoming", entry.Change.Incoming);
        writer.WriteEndObject();
        writer.WriteNumber("quantity", entry.Quantity);
        writer.WriteString("at", InstantPattern.ExtendedIso.Format(entry.At));
        writer.WriteString("reference", entry.Reference);
        writer.WriteString("reason", entry.Reason);
        writer.WriteString("actor", entry.Actor);
        writer.WriteEndObject();
    }

    private static void WriteNonZero(Utf8JsonWriter writer, string name, long value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private readonly struct EntryParser(JsonElement root, string sourceName, int lineNumber)
    {
        public JournalEntry Parse()
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("(entry)", "a JSON object is expected");
            }

            var kindText = RequiredString("kind");
            if (!Enum.TryParse<EntryKind>(kindText, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
            {
                throw Fail("kind", $"unknown entry kind '{kindText}'");
            }

            var key = new PositionKey(
                Identifier<Sku>("sku", Sku.TryCreate), Identifier<LocationId>("location", LocationId.TryCreate));

            return new JournalEntry(
                Long(root, "sequence", "sequence"), RequiredString("idempotencyKey"), kind, key, Change(),
                Long(root, "quantity", "quantity"), At(), OptionalString("reference"), OptionalString("reason"),
                OptionalString("actor"));
        }

        private delegate bool TryCreate<T>(string? text, out T value);

        private T Identifier<T>(string name, TryCreate<T> create)
        {
            var text = RequiredString(name);

            return create(text, out var value) ? value : throw Fail(name, $"'{text}' is not a valid {name}");
        }

        private StockChange Change()
        {
            if (!root.TryGetProperty("change", out var change) || change.ValueKind != JsonValueKind.Object)
            {
                throw Fail("change", "an object of signed integers is expected");
            }

            return new StockChange(
                Optional(change, "onHand"), Optional(change, "committed"), Optional(change, "reserved"),
                Optional(change, "damaged"), Optional(change, "qualityControl"), Optional(change, "safetyStock"),
                Optional(change, "incoming"));
        }

        private Instant At()
        {
            var text = RequiredString("at");
            var parsed = InstantPattern.ExtendedIso.Parse(text);

            return parsed.Success ? parsed.Value : throw Fail("at", $"'{text}' is not an ISO-8601 UTC instant");
        }

        private long Optional(JsonElement change, string name) =>
            change.TryGetProperty(name, out _) ? Long(change, name, "change." + name) : 0;

        private long Long(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
            {
                throw Fail(path, "a whole number is expected");
            }

            return value.TryGetInt64(out var number)
                ? number
                : throw Fail(path, $"{value.GetRawText()} is not a 64-bit whole number");
        }

        private string RequiredString(string name) =>
            OptionalString(name) ?? throw Fail(name, "a string is expected");

        private string? OptionalString(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw Fail(name, "a string is expected");
        }

        private JournalFormatException Fail(string field, string problem) =>
            new(sourceName, lineNumber, 1, field, problem);
    }
}
