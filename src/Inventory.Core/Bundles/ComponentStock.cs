using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>Available units per SKU and location: the input of bundle availability.</summary>
/// <remarks>
/// A missing entry counts as zero. A negative figure (an oversold location) is kept as given, but counts as zero
/// towards bundles and never cancels another location's stock when pooled. Not thread-safe while being filled;
/// safe to read from several threads once filled.
/// </remarks>
public sealed class ComponentStock
{
    private readonly Dictionary<PositionKey, long> _available = [];
    private readonly SortedSet<LocationId> _locations = [];

    /// <summary>Gets the locations that have at least one entry, in ordinal order.</summary>
    public IReadOnlyCollection<LocationId> Locations => _locations;

    /// <summary>Gets the SKUs that have at least one entry.</summary>
    public IEnumerable<Sku> Skus => _available.Keys.Select(k => k.Sku).Distinct();

    /// <summary>Sets the available units of a SKU at a location.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="available">The available units; may be negative.</param>
    public void Set(Sku sku, LocationId location, long available)
    {
        _available[new PositionKey(sku, location)] = available;
        _locations.Add(location);
    }

    /// <summary>Adds units to a SKU at a location.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="units">The units to add; may be negative.</param>
    /// <exception cref="OverflowException">Thrown when the sum leaves the range of <see cref="long"/>.</exception>
    public void Add(Sku sku, LocationId location, long units) =>
        Set(sku, location, checked(Available(sku, location) + units));

    /// <summary>Gets the available units of a SKU at a location.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <returns>The units as set; zero when nothing was set.</returns>
    public long Available(Sku sku, LocationId location) =>
        _available.GetValueOrDefault(new PositionKey(sku, location));

    /// <summary>Gets the units of a SKU summed over a location set, each location clamped at zero first.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="locations">The locations; each counts once however often it is listed.</param>
    /// <returns>The pooled units, never below zero.</returns>
    /// <exception cref="OverflowException">Thrown when the sum exceeds <see cref="long.MaxValue"/>.</exception>
    public long Pooled(Sku sku, IEnumerable<LocationId> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        long total = 0;
        foreach (var location in locations.Distinct())
        {
            total = checked(total + Math.Max(0, Available(sku, location)));
        }

        return total;
    }
}
