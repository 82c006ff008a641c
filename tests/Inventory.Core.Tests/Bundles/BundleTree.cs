using FsCheck;
using FsCheck.Fluent;
using Inventory.Core.Bundles;
using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Bundles;

/// <summary>A random three-level bundle catalog over six leaves, with stock for the leaves.</summary>
/// <param name="Definitions">Each bundle's lines; children are leaves or bundles of a lower level.</param>
/// <param name="Stock">Available units per leaf.</param>
internal sealed record BundleTree(IReadOnlyList<BundleDefinition> Definitions, IReadOnlyDictionary<Sku, long> Stock)
{
    public static readonly Sku[] Leaves = [.. Enumerable.Range(0, 6).Select(i => new Sku($"L{i}"))];

    public static Arbitrary<BundleTree> Arbitrary => Arb.From(
        from low in Level("M", 3, Leaves)
        from mid in Level("N", 2, [.. Leaves, .. low.Select(d => d.Parent)])
        from top in Level("T", 2, [.. Leaves, .. low.Select(d => d.Parent), .. mid.Select(d => d.Parent)])
        from units in Gen.ArrayOf(Gen.Choose(0, 60), Leaves.Length)
        select new BundleTree(
            [.. low, .. mid, .. top],
            Leaves.Select((l, i) => (l, (long)units[i])).ToDictionary(p => p.l, p => p.Item2)),
        t => []);

    public IEnumerable<Sku> Bundles => Definitions.Select(d => d.Parent);

    public BundleCatalog Catalog()
    {
        var catalog = new BundleCatalog();
        catalog.Register(Definitions);

        return catalog;
    }

    /// <summary>Expands a bundle line by line without summing on the way: the flattened form.</summary>
    public IEnumerable<BundleComponent> Flatten(Sku sku, long quantity)
    {
        var definition = Definitions.FirstOrDefault(d => d.Parent == sku);

        return definition is null
            ? [new BundleComponent(sku, quantity)]
            : definition.Components.SelectMany(c => Flatten(c.Sku, quantity * c.Quantity));
    }

    /// <summary>Counts bundles one by one until the stock no longer covers the next.</summary>
    public long BruteForceAvailability(Sku bundle)
    {
        long n = 0;
        while (Fits(bundle, n + 1))
        {
            n++;
        }

        return n;
    }

    private bool Fits(Sku bundle, long count) => Flatten(bundle, count)
        .GroupBy(c => c.Sku)
        .All(g => g.Sum(c => c.Quantity) <= Stock.GetValueOrDefault(g.Key));

    private static Gen<BundleDefinition[]> Level(string prefix, int count, Sku[] children) =>
        Gen.ArrayOf(Definition(children), count)
            .Select(lines => lines.Select((l, i) => new BundleDefinition(new Sku($"{prefix}{i}"), l)).ToArray());

    private static Gen<BundleComponent[]> Definition(Sku[] children) =>
        from size in Gen.Choose(1, 4)
        from lines in Gen.ArrayOf(
            from child in Gen.Elements(children)
            from quantity in Gen.Choose(1, 4)
            select new BundleComponent(child, quantity),
            size)
        select lines;
}
