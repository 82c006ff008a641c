using System.Diagnostics.CodeAnalysis;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Bundles;

/// <summary>
/// The registry of bundle definitions: checks them on registration, and answers the composition of a bundle at
/// any instant, exploded to its leaf components.
/// </summary>
/// <remarks>
/// <para>
/// Cycles and depth are checked among the versions in force at the same instant, so the catalog is sound at every
/// instant, while A may contain B in one period and B contain A in a later, disjoint one. A SKU with no version
/// valid at an instant is a leaf at that instant.
/// </para>
/// <para>
/// Thread safety: registration is serialised and publishes a new immutable snapshot; reads never block and see
/// either the old or the new catalog, never a half-registered batch.
/// </para>
/// </remarks>
public sealed partial class BundleCatalog
{
    /// <summary>The nesting depth allowed when none is given.</summary>
    public const int DefaultMaxDepth = 16;

    private readonly Lock _gate = new();
    private Dictionary<Sku, BundleDefinition[]> _versions = [];

    /// <summary>Initializes an empty catalog.</summary>
    /// <param name="maxDepth">The most levels of bundles one bundle may nest (a bundle of leaves has depth
    /// 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="maxDepth"/> is below 1.</exception>
    public BundleCatalog(int maxDepth = DefaultMaxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        MaxDepth = maxDepth;
    }

    /// <summary>Gets the most levels of bundles one bundle may nest.</summary>
    public int MaxDepth { get; }

    /// <summary>Gets every registered version, grouped by parent in ordinal SKU order.</summary>
    public IReadOnlyList<BundleDefinition> Definitions =>
        [.. Volatile.Read(ref _versions).OrderBy(p => p.Key).SelectMany(p => p.Value)];

    /// <summary>Registers one version.</summary>
    /// <param name="definition">The version.</param>
    /// <exception cref="BundleDefinitionException">Thrown when the version is invalid; nothing is
    /// registered.</exception>
    public void Register(BundleDefinition definition) => Register([definition]);

    /// <summary>Registers a batch of versions, all or none.</summary>
    /// <param name="definitions">The versions.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="definitions"/> is null.</exception>
    /// <exception cref="BundleDefinitionException">
    /// Thrown when any version is invalid, listing every problem; nothing is registered.
    /// </exception>
    public void Register(IEnumerable<BundleDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var batch = definitions.ToList();
        lock (_gate)
        {
            var next = _versions.ToDictionary(p => p.Key, p => p.Value);
            var problems = new List<string>();
            for (var i = 0; i < batch.Count; i++)
            {
                CheckFields(batch[i], i, problems);
            }

            foreach (var definition in batch.Where(d => d is not null && d.Parent.Value.Length > 0))
            {
                next[definition.Parent] = next.TryGetValue(definition.Parent, out var known)
                    ? [.. known, definition]
                    : [definition];
            }

            CheckOverlaps(next, problems);
            CheckGraph(next, MaxDepth, problems);
            if (problems.Count > 0)
            {
                throw new BundleDefinitionException(problems);
            }

            Volatile.Write(ref _versions, next);
        }
    }

    /// <summary>Gets the version of <paramref name="parent"/> valid at <paramref name="at"/>.</summary>
    /// <param name="parent">The bundle SKU.</param>
    /// <param name="at">The instant.</param>
    /// <param name="definition">The version, when there is one.</param>
    /// <returns>True when <paramref name="parent"/> is a bundle at <paramref name="at"/>.</returns>
    public bool TryGetDefinition(Sku parent, Instant at, [NotNullWhen(true)] out BundleDefinition? definition)
    {
        definition = Volatile.Read(ref _versions).TryGetValue(parent, out var versions)
            ? Array.Find(versions, v => v.IsValidAt(at))
            : null;

        return definition is not null;
    }

    /// <summary>Gets whether <paramref name="sku"/> is a bundle at <paramref name="at"/>.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="at">The instant.</param>
    /// <returns>True when a version of <paramref name="sku"/> is valid at <paramref name="at"/>.</returns>
    public bool IsBundle(Sku sku, Instant at) => TryGetDefinition(sku, at, out _);

