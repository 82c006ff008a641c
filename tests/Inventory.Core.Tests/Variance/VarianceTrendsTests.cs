using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// Trend classes over daily reports: today is the report's business day (2 March, UTC), the window is 7 days and
/// a finding recurs on 3 of them unless a test says otherwise.
/// </summary>
public class VarianceTrendsTests
{
    [Theory]
    [InlineData(new[] { 1 }, VarianceTrend.OneOff)]
    [InlineData(new[] { 1, 3 }, VarianceTrend.Recurring)]
    [InlineData(new[] { 6, 5 }, VarianceTrend.Recurring)]
    [InlineData(new[] { 7, 5 }, VarianceTrend.OneOff)]
    [InlineData(new int[] { }, VarianceTrend.OneOff)]
    public void Apply_DaysSeen_RecurringFromTheKthDay(int[] daysBack, VarianceTrend expected)
    {
        var history = daysBack.Select(back => Past(back, (A, 5)));

        Assert.Equal(expected, TrendOf(history));
    }

    [Fact]
    public void Apply_RecurringDaysOption_MovesTheBoundary()
    {
        var options = new TrendOptions { RecurringDays = 2, WindowDays = 3 };

        Assert.Equal(VarianceTrend.Recurring, TrendOf([Past(2, (A, 5))], options));
        Assert.Equal(VarianceTrend.OneOff, TrendOf([Past(3, (A, 5))], options));
    }

    [Fact]
    public void Apply_RisingOverFourDays_IsGrowing()
    {
        var history = new[] { Past(3, (A, 1)), Past(2, (A, 2)), Past(1, (A, 3)) };

        Assert.Equal(VarianceTrend.Growing, TrendOf(history, difference: -4));
    }

    [Fact]
    public void Apply_RisingOverThreeDaysOnly_IsRecurringNotGrowing()
    {
        var history = new[] { Past(2, (A, 1)), Past(1, (A, 2)) };

        Assert.Equal(VarianceTrend.Recurring, TrendOf(history, difference: 3));
    }

    [Fact]
    public void Apply_SpikeAfterQuietDays_IsOneOff()
    {
        // Days with a report and no finding count as zero: 0, 0, 0, 9 gives S = 3, below the bound for n = 4.
        var history = new[] { Past(3, (B, 1)), Past(2, (B, 1)), Past(1, (B, 1)) };

        Assert.Equal(VarianceTrend.OneOff, TrendOf(history, difference: 9));
    }

    [Theory]
    [InlineData(27, VarianceTrend.Resistant)]
    [InlineData(28, VarianceTrend.Recurring)]
    public void Apply_RecurringAfterTheFix_IsResistant(int fixDay, VarianceTrend expected)
    {
        var options = new TrendOptions();
        options.Fixes[A] = new LocalDate(2026, 2, fixDay);
        var history = new[] { Past(3, (A, 3)), Past(2, (A, 3)), Past(1, (A, 3)) };

        // Seen 27 Feb to 2 Mar at a steady 3 units: three days after a fix on the 27th, two after one on the 28th.
        Assert.Equal(expected, TrendOf(history, options, difference: 3));
    }

    [Fact]
    public void Apply_TwoReportsOneDay_UsesTheLater()
    {
        var morning = new PastReconciliation(AsOf - Duration.FromHours(20), [new(A, Here, 5)]);
        var evening = new PastReconciliation(AsOf - Duration.FromHours(10), []);
        var laterFinding = new PastReconciliation(AsOf - Duration.FromHours(10), [new(A, Here, 5)]);
        var earlierQuiet = new PastReconciliation(AsOf - Duration.FromHours(20), []);

        Assert.Equal(VarianceTrend.OneOff, TrendOf([morning, evening, Past(2, (A, 5))]));
        Assert.Equal(VarianceTrend.OneOff, TrendOf([evening, morning, Past(2, (A, 5))]));
        Assert.Equal(VarianceTrend.Recurring, TrendOf([laterFinding, earlierQuiet, Past(2, (A, 5))]));
    }

    [Fact]
    public void Apply_ReportsOnTheSameDayOrLater_AreIgnored()
    {
        var history = new[] { Past(0, (A, 5)), Past(-1, (A, 5)), Past(1, (A, 5)) };

        Assert.Equal(VarianceTrend.OneOff, TrendOf(history));
    }

    [Fact]
    public void Apply_TwoReportsSharingTheLatestInstant_Throws()
    {
        var error = Assert.Throws<VarianceInputException>(() => TrendOf([Past(1, (A, 1)), Past(1, (B, 1))]));

        Assert.Equal("Two earlier reports share the as-of 2026-03-01T06:00:00Z; keep one of them.", error.Message);
    }

    [Fact]
    public void Validate_BadTrendOptions_ReportsEveryProblem()
    {
        var error = Assert.Throws<InventoryOptionsException>(
            () => new VarianceTrends(new TrendOptions { WindowDays = 0, RecurringDays = 2 }, DateTimeZone.Utc));

        Assert.Equal(
            new[]
            {
                "WindowDays must be at least 1 (was 0).",
                "RecurringDays must be between 1 and WindowDays 0 (was 2).",
            },
            error.Problems);
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 3, 4 }, true)]
    [InlineData(new long[] { 1, 2, 3 }, false)]
    [InlineData(new long[] { 4, 3, 2, 1 }, false)]
    [InlineData(new long[] { 5, 5, 5, 5, 5 }, false)]
    [InlineData(new long[] { 1, 2, 3, 5, 4 }, true)]
    [InlineData(new long[] { 2, 1, 3, 4, 4 }, false)]
    [InlineData(new long[] { 2, 1, 3, 5, 4 }, false)]
    public void Rising_MannKendall_AtTheFivePercentBound(long[] series, bool expected)
    {
        // n = 5: S = 8 passes ((8 - 1)^2 x 18 = 882 > 811.8), S = 7 and S = 6 do not.
        Assert.Equal(expected, VarianceTrends.Rising(series));
    }

    [Property(MaxTest = 200)]
    public Property HistoryOrder_Meets_NoChange() =>
        Prop.ForAll(
            Arb.From(
                from days in Gen.ListOf(Gen.Choose(-1, 9).SelectMany(back => Gen.Choose(0, 4).Select(d => (back, d))))
                from seed in Gen.Choose(0, int.MaxValue)
                select (days.DistinctBy(d => d.back).ToList(), seed)),
            pair =>
            {
                var (days, seed) = pair;
                var history = days.Select(d => d.d == 0 ? Past(d.back) : Past(d.back, (A, d.d))).ToList();
                var random = new Random(seed);
                var shuffled = history.OrderBy(_ => random.Next()).ToList();

                return TrendOf(history) == TrendOf(shuffled);
            });

    private static PastReconciliation Past(int daysBack, params (Sku Sku, long Difference)[] findings) =>
        new(AsOf - Duration.FromDays(daysBack), [.. findings.Select(f => new PastFinding(f.Sku, Here, f.Difference))]);

    private static VarianceTrend? TrendOf(
        IEnumerable<PastReconciliation> history,
        TrendOptions? options = null,
        long difference = 5)
    {
        var report = Classify([ChannelRow(A, 100 + difference)], [WarehouseRow(A, 100)], []);

        return Assert.Single(new VarianceTrends(options ?? new TrendOptions(), DateTimeZone.Utc)
            .Apply(report, history).Findings).Trend;
    }
}
