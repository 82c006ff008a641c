using BenchmarkDotNet.Attributes;
using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// Availability of 10,000 bundles in three levels over 20,000 shared components: a full recompute and an
/// incremental update after one component changes, against a naive recursive explosion of every bundle.
/// </summary>
[MemoryDiagnoser]
public class BundleBenchmarks
{
    private const int Components = 20_000;
    private const int Low = 2_000;
    private const int Mid = 3_000;
    private const int Top = 5_000;

    private static readonly Instant At = Instant.FromUtc(2026, 1, 1, 0, 0);

    private readonly List<AvailabilityChange> _changes = new(64);
    private BundleCatalog _catalog = null!;
    private IReadOnlyList<Sku> _bundles = [];
    private Dictionary<Sku, long> _stock = [];
    private BundleAvailabilityIndex _index = null!;
    private StockLevel[] _toggle = [];
    private StockLevel[] _typical = [];
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_000);
        var leaves = Enumerable.Range(0, Components).Select(i => new Sku($"C{i:D5}")).ToArray();
        var definitions = new List<BundleDefinition>(Low + Mid + Top);
        definitions.AddRange(Level("L", Low, random, _ =>
            [Pick(leaves, random, 1), Pick(leaves, random, 2), Pick(leaves, random, 1)]));
        definitions.AddRange(Level("M", Mid, random, _ =>
            [Child("L", Low, random, 1), Child("L", Low, random, 2), Pick(leaves, random, 3)]));
        definitions.AddRange(Level("T", Top, random, _ =>
            [Child("M", Mid, random, 1), Child("L", Low, random, 1), Pick(leaves, random, 2),
             Pick(leaves, random, 1)]));
        _catalog = new BundleCatalog();
        _catalog.Register(definitions);
        _bundles = [.. definitions.Select(d => d.Parent)];
        _stock = leaves.ToDictionary(l => l, _ => (long)random.Next(0, 500));
        _index = new BundleAvailabilityIndex(_catalog, At, s => _stock.GetValueOrDefault(s));
        var busiest = leaves.MaxBy(l => _index.DependentsOf(l).Count);
        _toggle = [new StockLevel(busiest, 0)];
        var used = leaves.Where(l => _index.DependentsOf(l).Count > 0)
            .OrderBy(l => _index.DependentsOf(l).Count).ToList();
        _typical = [new StockLevel(used[used.Count / 2], 0)];
        Console.WriteLine(
            $"// bundles {_index.BundleCount}, components {_index.ComponentCount}, dependents of the busiest "
            + $"{_index.DependentsOf(busiest).Count}, of the median {_index.DependentsOf(_typical[0].Sku).Count}");
    }

    /// <summary>Every bundle exploded from its definitions, level by level, then divided into the stock.</summary>
    [Benchmark(Baseline = true)]
    public long NaiveRecursiveExplosion()
    {
        long sum = 0;
        foreach (var bundle in _bundles)
        {
            sum += BundleMath.WholeBundles(_catalog.Explode(bundle, 1, At), _stock);
        }

        return sum;
    }

    /// <summary>Every bundle recomputed from the index's flattened components.</summary>
    [Benchmark]
    public long FullRecompute()
    {
        _index.RecomputeAll();

        return _index.BundleCount;
    }

    /// <summary>The component in the most bundles changes; only those bundles are recomputed.</summary>
    [Benchmark]
    public int IncrementalUpdate()
    {
        _flip = !_flip;
        _toggle[0] = _toggle[0] with { Available = _flip ? 0 : 1_000 };
        _changes.Clear();
        _index.Update(_toggle, _changes);

        return _changes.Count;
    }

    /// <summary>A component in the median number of bundles changes.</summary>
    [Benchmark]
    public int IncrementalUpdateTypical()
    {
        _flip = !_flip;
        _typical[0] = _typical[0] with { Available = _flip ? 0 : 1_000 };
        _changes.Clear();
        _index.Update(_typical, _changes);

        return _changes.Count;
    }

    private static IEnumerable<BundleDefinition> Level(
        string prefix, int count, Random random, Func<int, BundleComponent[]> lines) =>
        Enumerable.Range(0, count).Select(i => new BundleDefinition(new Sku($"{prefix}{i:D5}"), lines(i)));

    private static BundleComponent Pick(Sku[] leaves, Random random, long quantity) =>
        new(leaves[random.Next(leaves.Length)], quantity);

    private static BundleComponent Child(string prefix, int count, Random random, long quantity) =>
        new(new Sku($"{prefix}{random.Next(count):D5}"), quantity);
}
