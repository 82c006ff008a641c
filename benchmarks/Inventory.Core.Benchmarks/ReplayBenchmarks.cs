using System.IO.Compression;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Inventory.Cli.Replay;
using nietras.SeparatedValues;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// The full year of Online Retail orders (541,909 rows, gzipped) replayed end to end by the command-line tool's
/// engine, against the least work any replay must do: decompress the file, split each row with the same CSV
/// parser and keep a per-SKU balance in a dictionary.
/// </summary>
/// <remarks>
/// Each operation takes up to seconds, so the job measures single invocations (monitoring strategy, no pilot
/// stage) with one warm-up and five measured iterations; a job named on the command line replaces it.
/// </remarks>
[MemoryDiagnoser]
[SecondsLongJob]
public class ReplayBenchmarks
{
    private const string FullYear = "docs/data/online_retail_full.csv.gz";
    private const int BufferSize = 1 << 16;

    private string _path = null!;

    [GlobalSetup]
    public void Setup() => _path = RepositoryRoot.File(FullYear);

    /// <summary>Decompress, split every row and keep a per-SKU balance: sales subtract, returns add.</summary>
    [Benchmark(Baseline = true)]
    public long BarePass()
    {
        using var file = new FileStream(
            _path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = Sep.New(',')
            .Reader(o => o with { Unescape = true, DisableColCountCheck = true })
            .From(gzip);
        var stockCode = reader.Header.IndexOf("StockCode");
        var quantity = reader.Header.IndexOf("Quantity");
        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        var bySpan = balances.GetAlternateLookup<ReadOnlySpan<char>>();

        foreach (var row in reader)
        {
            // A sale's quantity is positive and a return's negative, so one subtraction serves both.
            ref var balance = ref CollectionsMarshal.GetValueRefOrAddDefault(
                bySpan, row[stockCode].Span.Trim(), out _);
            balance -= row[quantity].Parse<long>();
        }

        return balances.Values.Sum();
    }

    /// <summary>The command-line tool's replay with the automatic opening; returns the closing units.</summary>
    [Benchmark]
    public async Task<long> FullReplay()
    {
        var report = await ReplayRunner.RunAsync(_path, new ReplayOptions()).ConfigureAwait(false);

        return report.ClosingUnits;
    }
}
