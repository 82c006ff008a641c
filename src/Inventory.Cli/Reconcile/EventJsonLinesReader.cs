using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
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
    /// <summary>
    /// The size of a chunk: small enough that its list of parsed lines stays below the large object heap (a chunk
    /// of a typical log holds about 1,500 lines), whose every allocation would count towards a full collection.
    /// </summary>
    private const int ChunkSize = 1 << 18;

    /// <summary>Chunks parsed ahead of the reader: enough to keep a second core busy, yet few.</summary>
    private const int ChunksAhead = 4;

    /// <summary>The most lists of parsed lines kept for reuse; more than the chunks that can be in flight.</summary>
    private const int ListsKept = 4 * ChunksAhead;

    /// <summary>
    /// Emptied lists of parsed lines, reused by later chunks: a list per chunk grown from nothing would allocate
    /// about twice its final size, for every chunk of every read.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentQueue<List<ParsedLine>> _lists = new();

    /// <summary>One parser per worker thread, reused across chunks; a parser keeps its slots between lines.</summary>
    [ThreadStatic]
    private static EventLineParser? _parser;

    /// <summary>Reads the log at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="syncWritesOnly">
    /// True to yield only the sync writes, passing over other lines unread and lines that cannot be read at all.
    /// </param>
    /// <param name="filter">
    /// When given, lines it surely rules out are passed over unread; only for a log already read in full once.
    /// </param>
    /// <remarks>
    /// The file is cut into chunks of whole lines that worker threads parse while the caller consumes earlier
    /// ones, in order; a line the fast path refuses is read again on the caller's thread, so its error carries
    /// the right line number and earlier events have all been yielded first.
    /// </remarks>
    public static IEnumerable<VarianceEvent> Read(
        string path, bool syncWritesOnly = false, EventPairFilter? filter = null)
    {
        foreach (var (_, item) in ReadPositioned(path, syncWritesOnly, filter))
        {
            yield return item;
        }
    }

    /// <summary>
    /// Reads the log as <see cref="Read"/> does, giving each event its position: the byte offset of its line in
    /// the file, or, in a file of UTF-16 or UTF-32 text, its line number.
    /// </summary>
    public static IEnumerable<PositionedEvent> ReadPositioned(
        string path, bool syncWritesOnly = false, EventPairFilter? filter = null)
    {
        using var stream = OpenFile(path);
        if (StartsWithWideByteOrderMark(stream))
        {
            foreach (var item in ReadAsText(path).Where(e => !syncWritesOnly || e.Event is SyncWrite))
            {
                yield return item;
            }

            yield break;
        }

        var number = 0;
        var parses = Chunks(stream).Select(chunk => (Func<ParsedChunk>)(() =>
            Parse(chunk.Data, chunk.Length, chunk.Offset, syncWritesOnly, filter)));
        foreach (var chunk in InOrder(parses))
        {
            foreach (var item in Resolve(chunk, path, number))
            {
                yield return item;
            }

            number += chunk.Lines;
        }
    }

    /// <summary>
    /// Runs each chunk's parse on a worker thread, <see cref="ChunksAhead"/> at most ahead of the caller, and hands
    /// the parsed chunks back in file order.
    /// </summary>
    private static IEnumerable<ParsedChunk> InOrder(IEnumerable<Func<ParsedChunk>> parses)
    {
        var pending = new Queue<Task<ParsedChunk>>();
        foreach (var parse in parses)
        {
            pending.Enqueue(Task.Run(parse));
            while (pending.Count >= ChunksAhead)
            {
                yield return Take(pending.Dequeue());
            }
        }

        while (pending.Count > 0)
        {
            yield return Take(pending.Dequeue());
        }
    }

    /// <summary>
    /// Opens the log for reading; a pipe or other stream that cannot be read again from its start is refused by
    /// name, since the classifier reads the log twice.
    /// </summary>
    private static FileStream OpenFile(string path)
    {
        var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw new IOException(
                $"{path}: the event log must be a file that can be read twice, not a pipe; save it to a file first.");
        }

        return stream;
    }

    /// <summary>
    /// Waits for a chunk without spinning: a spinning wait takes a core from the parsers it waits for.
    /// </summary>
    private static ParsedChunk Take(Task<ParsedChunk> task)
    {
        if (!task.IsCompleted)
        {
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Cuts the file into chunks that end after a line break (never between a carriage return and its line feed);
    /// the last chunk may end without one. Each array is rented and handed over to the chunk's parser.
    /// </summary>
    private static IEnumerable<(byte[] Data, int Length, long Offset)> Chunks(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var (filled, first) = (0, true);

        // The file offset of the buffer's first byte.
        long offset = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = stream.Read(buffer.AsSpan(filled));
            filled += read;
            if (first && filled >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
            {
                buffer.AsSpan(3, filled - 3).CopyTo(buffer);
                filled -= 3;
                offset = 3;
            }

            first = false;
            if (read == 0)
            {
                yield return (buffer, filled, offset);
                yield break;
            }

            var cut = Cut(buffer.AsSpan(0, filled));
            if (cut > 0)
            {
                var rest = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkSize, filled - cut));
                buffer.AsSpan(cut, filled - cut).CopyTo(rest);
                yield return (buffer, cut, offset);
                (buffer, filled, offset) = (rest, filled - cut, offset + cut);
            }
        }
    }

    /// <summary>Where a chunk may end: after the last line break that is not the buffer's last byte.</summary>
    private static int Cut(ReadOnlySpan<byte> data)
    {
        var at = data.Length > 1 ? data[..^1].LastIndexOfAny((byte)'\n', (byte)'\r') : -1;
        if (at < 0)
        {
            return -1;
        }

        return data[at] == '\r' && data[at + 1] == '\n' ? at + 2 : at + 1;
    }

    private static ParsedChunk Parse(
        byte[] data, int length, long offset, bool syncWritesOnly, EventPairFilter? filter)
    {
        var parser = _parser ??= new EventLineParser();
        var entries = _lists.TryDequeue(out var reused) ? reused : [];
        var (start, line) = (0, 0);
        while (start < length)
        {
            var lineLength = LineLength(data.AsSpan(start, length - start), out var breakLength);
            var text = data.AsSpan(start, lineLength);
            var at = offset + start;
            line++;
            start += lineLength + breakLength;
            if (syncWritesOnly)
            {
                if (SyncWriteLine(parser, text, filter, line) is { } write)
                {
                    entries.Add(new ParsedLine(line, at, write, null));
                }

                continue;
            }

            var content = text.Trim(" \t"u8);
            if (content.IsEmpty || filter?.Skips(content) == true)
            {
                continue;
            }

            if (InvalidByte(text) is > 0 and var bad)
            {
                entries.Add(new ParsedLine(line, at, null, Encoding.UTF8.GetString(text), bad));
                continue;
            }

            entries.Add(content[0] == (byte)'{' && parser.TryParse(content) is { } fast
                ? new ParsedLine(line, at, fast, null)
                : new ParsedLine(line, at, null, Encoding.UTF8.GetString(text)));
        }

        ArrayPool<byte>.Shared.Return(data);

        return new ParsedChunk(entries, line);
    }

    /// <summary>
    /// The column (from 1) of the first byte that starts no valid UTF-8 character, or 0 for valid text: such a line
    /// is refused, where decoding it would silently turn the bytes into replacement characters.
    /// </summary>
    private static int InvalidByte(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line))
        {
            return 0;
        }

        Span<char> chars = stackalloc char[256];
        var read = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(line[read..], chars, out var bytesRead, out _, replaceInvalidSequences: false);
            read += bytesRead;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return read + 1;
            }
        }
    }

    private static IEnumerable<PositionedEvent> Resolve(ParsedChunk chunk, string path, int linesBefore)
    {
        foreach (var entry in chunk.Entries)
        {
            if (entry.InvalidByte > 0)
            {
                throw new MalformedRowException(
                    path,
                    linesBefore + entry.Line,
                    entry.InvalidByte.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    entry.Text ?? string.Empty,
                    "expected UTF-8 text; the byte at this column starts no valid character");
            }

            if (entry.Event is { } known)
            {
                yield return new PositionedEvent(entry.Offset, known);
            }
            else if (!string.IsNullOrWhiteSpace(entry.Text))
            {
                yield return new PositionedEvent(entry.Offset, Parse(entry.Text, path, linesBefore + entry.Line));
            }
        }

        Recycle(chunk);
    }

    /// <summary>
    /// Reads the events whose lines start at <paramref name="positions"/> (byte offsets that
    /// <see cref="ReadPositioned"/> gave, rising), passing over the rest of the file unread: chunks that hold none
    /// of them are not parsed at all, and in the others only those lines are.
    /// </summary>
    public static IEnumerable<VarianceEvent> ReadAt(string path, IReadOnlyList<long> positions)
    {
        using var stream = OpenFile(path);
        if (StartsWithWideByteOrderMark(stream))
        {
            foreach (var item in AtLines(ReadAsText(path), positions))
            {
                yield return item;
            }

            yield break;
        }

        foreach (var chunk in InOrder(ParsesAt(stream, positions)))
        {
            foreach (var item in ResolveAt(chunk, path))
            {
                yield return item;
            }
        }
    }

    /// <summary>The parses of the chunks that hold some of the positions; any other chunk is let go unparsed.</summary>
    private static IEnumerable<Func<ParsedChunk>> ParsesAt(Stream stream, IReadOnlyList<long> positions)
    {
        var next = 0;
        foreach (var (data, length, offset) in Chunks(stream))
        {
            var first = next;
            while (next < positions.Count && positions[next] < offset + length)
            {
                next++;
            }

            if (next == first)
            {
                ArrayPool<byte>.Shared.Return(data);
                continue;
            }

            var count = next - first;
            yield return () => ParseAt(data, length, offset, positions, first, count);
        }
    }

    /// <summary>The events of a text log whose line numbers are among the rising positions.</summary>
    private static IEnumerable<VarianceEvent> AtLines(
        IEnumerable<PositionedEvent> events, IReadOnlyList<long> positions)
    {
        var next = 0;
        foreach (var (line, item) in events)
        {
            while (next < positions.Count && positions[next] < line)
            {
                next++;
            }

            if (next < positions.Count && positions[next] == line)
            {
                yield return item;
            }
        }
    }

    /// <summary>Parses the lines of a chunk that start at <paramref name="count"/> of the positions.</summary>
    private static ParsedChunk ParseAt(
        byte[] data, int length, long offset, IReadOnlyList<long> positions, int first, int count)
    {
        var parser = _parser ??= new EventLineParser();
        var entries = _lists.TryDequeue(out var reused) ? reused : [];
        for (var i = first; i < first + count; i++)
        {
            if (positions[i] < offset)
            {
                // No line of this read starts there: an entry with neither event nor text, which is refused.
                entries.Add(new ParsedLine(0, positions[i], null, null));
                continue;
            }

            var start = (int)(positions[i] - offset);
            var text = data.AsSpan(start, LineLength(data.AsSpan(start, length - start), out _));
            var content = text.Trim(" \t"u8);
            entries.Add(!content.IsEmpty && content[0] == (byte)'{' && parser.TryParse(content) is { } fast
                ? new ParsedLine(0, positions[i], fast, null)
                : new ParsedLine(0, positions[i], null, Encoding.UTF8.GetString(text)));
        }

        ArrayPool<byte>.Shared.Return(data);

        return new ParsedChunk(entries, 0);
    }

    /// <summary>
    /// The events of a chunk read at positions. A line the fast path left is read the exact way; it was read in
    /// full before, so a problem now means that the file changed between the reads.
    /// </summary>
    private static IEnumerable<VarianceEvent> ResolveAt(ParsedChunk chunk, string path)
    {
        foreach (var entry in chunk.Entries)
        {
            if (entry.Event is { } known)
            {
                yield return known;
                continue;
            }

            VarianceEvent item;
            try
            {
                item = string.IsNullOrWhiteSpace(entry.Text)
                    ? throw new MalformedRowException(path, 0, "line", entry.Text ?? string.Empty, "no event")
                    : Parse(entry.Text, path, 0);
            }
            catch (MalformedRowException ex)
            {
                throw new IOException(
                    $"{path}: no event reads at byte {entry.Offset} as it did in the first read; the file changed "
                    + "while it was being reconciled.",
                    ex);
            }

            yield return item;
        }

        Recycle(chunk);
    }

    /// <summary>Empties a chunk's list, so it holds no event, and keeps it for a later chunk.</summary>
    private static void Recycle(ParsedChunk chunk)
    {
        chunk.Entries.Clear();
        if (_lists.Count < ListsKept)
        {
            _lists.Enqueue(chunk.Entries);
        }
    }

    /// <summary>The length of the next line in a chunk of whole lines; the rest when no break follows.</summary>
    private static int LineLength(ReadOnlySpan<byte> data, out int breakLength)
    {
        var at = data.IndexOfAny((byte)'\n', (byte)'\r');
        if (at < 0)
        {
            breakLength = 0;
            return data.Length;
        }

        breakLength = data[at] == '\r' && at + 1 < data.Length && data[at + 1] == '\n' ? 2 : 1;

        return at;
    }

    /// <summary>
    /// A sync write, or null for any other line; a line naming another type first, or one the filter rules out, is
    /// not read on.
    /// </summary>
    private static SyncWrite? SyncWriteLine(
        EventLineParser parser, ReadOnlySpan<byte> line, EventPairFilter? filter, int number)
    {
        if (EventLineParser.NamesAnotherTypeFirst(line, "sync_write"u8)
            || filter?.Skips(line.Trim(" \t"u8)) == true)
        {
            return null;
        }

        try
        {
            return ParseLine(parser, line, string.Empty, number) as SyncWrite;
        }
        catch (MalformedRowException)
        {
            return null;
        }
    }

    private static VarianceEvent? ParseLine(EventLineParser parser, ReadOnlySpan<byte> line, string path, int number)
    {
        var content = line.Trim(" \t"u8);
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

    private static IEnumerable<PositionedEvent> ReadAsText(string path)
    {
        using var reader = new StreamReader(path);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new PositionedEvent(number, Parse(line, path, number));
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
            fields.RequireSingleFields();
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
        "reservation_placed" or "reservation_expired" => new ReservationEvent(
            f.Text("id"), f.Text("reservation_id"), f.Sku(), f.Location(),
            f.Text("type") == "reservation_placed" ? ReservationStage.Placed : ReservationStage.Expired,
            f.Number("quantity"), f.At("at")),
        "oversell" => new OversellEvent(
            f.Text("id"), f.Text("order_id"), f.Sku(), f.Location(), f.Number("quantity"), f.At("at")),
        var other => throw f.Bad(
            "type", other, "expected order, sync_write, return, damage, adjustment, bundle_sale, " +
            "reservation_placed, reservation_expired or oversell"),
    };

    private readonly struct EventFields(JsonElement root, string path, int line)
    {
        /// <summary>The fields of the schema (docs/variance.md), each of which a line may give only once.</summary>
        private static readonly HashSet<string> _schema =
        [
            "type", "id", "system", "order_id", "return_id", "damage_id", "adjustment_id", "reservation_id", "sku",
            "location", "at", "read_at", "value", "quantity", "delta", "reason", "stage", "components",
        ];

        /// <summary>
        /// Refuses a line that gives a field of the schema twice, at the top or in a bundle component: readers differ
        /// on which of the two counts, so the line has no one meaning.
        /// </summary>
        public void RequireSingleFields()
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            RequireSingle(root);
            if (root.TryGetProperty("components", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object))
                {
                    RequireSingle(item);
                }
            }
        }

        public string Text(string name) =>
            root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && String(name, value) is { Length: > 0 } text
                ? text
                : throw Bad(name, Raw(name), "expected a non-empty string");

        public string? OptionalText(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? String(name, value)
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

        private void RequireSingle(JsonElement item)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in item.EnumerateObject())
            {
                if (_schema.Contains(field.Name) && !seen.Add(field.Name))
                {
                    throw Bad(field.Name, field.Value.GetRawText(), "the field is given more than once");
                }
            }
        }

        /// <summary>Reads a string value; an escape that leaves half of a surrogate pair is refused by name.</summary>
        private string? String(string name, JsonElement value)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                throw Bad(name, value.GetRawText(), "expected text; an escape leaves half of a surrogate pair");
            }
        }

        private string Raw(string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
                ? value.GetRawText()
                : "(missing)";
    }

    /// <summary>A chunk's lines read on a worker: events, or the text of lines left to the exact reader.</summary>
    private readonly record struct ParsedChunk(List<ParsedLine> Entries, int Lines);

    /// <summary>
    /// One line of a chunk, numbered from 1 within it (0 in a read at positions) and placed by the file offset of its
    /// first byte: its event, or its text for the exact reader, or the column of its first byte that is not UTF-8.
    /// </summary>
    private readonly record struct ParsedLine(
        int Line, long Offset, VarianceEvent? Event, string? Text, int InvalidByte = 0);
}
