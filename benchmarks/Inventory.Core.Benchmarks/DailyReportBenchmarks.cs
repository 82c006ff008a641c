using BenchmarkDotNet.Attributes;
using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// The daily report for one business day read out of 1,000,000 adjustments spread over 40 days (25,000 a day, the
/// 28 days before feeding the operators' baselines), against a single pass that only counts the day's adjustments.
/// </summary>
[MemoryDiagnoser]
public class DailyReportBenchmarks
{
    private const int Adjustments = 1_000_000;
    private const int Days = 40;

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly LocalDate FirstDay = new(2026, 3, 1);

    private AuditedAdjustment[] _log = [];
    private DailyAuditor _auditor = null!;
    private LocalDate _day;
    private Instant _start;
    private Instant _end;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var first = FirstDay.AtStartOfDayInZone(London).ToInstant();
        var reasons = new string?[] { "correction", "damaged", "shrinkage", "other", null, "cycle_count_available" };
        _log = new AuditedAdjustment[Adjustments];
        for (var i = 0; i < Adjustments; i++)
        {
            var at = first + Duration.FromSeconds(random.NextInt64(Days * 86_400L));
            var quantity = random.Next(1, 40) * (random.Next(2) == 0 ? -1 : 1);
            var reason = reasons[random.Next(reasons.Length)];
            _log[i] = new AuditedAdjustment(
                $"SKU-{random.Next(20_000)}", quantity, reason, $"op-{random.Next(50)}", at);
        }

        _auditor = new DailyAuditor(London);
        _day = FirstDay.PlusDays(Days - 2);
        _start = _day.AtStartOfDayInZone(London).ToInstant();
        _end = _day.PlusDays(1).AtStartOfDayInZone(London).ToInstant();
    }

    /// <summary>One pass over every adjustment, counting those inside the day.</summary>
    [Benchmark(Baseline = true)]
    public int CountTheDay()
    {
        var count = 0;
        foreach (var adjustment in _log)
        {
            if (adjustment.At >= _start && adjustment.At < _end)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The full report: operator baselines, repeats, flips, working hours, magnitudes, reason share.</summary>
    [Benchmark]
    public int DailyReport() => _auditor.Report(_log, _day).Flags.Count;
}
