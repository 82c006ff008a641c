using System.Collections.Concurrent;
using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>
/// The two snapshots' counts, one number per SKU and location pair: a pair's text lives in a <see cref="KeyTable"/>
/// and its counts in plain arrays, so a million pairs cost a few arrays rather than millions of objects.
/// </summary>
/// <remarks>Filled by one thread; once filled, its reads (<see cref="Key"/> too) may run on several threads.</remarks>
internal sealed class PairCounts
{
    private const byte InChannel = 1;
    private const byte InWarehouse = 2;

    private readonly KeyTable _keys = new();
    private readonly ConcurrentDictionary<string, string> _locations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _locationNames;
    private readonly PagedArray<long> _channel = new();
    private readonly PagedArray<long> _warehouse = new();
    private readonly PagedArray<byte> _seen = new();

    public PairCounts() => _locationNames = _locations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the number of pairs either snapshot lists.</summary>
    public int Count => _keys.Count;

    /// <summary>Reads both snapshots; a pair listed twice in one snapshot is refused.</summary>
    /// <param name="channel">The channel rows.</param>
    /// <param name="warehouse">The warehouse rows.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="VarianceInputException">Thrown when a snapshot lists a pair twice.</exception>
    public static PairCounts Read(IEnumerable<ChannelSnapshotRow> channel, IEnumerable<WarehouseSnapshotRow> warehouse)
    {
        var counts = new PairCounts();
        foreach (var row in channel)
        {
            counts.Set(row.Sku, row.Location, row.Available, InChannel, "channel");
        }

        foreach (var row in warehouse)
        {
            counts.Set(row.Sku, row.Location, row.Sellable, InWarehouse, "warehouse");
        }

        return counts;
    }

    /// <summary>Gets the number of a pair, or -1 when neither snapshot lists it.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <returns>The pair's number, or -1.</returns>
    public int Find(Sku sku, LocationId location) => _keys.Find(sku.Value, location.Value, [], 0);

    /// <summary>Gets the channel's count of pair <paramref name="id"/>; 0 when the channel does not list it.</summary>
    /// <param name="id">The pair's number.</param>
    /// <returns>The count.</returns>
    public long Channel(int id) => _channel[id];

    /// <summary>Gets the warehouse's count of pair <paramref name="id"/>; 0 when it does not list the pair.</summary>
    /// <param name="id">The pair's number.</param>
    /// <returns>The count.</returns>
    public long Warehouse(int id) => _warehouse[id];

    /// <summary>Gets the SKU text of pair <paramref name="id"/> without building a string.</summary>
    /// <param name="id">The pair's number.</param>
    /// <returns>The SKU's characters.</returns>
    public ReadOnlySpan<char> SkuText(int id) => _keys.First(id);

    /// <summary>Builds the key of pair <paramref name="id"/>; the location's string is shared between pairs.</summary>
    /// <param name="id">The pair's number.</param>
    /// <returns>The SKU and location.</returns>
    public PositionKey Key(int id) => new(new Sku(_keys.First(id).ToString()), new LocationId(LocationName(id)));

    /// <summary>The location's shared string; several threads may ask at once, without taking a lock.</summary>
    private string LocationName(int id)
    {
        var text = _keys.Second(id);
        if (_locationNames.TryGetValue(text, out var known))
        {
            return known;
        }

        var name = text.ToString();

        return _locations.GetOrAdd(name, name);
    }

    private void Set(Sku sku, LocationId location, long count, byte snapshot, string name)
    {
        var id = _keys.GetOrAdd(sku.Value, location.Value, [], 0);
        _seen.EnsureLength(id + 1);
        _channel.EnsureLength(id + 1);
        _warehouse.EnsureLength(id + 1);

        if ((_seen[id] & snapshot) != 0)
        {
            var key = new PositionKey(sku, location);
            throw new VarianceInputException($"The {name} snapshot lists {key} more than once.")
            {
                Snapshot = name,
                Position = key,
            };
        }

        _seen[id] |= snapshot;
        (snapshot == InChannel ? _channel : _warehouse)[id] = count;
    }
}
