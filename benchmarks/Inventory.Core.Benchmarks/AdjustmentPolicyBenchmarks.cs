using BenchmarkDotNet.Attributes;
using Inventory.Core.Adjustments;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// Judging one allowed adjustment against the default catalogue, against the least a policy check must do: look the
/// code up and compare the change with its limit.
/// </summary>
[MemoryDiagnoser]
public class AdjustmentPolicyBenchmarks
{
    private readonly AdjustmentPolicy _policy = new(AdjustmentPolicyOptions.CreateDefault());
    private readonly Dictionary<string, long> _limits = new(StringComparer.Ordinal) { ["shrinkage"] = 25 };
    private readonly StockPosition _position = new(1000, 0, 0, 0, 0, 0, 0);
    private readonly AdjustmentRequest _request = new(
        new Sku("BENCH-1"),
        new LocationId("W1"),
        -4,
        AdjustmentMode.Delta,
        StockBucket.Available,
        ReasonCodes.Shrinkage,
        "alice",
        Instant.FromUtc(2026, 3, 2, 10, 0));

    /// <summary>A dictionary look-up of the code's limit and one comparison.</summary>
    [Benchmark(Baseline = true)]
    public bool BareLimitCheck() =>
        _limits.TryGetValue(_request.ReasonCode!, out var limit) && Math.Abs(_request.Quantity) <= limit;

    /// <summary>Every rule of the policy, for a request that breaks none.</summary>
    [Benchmark]
    public bool EvaluateAllowed() => _policy.Evaluate(_request, _position).IsAllowed;
}
