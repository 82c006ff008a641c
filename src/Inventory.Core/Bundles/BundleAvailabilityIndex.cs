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
/// dependents index maps each component to every bundle line that holds it at any depth. Each line keeps the whole
/// bundles its component allows, and each bundle its minimum and the line that sets it. A change to one component
/// therefore costs one division per distinct quantity among its dependent lines (they are sorted by quantity) and,
/// per bundle, a comparison with its minimum; only when the
/// component that set a bundle's minimum goes up are that bundle's line figures scanned again (no division). The
/// update path allocates nothing per bundle.
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
    private readonly int[] _dependentLines;
    private readonly long[] _dependentQuantity;
    private readonly long[] _available;
    private readonly long[] _lineAllowed;
    private readonly long[] _availability;
    private readonly int[] _limitingLine;
    private readonly long[] _before;
    private readonly int[] _dirtyMark;
    private readonly int[] _dirty;
    private readonly long[] _componentBefore;
    private readonly int[] _componentMark;
    private readonly int[] _componentDirty;
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
        _lineAllowed = new long[lines];
        FillLines(flat);
        _available = [.. _components.Select(c => Math.Max(0, available(c)))];
        (_dependentStart, _dependents, _dependentLines, _dependentQuantity) = BuildDependents();
        _availability = new long[_bundles.Length];
        _limitingLine = new int[_bundles.Length];
        _before = new long[_bundles.Length];
        _dirtyMark = new int[_bundles.Length];
        _dirty = new int[_bundles.Length];
        _componentBefore = new long[_components.Length];
        _componentMark = new int[_components.Length];
        _componentDirty = new int[_components.Length];
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
    public Sku Limiting(Sku bundle) => _components[_lineComponent[_limitingLine[BundleId(bundle)]]];

    /// <summary>Gets the bundles that contain a component at any depth.</summary>
    /// <param name="component">The component SKU.</param>
    /// <returns>The bundles, in index order; empty for a SKU no bundle contains.</returns>
    public IReadOnlyList<Sku> DependentsOf(Sku component)
    {
        if (!_componentIds.TryGetValue(component, out var id))
        {
            return [];
        }

        return [.. _dependents[_dependentStart[id].._dependentStart[id + 1]].Order().Select(b => _bundles[b])];
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
    /// components themselves and the bundles containing them, each once, comparing before and after the batch (a
    /// SKU listed several times is reported once with its net change, and not at all when the net change is zero).
    /// </summary>
    /// <param name="levels">The new figures; a SKU that no bundle contains is ignored.</param>
    /// <param name="changes">Receives the changes; it is not cleared first.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="changes"/> is null.</exception>
    public void Update(ReadOnlySpan<StockLevel> levels, ICollection<AvailabilityChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var touched = 0;
        var components = 0;
        var generation = NextGeneration();
        foreach (var level in levels)
        {
            if (!_componentIds.TryGetValue(level.Sku, out var id))
            {
                continue;
            }

            var now = Math.Max(0, level.Available);
            if (_available[id] != now)
            {
                components = MarkComponent(id, generation, components);
                _available[id] = now;
                touched = ApplyToDependents(id, now, generation, touched);
            }
        }

        ReportChanges(changes, components, touched);
    }

    /// <summary>
    /// Appends the net change over the batch of each component and bundle it touched, components first, each
    /// once, and none whose figure ended where it started.
    /// </summary>
    private void ReportChanges(ICollection<AvailabilityChange> changes, int components, int touched)
    {
        for (var i = 0; i < components; i++)
        {
            var c = _componentDirty[i];
            var (before, now) = (_componentBefore[c], _available[c]);
            if (now != before)
            {
                changes.Add(new AvailabilityChange(_components[c], before, now, IsBundle: false));
            }
        }

        for (var i = 0; i < touched; i++)
        {
            var b = _dirty[i];
            if (_availability[b] != _before[b])
            {
                changes.Add(new AvailabilityChange(_bundles[b], _before[b], _availability[b], IsBundle: true));
            }
        }
    }

    /// <summary>Sets the batch counter, so a test can reach its wrap-around without two billion updates.</summary>
    internal void SetGeneration(int generation) => _generation = generation;

    private int BundleId(Sku bundle) => _bundleIds.TryGetValue(bundle, out var id)
        ? id
        : throw new KeyNotFoundException($"SKU {bundle} is not a bundle of this index.");

    /// <summary>Starts a batch: a new mark for the bundles it touches, clearing the marks when the counter
    /// wraps.</summary>
    private int NextGeneration()
    {
        if (_generation == int.MaxValue)
        {
            Array.Clear(_dirtyMark);
            Array.Clear(_componentMark);
            _generation = 0;
        }

        return ++_generation;
    }

    /// <summary>Notes a component's figure before the batch the first time the batch changes it.</summary>
    private int MarkComponent(int component, int generation, int marked)
    {
        if (_componentMark[component] != generation)
        {
            _componentMark[component] = generation;
            _componentBefore[component] = _available[component];
            _componentDirty[marked++] = component;
        }

        return marked;
    }

    /// <summary>
    /// Brings every line that holds <paramref name="component"/> to its new figure, and each bundle's minimum with
    /// it, noting each bundle's figure before the batch the first time the batch touches it.
    /// </summary>
    private int ApplyToDependents(int component, long units, int generation, int touched)
    {
        long perBundle = 0;
        long allowed = 0;
        for (var d = _dependentStart[component]; d < _dependentStart[component + 1]; d++)
        {
            var b = _dependents[d];
            if (_dirtyMark[b] != generation)
            {
                _dirtyMark[b] = generation;
                _before[b] = _availability[b];
                _dirty[touched++] = b;
            }

            var line = _dependentLines[d];
            var was = _lineAllowed[line];
            if (_dependentQuantity[d] != perBundle)
            {
                perBundle = _dependentQuantity[d];
                allowed = Allowed(units, perBundle);
            }

            _lineAllowed[line] = allowed;
            var minimum = _availability[b];
            if (allowed < minimum || (allowed == minimum && line < _limitingLine[b]))
            {
                _availability[b] = allowed;
                _limitingLine[b] = line;
            }
            else if (line == _limitingLine[b] && allowed > was)
            {
                // The line that set the minimum went up: the new minimum is among the kept line figures.
                Rescan(b);
            }
        }

        return touched;
    }

    private void Rescan(int bundle)
    {
        var start = _lineStart[bundle];
        var best = _lineAllowed[start];
        var limiting = start;
        for (var line = start + 1; line < _lineStart[bundle + 1]; line++)
        {
            if (_lineAllowed[line] < best)
            {
                best = _lineAllowed[line];
                limiting = line;
            }
        }

        _availability[bundle] = best;
        _limitingLine[bundle] = limiting;
    }

    private void Recompute(int bundle)
    {
        var best = long.MaxValue;
        var limiting = _lineStart[bundle];
        for (var line = _lineStart[bundle]; line < _lineStart[bundle + 1]; line++)
        {
            var allowed = Allowed(_available[_lineComponent[line]], _lineQuantity[line]);
            _lineAllowed[line] = allowed;
            if (allowed < best)
            {
                best = allowed;
                limiting = line;
            }
        }

        _availability[bundle] = best == long.MaxValue ? 0 : best;
        _limitingLine[bundle] = limiting;
    }

    /// <summary>Gets the whole bundles <paramref name="units"/> allow at <paramref name="perBundle"/> each.</summary>
    private static long Allowed(long units, long perBundle)
    {
        // Both are positive or zero; a 32-bit division is exact when they fit, and several times faster.
        return (ulong)(units | perBundle) <= uint.MaxValue ? (uint)units / (uint)perBundle : units / perBundle;
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

    /// <summary>
    /// Lists each component's dependent lines, sorted by quantity per bundle and then by bundle, so an update
    /// divides once per distinct quantity.
    /// </summary>
    private (int[] Start, int[] Bundles, int[] Lines, long[] Quantities) BuildDependents()
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

        var lines = new int[_lineComponent.Length];
        var next = start[..^1];
        for (var line = 0; line < _lineComponent.Length; line++)
        {
            lines[next[_lineComponent[line]]++] = line;
        }

        var bundles = new int[lines.Length];
        var quantities = new long[lines.Length];
        for (var c = 0; c < _components.Length; c++)
        {
            var slice = lines.AsSpan(start[c], start[c + 1] - start[c]);
            slice.Sort((left, right) => _lineQuantity[left] != _lineQuantity[right]
                ? _lineQuantity[left].CompareTo(_lineQuantity[right])
                : left.CompareTo(right));
        }

        var lineBundle = new int[lines.Length];
        for (var b = 0; b < _bundles.Length; b++)
        {
            lineBundle.AsSpan(_lineStart[b], _lineStart[b + 1] - _lineStart[b]).Fill(b);
        }

        for (var d = 0; d < lines.Length; d++)
        {
            bundles[d] = lineBundle[lines[d]];
            quantities[d] = _lineQuantity[lines[d]];
        }

        return (start, bundles, lines, quantities);
    }
}
