using System.Text.Json;
using Inventory.Cli.Replay;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Reads the event log, one JSON object per line (schema in docs/variance.md), yielding each event as it is read
/// so that the log is never held in memory. Blank lines are skipped; lines end at a line feed, a carriage return,
/// or both. Well-formed lines take the fast path of <see cref="EventLineParser"/>; any other line is read again
/// as text here, which names the file, line and field of the problem.
/// </summary>
internal static class EventJsonLinesReader
{
    private const int FirstBufferSize = 1 << 20;

    public static IEnumerable<VarianceEvent> Read(string path)
    {
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (StartsWithWideByteOrderMark(stream))
        {
            foreach (var item in ReadAsText(path))
            {
                yield return item;
            }

            yield break;
        }

        var parser = new EventLineParser();
        var buffer = new byte[FirstBufferSize];
        var (start, end, number, atEnd) = (0, 0, 0, false);
        while (true)
        {
            var length = LineLength(buffer.AsSpan(start, end - start), atEnd, out var breakLength);
            if (length < 0)
            {
                if (atEnd)
                {
                    yield break;
                }

                (buffer, start, end) = Refill(stream, buffer, start, end);
                atEnd = end == 0 || stream.Position == stream.Length;
                continue;
            }

            number++;
            var item = ParseLine(parser, buffer.AsSpan(start, length), path, number);
            start += length + breakLength;
            if (item is not null)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// The length of the next line, or -1 when the buffer holds no whole line yet; at the end of the file the rest
    /// is the last line. A carriage return that ends the buffer waits for the next read, which may hold its line
    /// feed.
    /// </summary>
    private static int LineLength(ReadOnlySpan<byte> data, bool atEnd, out int breakLength)
    {
        breakLength = 0;
        var at = data.IndexOfAny((byte)'\n', (byte)'\r');
        if (at < 0 || (at == data.Length - 1 && data[at] == '\r' && !atEnd))
        {
            return atEnd && !data.IsEmpty ? data.Length : -1;
        }

        breakLength = data[at] == '\r' && at + 1 < data.Length && data[at + 1] == '\n' ? 2 : 1;

        return at;
    }

    private static (byte[] Buffer, int Start, int End) Refill(Stream stream, byte[] buffer, int start, int end)
    {
        var kept = end - start;
        var target = kept > buffer.Length / 2 ? new byte[buffer.Length * 2] : buffer;
        buffer.AsSpan(start, kept).CopyTo(target);
        var read = stream.ReadAtLeast(target.AsSpan(kept), target.Length - kept, throwOnEndOfStream: false);
        if (stream.Position == read && read >= 3 && target.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
        {
            target.AsSpan(3, read - 3).CopyTo(target);
            read -= 3;
        }

        return (target, 0, kept + read);
    }

    private static VarianceEvent? ParseLine(EventLineParser parser, ReadOnlySpan<byte> line, string path, int number)
    {
        var content = line.Trim(" \t\v\f"u8);
        if (content.IsEmpty)
        {
            return null;
        }

        if (content[0] == (byte)'{' && parser.TryParse(content) is { } fast)
        {
            return fast;
        }

        var text = System.Text.Encoding.UTF8.GetString(line);

        return string.IsNullOrWhiteSpace(text) ? null : Parse(text, path, number);
    }

    private static bool StartsWithWideByteOrderMark(FileStream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;

        var two = read >= 2 ? head[..2] : [];

        return two.SequenceEqual((byte[])[0xFF, 0xFE]) || two.SequenceEqual((byte[])[0xFE, 0xFF])
            || (read == 4 && head.SequenceEqual((byte[])[0, 0, 0xFE, 0xFF]));
    }

    private static IEnumerable<VarianceEvent> ReadAsText(string path)
    {
        using var reader = new StreamReader(path);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(line, path, number);
            }
        }
    }

    /// <summary>Reads one line the slow, exact way; it throws naming the file, line and field of a problem.</summary>
    internal static VarianceEvent Parse(string line, string path, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            var column = ((ex.BytePositionInLine ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new MalformedRowException(path, number, column, line, "expected one JSON object");
        }

        using (document)
        {
            var fields = new EventFields(document.RootElement, path, number);
            try
            {
                var item = Build(fields);
                item.Validate();
                return item;
            }
            catch (VarianceInputException ex)
            {
                throw new MalformedRowException(path, number, "event", line, ex.Message);
            }
        }
    }

    private static VarianceEvent Build(EventFields f) => f.Text("type") switch
    {
        "order" => new OrderEvent(
            f.Text("id"), f.System(), f.Text("order_id"), f.Sku(), f.Location(), f.Number("quantity"), f.At("at")),
        "sync_write" => new SyncWrite(
            f.Text("id"), f.Sku(), f.Location(), f.Number("value"), f.At("read_at"), f.At("at")),
        "return" => new ReturnEvent(
            f.Text("id"), f.System(), f.Text("return_id"), f.Sku(), f.Location(), f.Stage(), f.Number("quantity"),
            f.At("at")),
        "damage" => new DamageEvent(
            f.Text("id"), f.System(), f.Text("damage_id"), f.Sku(), f.Location(), f.Number("quantity"), f.At("at")),
        "adjustment" => new AdjustmentEvent(
            f.Text("id"), f.System(), f.Text("adjustment_id"), f.Sku(), f.Location(), f.Number("delta"),
            f.OptionalText("reason"), f.At("at")),
        "bundle_sale" => new BundleSale(
            f.Text("id"), f.System(), f.Text("order_id"), f.Sku(), f.Location(), f.Number("quantity"),
            f.Components(), f.At("at")),
        var other => throw f.Bad(
            "type", other, "expected order, sync_write, return, damage, adjustment or bundle_sale"),
    };

    private readonly struct EventFields(JsonElement root, string path, int line)
    {
        public string Text(string name) =>
            root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
                ? text
                : throw Bad(name, Raw(name), "expected a non-empty string");

        public string? OptionalText(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        public long Number(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number)
                ? number
                : throw Bad(name, Raw(name), "expected a whole number");

        public Instant At(string name)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(Text(name));
            return parsed.Success ? parsed.Value : throw Bad(name, Raw(name), "expected an ISO-8601 UTC instant");
        }

        public Sku Sku() => Core.Stock.Sku.TryCreate(Text("sku"), out var sku)
            ? sku
            : throw Bad("sku", Raw("sku"), "expected a SKU of 1 to 255 characters");

        public LocationId Location() => LocationId.TryCreate(Text("location"), out var location)
            ? location
            : throw Bad("location", Raw("location"), "expected a location name");

        public VarianceSystem System() => Text("system") switch
        {
            "channel" => VarianceSystem.Channel,
            "warehouse" => VarianceSystem.Warehouse,
            var other => throw Bad("system", other, "expected channel or warehouse"),
        };

        public ReturnStage Stage() => Text("stage") switch
        {
            "initiated" => ReturnStage.Initiated,
            "received" => ReturnStage.Received,
            "restocked" => ReturnStage.Restocked,
            var other => throw Bad("stage", other, "expected initiated, received or restocked"),
        };

        public IReadOnlyList<BundleComponent> Components()
        {
            if (!root.TryGetProperty("components", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Bad("components", Raw("components"), "expected an array (empty for parent only)");
            }

            var self = this;
            return [.. list.EnumerateArray().Select(item => self.Component(item))];
        }

        public MalformedRowException Bad(string field, string value, string problem) =>
            new(path, line, field, value, problem);

        private BundleComponent Component(JsonElement item)
        {
            var inner = new EventFields(item, path, line);
            return new BundleComponent(inner.Sku(), inner.Number("quantity"));
        }

        private string Raw(string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
                ? value.GetRawText()
                : "(missing)";
    }
}
