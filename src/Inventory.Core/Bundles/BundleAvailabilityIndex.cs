using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Bundles;

/// <summary>
/// The availability of every bundle valid at one instant over one stock figure per component (one location, or a
/// pooled location set), kept current as component stock changes.
/// </summary>
/// <remarks>
/// <para>
/// Each bundle is flattened once to its leaf components (integer ids and quantities in flat arrays), and a
/// dependents index maps each component to every bundle that contains it at any depth. A change to one
/// component recomputes only those bundles; the update path allocates nothing per bundle.
/// </para>
/// <para>Not thread-safe: one writer at a time, and no reads during an update.</para>
/// </remarks>
public sealed class BundleAvailabilityIndex
{
    private readonly Dictionary<Sku, int> _componentIds = [];
    private readonly Dictionary<Sku, int> _bundleIds = [];
    private readonly Sku[] _bundles;
    private readonly int[] _lineStart;
    private readonly int[] _lineComponent;
    private readonly long[] _lineQuantity;
    private readonly int[] _dependentStart;
    private readonly int[] _dependents;
    private readonly long[] _available;
    private readonly long[] _availability;
    private readonly int[] _limiting;
    private readonly int[] _dirtyMark;
    private readonly int[] _dirty;
    private Sku[] _components = [];
    private int _generation;

