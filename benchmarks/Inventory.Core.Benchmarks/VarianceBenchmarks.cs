using BenchmarkDotNet.Attributes;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// Reconciles <see cref="Positions"/> SKU-location rows against five events per row, generated on the fly so the
/// event log is never held, against the least any reconciliation must do: one pass that sums each event's units
/// per position.
/// </summary>
[MemoryDiagnoser]
[SecondsLongJob]
public class VarianceBenchmarks
{
    private static readonly Instant _start = Instant.FromUtc(2026, 3, 1, 20, 0);
    private readonly LocationId _location = new("W1");
    private Sku[] _skus = [];
    private ChannelSnapshotRow[] _channel = [];
    private WarehouseSnapshotRow[] _warehouse = [];

    /// <summary>Gets or sets the number of SKU-location rows; five events are generated per row.</summary>
    [Params(100_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _skus = [.. Enumerable.Range(0, Positions).Select(i => new Sku($"SKU-{i:D7}"))];
        _channel = [.. _skus.Select((s, i) => new ChannelSnapshotRow(s, _location, 100 + (i % 3)))];
        _warehouse = [.. _skus.Select(s => new WarehouseSnapshotRow(s, _location, 100, 0, 0, 0))];
    }

    /// <summary>Sums each event's units per position in one pass.</summary>
    [Benchmark(Baseline = true)]
    public long SumPerPosition()
    {
        var sums = new Dictionary<PositionKey, long>(Positions);
        foreach (var item in Events())
        {
            var key = new PositionKey(item.Sku, item.Location);
            sums[key] = sums.GetValueOrDefault(key) + (item is OrderEvent order ? -order.Quantity : 1);
        }

        return sums.Count;
    }

    /// <summary>The full classification, with every difference explained.</summary>
    [Benchmark]
    public int Classify()
    {
        var options = new VarianceOptions { AsOf = _start + Duration.FromHours(10), ToleranceUnits = 1 };

        return new VarianceClassifier(options).Classify(_channel, _warehouse, Events()).Findings.Count;
    }

    private IEnumerable<VarianceEvent> Events()
    {
        for (var i = 0; i < _skus.Length; i++)
        {
            var sku = _skus[i];
            var at = _start + Duration.FromSeconds(i % 30_000);
            var order = $"o{i}";
            yield return new SyncWrite($"w{i}", sku, _location, 100, _start, _start + Duration.FromMinutes(1));
            yield return new OrderEvent($"c{i}", VarianceSystem.Channel, order, sku, _location, 2, at);
            yield return new OrderEvent($"h{i}", VarianceSystem.Warehouse, order, sku, _location, 2, at);
            yield return new ReturnEvent(
                $"r{i}", VarianceSystem.Channel, $"r{i}", sku, _location, ReturnStage.Restocked, 1, at);
            yield return new AdjustmentEvent(
                $"a{i}", VarianceSystem.Warehouse, $"a{i}", sku, _location, -1, null, at);
        }
    }
}
