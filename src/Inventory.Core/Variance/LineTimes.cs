using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// The earliest of two kinds of record per line (a return line's receipt and restock, a damage report in the
/// channel and in the warehouse), keyed by the line's id, SKU and location. Lines are numbered by a
/// <see cref="KeyTable"/> and their instants kept in arrays, so a window of millions of lines holds no object per
/// line.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class LineTimes
{
    private readonly KeyTable _lines = new();
    private readonly PagedArray<Instant?> _first = new();
    private readonly PagedArray<Instant?> _second = new();

    /// <summary>Notes one record of a line, keeping the earliest instant of each kind.</summary>
    /// <param name="line">The line's id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="first">True for a record of the first kind, false for the second.</param>
    /// <param name="at">When the record took effect.</param>
    public void Add(string line, Sku sku, LocationId location, bool first, Instant at)
    {
        var id = _lines.GetOrAdd(line, sku.Value, location.Value, 0);
        _first.EnsureLength(id + 1);
        _second.EnsureLength(id + 1);
        ref var time = ref (first ? _first : _second)[id];
        time = Min(time, at);
    }

    /// <summary>Gets every line's earliest instants of the two kinds, null where the line has none.</summary>
    /// <returns>The instants, one pair per line.</returns>
    public IEnumerable<(Instant? First, Instant? Second)> All()
    {
        for (var id = 0; id < _lines.Count; id++)
        {
            yield return (_first[id], _second[id]);
        }
    }

    /// <summary>The earlier of a known instant, if any, and a candidate.</summary>
    /// <param name="current">The instant kept so far, or null.</param>
    /// <param name="candidate">The new instant.</param>
    /// <returns>The earlier instant.</returns>
    public static Instant Min(Instant? current, Instant candidate) =>
        current is { } known && known <= candidate ? known : candidate;
}
