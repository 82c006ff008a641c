namespace Inventory.Core.Storage;

/// <summary>
/// An append-only sequence of plain values kept in fixed-size chunks, so growing it never copies what is
/// already stored and the garbage collector has no references to trace in it.
/// </summary>
/// <typeparam name="T">A value type without references.</typeparam>
/// <remarks>Not thread-safe: the owner serialises every call.</remarks>
internal sealed class ChunkedBuffer<T>
    where T : unmanaged
{
    private readonly int _shift;
    private readonly int _mask;
    private T[][] _chunks = [];
    private long _count;

    /// <summary>Initializes an empty buffer whose chunks hold 2^<paramref name="chunkBits"/> values.</summary>
    public ChunkedBuffer(int chunkBits)
    {
        _shift = chunkBits;
        _mask = (1 << chunkBits) - 1;
    }

    /// <summary>Gets the number of values appended.</summary>
    public long Count => _count;

    /// <summary>Gets the value at <paramref name="index"/>, which must be below <see cref="Count"/>.</summary>
    public ref readonly T this[long index] => ref _chunks[index >> _shift][index & _mask];

    /// <summary>Appends one value.</summary>
    public void Add(in T value)
    {
        Room()[_count & _mask] = value;
        _count++;
    }

    /// <summary>Appends every value of <paramref name="values"/>, in order, across chunks as needed.</summary>
    public void AddRange(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            var chunk = Room();
            var at = (int)(_count & _mask);
            var take = Math.Min(values.Length, chunk.Length - at);
            values[..take].CopyTo(chunk.AsSpan(at));
            values = values[take..];
            _count += take;
        }
    }

    /// <summary>Copies <paramref name="destination"/>.Length values from <paramref name="start"/> on.</summary>
    public void CopyTo(long start, Span<T> destination)
    {
        while (!destination.IsEmpty)
        {
            var chunk = _chunks[start >> _shift];
            var at = (int)(start & _mask);
            var take = Math.Min(destination.Length, chunk.Length - at);
            chunk.AsSpan(at, take).CopyTo(destination);
            destination = destination[take..];
            start += take;
        }
    }

    /// <summary>Gets the chunk the next value goes into, adding one when the last is full.</summary>
    private T[] Room()
    {
        var index = checked((int)(_count >> _shift));
        if (index == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
        }

        return _chunks[index] ??= new T[_mask + 1];
    }
}
