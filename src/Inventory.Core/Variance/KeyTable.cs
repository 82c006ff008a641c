namespace Inventory.Core.Variance;

/// <summary>
/// Numbers distinct keys densely from 0. A key is up to three pieces of text and a whole-number tag; the text is
/// copied into a few large character arrays instead of being kept as strings, so a table of millions of keys is a
/// handful of arrays without references, which the garbage collector neither scans nor moves. The classifier keys
/// its per-pair and per-line figures by these numbers, in arrays of its own.
/// </summary>
/// <remarks>
/// Keys are compared character for character, never by hash alone. The hash is the runtime's per-process
/// randomized string hash, so crafted keys cannot force collisions. Not thread-safe.
/// </remarks>
internal sealed class KeyTable
{
    private const int ChunkLength = 1 << 20;

    private readonly List<char[]> _chunks = [];
    private int _chunkUsed = ChunkLength;
    private int[] _buckets = new int[16];
    private readonly PagedArray<Entry> _entries = new();

    /// <summary>Gets the number of keys; the numbers given so far are 0 to Count - 1.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the number of a key, adding the key when it is new.</summary>
    /// <param name="first">The first piece of text.</param>
    /// <param name="second">The second piece of text; empty when unused.</param>
    /// <param name="third">The third piece of text; empty when unused.</param>
    /// <param name="tag">A number that is part of the key.</param>
    /// <returns>The key's number.</returns>
    public int GetOrAdd(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third, int tag)
    {
        var hash = Hash(first, second, third, tag);
        var found = Find(hash, first, second, third, tag);

        return found >= 0 ? found : Add(hash, first, second, third, tag);
    }

    /// <summary>Gets the number of a key, or -1 when the table does not hold it.</summary>
    /// <param name="first">The first piece of text.</param>
    /// <param name="second">The second piece of text; empty when unused.</param>
    /// <param name="third">The third piece of text; empty when unused.</param>
    /// <param name="tag">A number that is part of the key.</param>
    /// <returns>The key's number, or -1.</returns>
    public int Find(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third, int tag) =>
        Find(Hash(first, second, third, tag), first, second, third, tag);

    /// <summary>Gets the first piece of text of key <paramref name="id"/>.</summary>
    /// <param name="id">A number the table gave.</param>
    /// <returns>The text.</returns>
    public ReadOnlySpan<char> First(int id)
    {
        ref readonly var entry = ref _entries[id];

        return _chunks[entry.Chunk].AsSpan(entry.Offset, entry.First);
    }

    /// <summary>Gets the second piece of text of key <paramref name="id"/>.</summary>
    /// <param name="id">A number the table gave.</param>
    /// <returns>The text.</returns>
    public ReadOnlySpan<char> Second(int id)
    {
        ref readonly var entry = ref _entries[id];

        return _chunks[entry.Chunk].AsSpan(entry.Offset + entry.First, entry.Second);
    }

    /// <summary>Gets the tag of key <paramref name="id"/>.</summary>
    /// <param name="id">A number the table gave.</param>
    /// <returns>The tag.</returns>
    public int Tag(int id) => _entries[id].Tag;

    private static int Hash(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third, int tag) =>
        HashCode.Combine(
            string.GetHashCode(first), string.GetHashCode(second), string.GetHashCode(third), first.Length,
            second.Length, tag);

    private int Find(
        int hash, ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third, int tag)
    {
        for (var at = _buckets[hash & (_buckets.Length - 1)] - 1; at >= 0; at = _entries[at].Next - 1)
        {
            ref readonly var entry = ref _entries[at];
            if (entry.Hash == hash && entry.Tag == tag && entry.First == first.Length
                && entry.Second == second.Length && entry.Third == third.Length && Holds(entry, first, second, third))
            {
                return at;
            }
        }

        return -1;
    }

    private bool Holds(in Entry entry, ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
    {
        var text = _chunks[entry.Chunk].AsSpan(entry.Offset, first.Length + second.Length + third.Length);

        return text[..first.Length].SequenceEqual(first)
            && text.Slice(first.Length, second.Length).SequenceEqual(second)
            && text[(first.Length + second.Length)..].SequenceEqual(third);
    }

    private int Add(int hash, ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third, int tag)
    {
        if (Count == _buckets.Length)
        {
            Grow();
        }

        _entries.EnsureLength(Count + 1);

        var length = checked(first.Length + second.Length + third.Length);
        var (chunk, offset) = Reserve(length);
        var text = _chunks[chunk].AsSpan(offset, length);
        first.CopyTo(text);
        second.CopyTo(text[first.Length..]);
        third.CopyTo(text[(first.Length + second.Length)..]);

        var id = Count++;
        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        _entries[id] = new Entry
        {
            Hash = hash,
            Next = bucket,
            Chunk = chunk,
            Offset = offset,
            First = first.Length,
            Second = second.Length,
            Third = third.Length,
            Tag = tag,
        };
        bucket = id + 1;

        return id;
    }

    /// <summary>Finds room for <paramref name="length"/> characters; a key never spans two arrays.</summary>
    private (int Chunk, int Offset) Reserve(int length)
    {
        if (length > ChunkLength)
        {
            _chunks.Add(new char[length]);
            _chunkUsed = ChunkLength;
            return (_chunks.Count - 1, 0);
        }

        if (_chunks.Count == 0 || _chunkUsed + length > ChunkLength)
        {
            _chunks.Add(new char[ChunkLength]);
            _chunkUsed = 0;
        }

        var offset = _chunkUsed;
        _chunkUsed += length;

        return (_chunks.Count - 1, offset);
    }

    private void Grow()
    {
        var size = checked(_buckets.Length * 2);
        _buckets = new int[size];
        for (var id = 0; id < Count; id++)
        {
            ref var entry = ref _entries[id];
            ref var bucket = ref _buckets[entry.Hash & (size - 1)];
            entry.Next = bucket;
            bucket = id + 1;
        }
    }

    /// <summary>One key: its hash, the next key of its bucket (plus one) and where its text lies.</summary>
    private struct Entry
    {
        public int Hash;
        public int Next;
        public int Chunk;
        public int Offset;
        public int First;
        public int Second;
        public int Third;
        public int Tag;
    }
}
