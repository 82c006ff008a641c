using System.Globalization;
using BenchmarkDotNet.Attributes;
using Inventory.Core.Variance;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// Reconciles <see cref="Rows"/> SKU-location pairs against five events per pair (<see cref="VarianceScaleData"/>:
/// 30% of the pairs differ, over every cause), streaming the events from a generator that is re-run on each read
/// so they are never held, against the least any reconciliation must do: one read of the same events.
/// </summary>
/// <remarks>
/// The size is 20,000 pairs unless the environment variable <c>INVENTORY_VARIANCE_ROWS</c> says otherwise; the
/// target size is run with <c>INVENTORY_VARIANCE_ROWS=1000000 dotnet run -c Release --project
/// benchmarks/Inventory.Core.Benchmarks -- --filter '*VarianceScale*'</c>.
/// </remarks>
[MemoryDiagnoser]
[SecondsLongJob]
public class VarianceScaleBenchmarks
{
    private ChannelSnapshotRow[] _channel = [];
    private WarehouseSnapshotRow[] _warehouse = [];
    private VarianceScaleData _data = new(0);

    /// <summary>Gets the sizes to run: one, from the environment or 20,000.</summary>
    public static IEnumerable<int> Sizes =>
    [
        int.TryParse(
            Environment.GetEnvironmentVariable("INVENTORY_VARIANCE_ROWS"),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var rows) ? rows : 20_000,
    ];

    /// <summary>Gets or sets the number of SKU-location pairs; five events are generated per pair.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new VarianceScaleData(Rows);
        var counts = Enumerable.Range(0, Rows).Select(row => (Row: row, Counts: VarianceScaleData.Counts(row)));
        var both = counts.ToArray();
        _channel = [.. both.Select(r => new ChannelSnapshotRow(
            VarianceScaleData.SkuOf(r.Row), VarianceScaleData.LocationOf(r.Row), r.Counts.Channel))];
        _warehouse = [.. both.Select(r => new WarehouseSnapshotRow(
            VarianceScaleData.SkuOf(r.Row), VarianceScaleData.LocationOf(r.Row), r.Counts.Warehouse, 0, 0, 0))];
    }

    /// <summary>Reads every event once and sums a number from each.</summary>
    [Benchmark(Baseline = true)]
    public long ReadEventsOnce()
    {
        long sum = 0;
        foreach (var item in _data.AllEvents())
        {
            sum += item.At.ToUnixTimeTicks() & 0xFF;
        }

        return sum;
    }

    /// <summary>The full classification, streaming the events, with every difference explained.</summary>
    [Benchmark]
    public int Classify()
    {
        var options = new VarianceOptions { AsOf = VarianceScaleData.AsOf };

        return new VarianceClassifier(options).Classify(_channel, _warehouse, new GeneratedLog(_data)).Findings.Count;
    }

    /// <summary>
    /// The same classification through a log that gives positions, as the tool's event file does: the second read
    /// hands the classifier only the events of the facts it shows and the bundle sales.
    /// </summary>
    [Benchmark]
    public int ClassifyAtPositions()
    {
        var options = new VarianceOptions { AsOf = VarianceScaleData.AsOf };

        return new VarianceClassifier(options)
            .Classify(_channel, _warehouse, new PositionedGeneratedLog(_data)).Findings.Count;
    }

    /// <summary>The generated events as a re-readable log; each open generates them again.</summary>
    private sealed class GeneratedLog(VarianceScaleData data) : IVarianceEventLog
    {
        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => data.AllEvents();
    }

    /// <summary>
    /// The generated events numbered in order as their positions; a read at positions generates them again and
    /// yields those asked for.
    /// </summary>
    private sealed class PositionedGeneratedLog(VarianceScaleData data) : IPositionedVarianceEventLog
    {
        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => data.AllEvents();

        public IEnumerable<PositionedEvent> OpenPositioned() =>
            data.AllEvents().Select((item, index) => new PositionedEvent(index, item));

        public IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions)
        {
            var next = 0;
            long index = 0;
            foreach (var item in data.AllEvents())
            {
                if (next == positions.Count)
                {
                    yield break;
                }

                if (positions[next] == index++)
                {
                    next++;
                    yield return item;
                }
            }
        }
    }
}
