using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// A job for operations that take seconds: one launch, one warm-up and five measured single invocations, with no
/// pilot stage. It is only the default job of the class it marks, so a job given on the command line
/// (<c>--job Dry</c> in CI) replaces it instead of running beside it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly)]
public sealed class SecondsLongJobAttribute : JobConfigBaseAttribute
{
    /// <summary>Initializes a new instance of the <see cref="SecondsLongJobAttribute"/> class.</summary>
    public SecondsLongJobAttribute()
        : base(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithId("SecondsLong")
            .AsDefault())
    {
    }
}