    /// <summary>Gets the bundles valid at <paramref name="at"/> that no other bundle valid then contains.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The top-level bundle SKUs in ordinal order.</returns>
    public IReadOnlyList<Sku> TopLevelBundles(Instant at)
    {
        var valid = ValidAt(at);
        var children = valid.SelectMany(d => d.Components.Select(c => c.Sku)).ToHashSet();

        return [.. valid.Select(d => d.Parent).Where(p => !children.Contains(p)).Order()];
    }

    /// <summary>Gets every version valid at <paramref name="at"/>, one per bundle, in ordinal SKU order.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The versions.</returns>
    public IReadOnlyList<BundleDefinition> ValidAt(Instant at) =>
        [.. Volatile.Read(ref _versions)
            .OrderBy(p => p.Key)
            .Select(p => Array.Find(p.Value, v => v.IsValidAt(at)))
            .OfType<BundleDefinition>()];

    /// <summary>
    /// Explodes <paramref name="quantity"/> units of <paramref name="sku"/> into leaf components, summing each
    /// component over every line and nesting level, as composed at <paramref name="at"/>.
    /// </summary>
    /// <param name="sku">The SKU; a leaf explodes to itself.</param>
    /// <param name="quantity">Units to explode; zero or more.</param>
    /// <param name="at">The instant whose versions apply.</param>
    /// <returns>The leaf components in ordinal SKU order, each once.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="quantity"/> is negative.</exception>
    /// <exception cref="OverflowException">Thrown when a summed quantity exceeds <see
    /// cref="long.MaxValue"/>.</exception>
    public IReadOnlyList<BundleComponent> Explode(Sku sku, long quantity, Instant at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var versions = Volatile.Read(ref _versions);
        var perUnit = Composition(versions, sku, at, []);

        return [.. perUnit.OrderBy(p => p.Key).Select(p => new BundleComponent(p.Key, checked(p.Value * quantity)))];
    }

    /// <summary>
    /// Gets the bundles valid at <paramref name="at"/> that contain <paramref name="component"/> at any depth.
    /// </summary>
    /// <param name="component">The component SKU.</param>
    /// <param name="at">The instant.</param>
    /// <returns>The containing bundles in ordinal order; empty when none does.</returns>
    public IReadOnlyList<Sku> Dependents(Sku component, Instant at)
    {
        var parentsOf = new Dictionary<Sku, List<Sku>>();
        foreach (var definition in ValidAt(at))
        {
            foreach (var child in definition.Components.Select(c => c.Sku).Distinct())
            {
                parentsOf.TryAdd(child, []);
                parentsOf[child].Add(definition.Parent);
            }
        }

        var found = new HashSet<Sku>();
        var pending = new Stack<Sku>([component]);
        while (pending.TryPop(out var next))
        {
            foreach (var parent in parentsOf.GetValueOrDefault(next) ?? [])
            {
                if (found.Add(parent))
                {
                    pending.Push(parent);
                }
            }
        }

        return [.. found.Order()];
    }

    /// <summary>
    /// The leaf units in one unit of <paramref name="sku"/>, worked out once per SKU within one explosion: a bundle
    /// reached by many paths reuses its composition, so the cost grows with the lines, not with the paths.
    /// </summary>
    /// <remarks>
    /// Implementation note: every line quantity is positive, so each partial sum is at most the final total for
    /// one unit; a checked overflow here means the true total overflows too.
    /// </remarks>
    private static Dictionary<Sku, long> Composition(
        Dictionary<Sku, BundleDefinition[]> versions, Sku sku, Instant at, Dictionary<Sku, Dictionary<Sku, long>> memo)
    {
        if (memo.TryGetValue(sku, out var known))
        {
            return known;
        }

        var definition = versions.TryGetValue(sku, out var found) ? Array.Find(found, v => v.IsValidAt(at)) : null;
        var composition = new Dictionary<Sku, long>();
        if (definition is null)
        {
            composition[sku] = 1;
        }
        else
        {
            foreach (var component in definition.Components)
            {
                foreach (var (leaf, units) in Composition(versions, component.Sku, at, memo))
                {
                    var added = checked(units * component.Quantity);
                    composition[leaf] = checked(composition.GetValueOrDefault(leaf) + added);
                }
            }
        }

        memo[sku] = composition;

        return composition;
    }
}
