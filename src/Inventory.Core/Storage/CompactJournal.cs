using System.Runtime.InteropServices;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Storage;

/// <summary>
/// The in-memory store's journal: one plain row per entry, with positions and repeated texts (keys, actors,
/// reasons) as numbers into tables and each reference as characters in one text buffer. Entries are built
/// again when read.
/// </summary>
/// <remarks>
/// <para>Not thread-safe: the store calls it under its lock.</para>
/// <para>
/// Implementation note: a year of orders writes well over a million entries. Kept as objects, each entry and its
/// reference text survive every collection and are traced again by each full one; kept as rows in chunks of
/// plain values, they cost the collector nothing and growing the journal copies nothing.
/// </para>
/// </remarks>
internal sealed class CompactJournal
{
    private const int NoText = -1;

    private readonly ChunkedBuffer<Row> _rows = new(14);
    private readonly ChunkedBuffer<char> _references = new(20);
    private readonly Dictionary<PositionKey, int> _positionIds = [];
    private readonly List<PositionKey> _positions = [];
    private readonly Dictionary<string, int> _textIds = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private (string? Text, int Id) _lastKey;
    private (string? Text, int Id) _lastActor;
    private (string? Text, int Id) _lastReason;

    /// <summary>Gets the number of entries appended.</summary>
    public long Count => _rows.Count;

    /// <summary>Appends an entry under the next sequence number and returns that number.</summary>
    public long Append(JournalEntry entry)
    {
        var reference = entry.Reference;
        var referenceStart = _references.Count;
        if (reference is not null)
        {
            _references.AddRange(reference);
        }

        _rows.Add(new Row(
            PositionId(entry.Key),
            TextId(entry.IdempotencyKey, ref _lastKey),
            entry.Kind,
            TextId(entry.Actor, ref _lastActor),
            TextId(entry.Reason, ref _lastReason),
            reference is null ? NoText : reference.Length,
            referenceStart,
            entry.Quantity,
            entry.At,
            entry.Change));

        return _rows.Count;
    }

    /// <summary>Builds the entry with sequence number <paramref name="sequence"/> (from 1, at most
    /// <see cref="Count"/>).</summary>
    public JournalEntry Read(long sequence)
    {
        ref readonly var row = ref _rows[sequence - 1];

        return new JournalEntry(
            sequence,
            _texts[row.Key],
            row.Kind,
            _positions[row.Position],
            row.Change,
            row.Quantity,
            row.At,
            Reference(row),
            Text(row.Reason),
            Text(row.Actor));
    }

    /// <summary>Builds <paramref name="count"/> entries from sequence number <paramref name="first"/> on.</summary>
    public JournalEntry[] Read(long first, int count)
    {
        var entries = new JournalEntry[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = Read(first + i);
        }

        return entries;
    }

    private string? Reference(in Row row)
    {
        if (row.ReferenceLength == NoText)
        {
            return null;
        }

        return string.Create(
            row.ReferenceLength,
            (References: _references, Start: row.ReferenceStart),
            static (text, from) => from.References.CopyTo(from.Start, text));
    }

    private string? Text(int id) => id == NoText ? null : _texts[id];

    private int PositionId(PositionKey key)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_positionIds, key, out var exists);
        if (!exists)
        {
            id = _positions.Count;
            _positions.Add(key);
        }

        return id;
    }

    /// <summary>Gets the number of a text, adding it to the table when new.</summary>
    /// <remarks>The entries of one batch share their key and usually their actor, so the last text seen in each
    /// field is checked by reference first, which spares hashing it again.</remarks>
    private int TextId(string? text, ref (string? Text, int Id) last)
    {
        if (text is null)
        {
            return NoText;
        }

        if (ReferenceEquals(text, last.Text))
        {
            return last.Id;
        }

        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_textIds, text, out var exists);
        if (!exists)
        {
            id = _texts.Count;
            _texts.Add(text);
        }

        last = (text, id);

        return id;
    }

    /// <summary>One entry without its sequence number, which is its place in the journal.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Row(
        int Position,
        int Key,
        EntryKind Kind,
        int Actor,
        int Reason,
        int ReferenceLength,
        long ReferenceStart,
        long Quantity,
        Instant At,
        StockChange Change);
}
