using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>The integer rules that turn component quantities into whole bundles.</summary>
/// <remarks>Stateless; safe to call from several threads.</remarks>
public static class BundleMath
{
    /// <summary>
    /// Gets floor(min over components (units / quantity per bundle)) in integer arithmetic: the whole bundles the
    /// units allow. A component with no units, or negative units, allows none.
    /// </summary>
    /// <param name="perBundle">The leaf components of one bundle, each once (see <see
    /// cref="BundleCatalog.Explode"/>).</param>
    /// <param name="units">The units of a component.</param>
    /// <param name="limiting">The component that allows the fewest bundles.</param>
    /// <returns>The whole bundles; zero when <paramref name="perBundle"/> is empty.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a quantity per bundle is not positive.</exception>
    public static long WholeBundles(IReadOnlyList<BundleComponent> perBundle, Func<Sku, long> units, out Sku limiting)
    {
        ArgumentNullException.ThrowIfNull(perBundle);
        ArgumentNullException.ThrowIfNull(units);
        limiting = default;
        var best = long.MaxValue;
        foreach (var component in perBundle)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(component.Quantity);
            var allowed = Math.Max(0, units(component.Sku)) / component.Quantity;
            if (allowed < best)
            {
                best = allowed;
                limiting = component.Sku;
            }
        }

        return perBundle.Count == 0 ? 0 : best;
    }

    /// <summary>
    /// Gets the bundles delivered (or returned) so far: min over components of floor(net units moved of that
    /// component / quantity per bundle).
    /// </summary>
    /// <param name="perBundle">The leaf components of one bundle.</param>
    /// <param name="netMoved">Net units of each component delivered (or returned); missing components count as
    /// 0.</param>
    /// <returns>The whole bundles.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    public static long WholeBundles(IReadOnlyList<BundleComponent> perBundle, IReadOnlyDictionary<Sku, long> netMoved)
    {
        ArgumentNullException.ThrowIfNull(netMoved);

        return WholeBundles(perBundle, s => netMoved.GetValueOrDefault(s), out _);
    }

    /// <summary>Gets the availability of a bundle over a location set, by the chosen rule.</summary>
    /// <param name="catalog">The bundle definitions.</param>
    /// <param name="bundle">The bundle SKU.</param>
    /// <param name="at">The instant whose definition applies.</param>
    /// <param name="stock">The component stock.</param>
    /// <param name="locations">The location set, each counted once.</param>
    /// <param name="scope">
    /// <see cref="AvailabilityScope.PerLocation"/> for one figure per location (in the order given);
    /// <see cref="AvailabilityScope.Pooled"/> for one figure over the whole set.
    /// </param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="scope"/> is not defined.</exception>
    public static IReadOnlyList<BundleAvailability> Availability(
        BundleCatalog catalog,
        Sku bundle,
        NodaTime.Instant at,
        ComponentStock stock,
        IReadOnlyCollection<LocationId> locations,
        AvailabilityScope scope)
    {
        ArgumentNullException.ThrowIfNull(locations);

        return scope switch
        {
            AvailabilityScope.PerLocation =>
                [.. locations.Distinct().Select(l => AtLocation(catalog, bundle, at, stock, l))],
            AvailabilityScope.Pooled => [Pooled(catalog, bundle, at, stock, locations)],
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Use PerLocation or Pooled."),
        };
    }

    /// <summary>Gets the availability of a bundle at one location.</summary>
    /// <param name="catalog">The bundle definitions.</param>
    /// <param name="bundle">The bundle SKU.</param>
    /// <param name="at">The instant whose definition applies.</param>
    /// <param name="stock">The component stock.</param>
    /// <param name="location">The location every component comes from.</param>
    /// <returns>The availability.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    public static BundleAvailability AtLocation(
        BundleCatalog catalog, Sku bundle, NodaTime.Instant at, ComponentStock stock, LocationId location)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stock);
        var perBundle = catalog.Explode(bundle, 1, at);
        var quantity = WholeBundles(perBundle, s => stock.Available(s, location), out var limiting);

        return new BundleAvailability(bundle, location, quantity, limiting);
    }

    /// <summary>Gets the availability of a bundle with each component pooled over a location set.</summary>
    /// <param name="catalog">The bundle definitions.</param>
    /// <param name="bundle">The bundle SKU.</param>
    /// <param name="at">The instant whose definition applies.</param>
    /// <param name="stock">The component stock.</param>
    /// <param name="locations">The location set; each location counts once, negative figures as zero.</param>
    /// <returns>The availability, with a null location.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    public static BundleAvailability Pooled(
        BundleCatalog catalog,
        Sku bundle,
        NodaTime.Instant at,
        ComponentStock stock,
        IReadOnlyCollection<LocationId> locations)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stock);
        ArgumentNullException.ThrowIfNull(locations);
        var perBundle = catalog.Explode(bundle, 1, at);
        var quantity = WholeBundles(perBundle, s => stock.Pooled(s, locations), out var limiting);

        return new BundleAvailability(bundle, null, quantity, limiting);
    }
}
