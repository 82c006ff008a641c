using BenchmarkDotNet.Attributes;
using Inventory.Cli.Reconcile;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// Builds the events of 100,000 lines of the generated log (<see cref="VarianceScaleFiles"/>, 20,000 pairs) on one
/// thread: through the JSON reader alone (the baseline), and with the byte scan of flat lines that
/// <c>inventory reconcile</c> uses (docs/performance.md, "Two reads, a flat-line scan and fewer objects per
/// finding").
/// </summary>
[MemoryDiagnoser]
[SecondsLongJob]
public class EventLineParserBenchmarks
{
    private byte[][] _lines = [];

    [GlobalSetup]
    public void Setup() => _lines = [.. VarianceScaleFiles.EventLines(20_000)];

    /// <summary>Every line through the forward-only JSON reader.</summary>
    [Benchmark(Baseline = true)]
    public int JsonReader() => Parse(new EventLineParser(flatScan: false));

    /// <summary>Flat lines by the byte scan, the rest (bundle sales) through the reader.</summary>
    [Benchmark]
    public int FlatScan() => Parse(new EventLineParser());

    private int Parse(EventLineParser parser)
    {
        var built = 0;
        foreach (var line in _lines)
        {
            built += parser.TryParse(line) is null ? 0 : 1;
        }

        return built;
    }
}