    /// <summary>Builds the index and computes every bundle's availability.</summary>
    /// <param name="catalog">The bundle definitions.</param>
    /// <param name="at">The instant whose versions apply.</param>
    /// <param name="available">The available units of a component (a negative figure counts as zero).</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    public BundleAvailabilityIndex(BundleCatalog catalog, Instant at, Func<Sku, long> available)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(available);
        var definitions = catalog.ValidAt(at);
        _bundles = [.. definitions.Select(d => d.Parent)];
        var flat = definitions.Select(d => catalog.Explode(d.Parent, 1, at)).ToArray();
        _lineStart = new int[_bundles.Length + 1];
        var lines = flat.Sum(f => f.Count);
        _lineComponent = new int[lines];
        _lineQuantity = new long[lines];
        FillLines(flat);
        _available = [.. _components.Select(c => Math.Max(0, available(c)))];
        (_dependentStart, _dependents) = BuildDependents();
        _availability = new long[_bundles.Length];
        _limiting = new int[_bundles.Length];
        _dirtyMark = new int[_bundles.Length];
        _dirty = new int[_bundles.Length];
        RecomputeAll();
    }

    /// <summary>Gets the number of bundles indexed.</summary>
    public int BundleCount => _bundles.Length;

    /// <summary>Gets the number of distinct leaf components indexed.</summary>
    public int ComponentCount => _components.Length;

    /// <summary>Gets the whole bundles available now.</summary>
    /// <param name="bundle">The bundle SKU.</param>
    /// <returns>The bundles available.</returns>
    /// <exception cref="KeyNotFoundException">Thrown when <paramref name="bundle"/> is not an indexed
    /// bundle.</exception>
    public long Availability(Sku bundle) => _availability[BundleId(bundle)];

    /// <summary>Gets the component that allows the fewest units of a bundle.</summary>
    /// <param name="bundle">The bundle SKU.</param>
    /// <returns>The limiting component.</returns>
    /// <exception cref="KeyNotFoundException">Thrown when <paramref name="bundle"/> is not an indexed
    /// bundle.</exception>
    public Sku Limiting(Sku bundle) => _components[_limiting[BundleId(bundle)]];

    /// <summary>Gets the bundles that contain a component at any depth.</summary>
    /// <param name="component">The component SKU.</param>
    /// <returns>The bundles, in index order; empty for a SKU no bundle contains.</returns>
    public IReadOnlyList<Sku> DependentsOf(Sku component)
    {
        if (!_componentIds.TryGetValue(component, out var id))
        {
            return [];
        }

        return [.. _dependents[_dependentStart[id].._dependentStart[id + 1]].Select(b => _bundles[b])];
    }

    /// <summary>Recomputes every bundle from the current component figures.</summary>
    public void RecomputeAll()
    {
        for (var b = 0; b < _bundles.Length; b++)
        {
            Recompute(b);
        }
    }

    /// <summary>
    /// Applies a batch of new component figures and reports every sellable SKU whose availability changed: the
    /// components themselves and the bundles containing them, each once, comparing before and after the batch.
    /// </summary>
    /// <param name="levels">The new figures; a SKU that no bundle contains is ignored.</param>
    /// <param name="changes">Receives the changes; it is not cleared first.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="changes"/> is null.</exception>
    public void Update(ReadOnlySpan<StockLevel> levels, ICollection<AvailabilityChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var dirtyCount = 0;
        var generation = ++_generation;
        foreach (var level in levels)
        {
            var now = Math.Max(0, level.Available);
            if (!_componentIds.TryGetValue(level.Sku, out var id))
            {
                continue;
            }

            var before = _available[id];
            _available[id] = now;
            if (before != now)
            {
                changes.Add(new AvailabilityChange(level.Sku, before, now, IsBundle: false));
                dirtyCount = MarkDependents(id, generation, dirtyCount);
            }
        }

        for (var i = 0; i < dirtyCount; i++)
        {
            var b = _dirty[i];
            var before = _availability[b];
            Recompute(b);
            if (_availability[b] != before)
            {
                changes.Add(new AvailabilityChange(_bundles[b], before, _availability[b], IsBundle: true));
            }
        }
    }

    private int BundleId(Sku bundle) => _bundleIds.TryGetValue(bundle, out var id)
        ? id
        : throw new KeyNotFoundException($"SKU {bundle} is not a bundle of this index.");

    private int MarkDependents(int component, int generation, int dirtyCount)
    {
        for (var d = _dependentStart[component]; d < _dependentStart[component + 1]; d++)
        {
            var b = _dependents[d];
            if (_dirtyMark[b] != generation)
            {
                _dirtyMark[b] = generation;
                _dirty[dirtyCount++] = b;
            }
        }

        return dirtyCount;
    }

    private void Recompute(int bundle)
    {
        var best = long.MaxValue;
        var limiting = 0;
        for (var line = _lineStart[bundle]; line < _lineStart[bundle + 1]; line++)
        {
            var units = _available[_lineComponent[line]];
            var perBundle = _lineQuantity[line];

            // Both are positive or zero; a 32-bit division is exact when they fit, and several times faster.
            var allowed = (ulong)(units | perBundle) <= uint.MaxValue
                ? (uint)units / (uint)perBundle
                : units / perBundle;
            if (allowed < best)
            {
                best = allowed;
                limiting = _lineComponent[line];
            }
        }

        _availability[bundle] = best == long.MaxValue ? 0 : best;
        _limiting[bundle] = limiting;
    }

    private void FillLines(IReadOnlyList<BundleComponent>[] flat)
    {
        var components = new List<Sku>();
        var line = 0;
        for (var b = 0; b < _bundles.Length; b++)
        {
            _bundleIds[_bundles[b]] = b;
            _lineStart[b] = line;
            foreach (var component in flat[b])
            {
                if (!_componentIds.TryGetValue(component.Sku, out var id))
                {
                    id = components.Count;
                    _componentIds[component.Sku] = id;
                    components.Add(component.Sku);
                }

                _lineComponent[line] = id;
                _lineQuantity[line++] = component.Quantity;
            }
        }

        _lineStart[_bundles.Length] = line;
        _components = [.. components];
    }

    private (int[] Start, int[] Bundles) BuildDependents()
    {
        var start = new int[_components.Length + 1];
        foreach (var component in _lineComponent)
        {
            start[component + 1]++;
        }

        for (var c = 0; c < _components.Length; c++)
        {
            start[c + 1] += start[c];
        }

        var bundles = new int[_lineComponent.Length];
        var next = start[..^1];
        for (var b = 0; b < _bundles.Length; b++)
        {
            for (var line = _lineStart[b]; line < _lineStart[b + 1]; line++)
            {
                bundles[next[_lineComponent[line]]++] = b;
            }
        }

        return (start, bundles);
    }
}
