using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Core.Tests.Adjustments;

public sealed class WeeklyReviewerTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Fact]
    public void Review_IsoWeeks_SumsByReasonRootCauseOperatorAndSkuWithTrend()
    {
        // Mon 2026-03-02 .. Sun 2026-03-08 is 2026-W10; Sunday 23:30 local still belongs to it.
        AuditedAdjustment[] log =
        [
            new("A", -5, "damaged", "bob", Local(2026, 3, 2, 9)),
            new("A", 2, "correction", "bob", Local(2026, 3, 4, 9)),
            new("B", -1, null, "carol", Local(2026, 3, 8, 23, 30)),
            new("B", 7, "received", null, Local(2026, 3, 9, 0, 30)),
            new("C", -4, "other", "carol", Local(2026, 3, 24, 10)),
        ];

        var weeks = new WeeklyReviewer(London).Review(log);

        Assert.Equal(["2026-W10", "2026-W11", "2026-W12", "2026-W13"], weeks.Select(w => w.Week));
        var first = weeks[0];
        Assert.Equal((3, -4L, 1), (first.Count, first.NetUnits, first.WithoutReason));
        Assert.Equal(
            [new Tally("(none)", 1, -1), new Tally("correction", 1, 2), new Tally("damaged", 1, -5)], first.ByReason);
        Assert.Equal(
            [
                new Tally("ReturnsNotFlowing", 1, -5), new Tally("SyncRaces", 1, 2),
                new Tally("UnloggedAdjustments", 1, -1),
            ],
            first.ByRootCause);
        Assert.Equal([new Tally("bob", 2, -3), new Tally("carol", 1, -1)], first.ByOperator);
        Assert.Equal([new Tally("A", 2, -3), new Tally("B", 1, -1)], first.BySku);
        Assert.Equal((null, null), (first.CountChange, first.NetUnitsChange));
        Assert.Equal((-2, (long?)11), (weeks[1].CountChange, weeks[1].NetUnitsChange));
        Assert.Equal((0, 0L, -1), (weeks[2].Count, weeks[2].NetUnits, weeks[2].CountChange));
        Assert.Equal(new Tally("None", 1, 7), Assert.Single(weeks[1].ByRootCause));
        Assert.Equal(new Tally("(unknown)", 1, 7), Assert.Single(weeks[1].ByOperator));
    }

    [Theory]
    [InlineData(new[] { long.MaxValue, 1, -1 })]
    [InlineData(new[] { 1, long.MaxValue, -1 })]
    [InlineData(new[] { -1, 1, long.MaxValue })]
    public void Review_UnitsNearTheLimitInAnyOrder_GiveTheSameNet(long[] quantities)
    {
        AuditedAdjustment[] log =
        [
            .. quantities.Select((units, i) => new AuditedAdjustment("A", units, "count", "bob", Local(2026, 3, 2, i))),
        ];

        var week = Assert.Single(new WeeklyReviewer(London).Review(log));

        Assert.Equal(long.MaxValue, week.NetUnits);
        Assert.Equal(new Tally("A", 3, long.MaxValue), Assert.Single(week.BySku));
    }

    [Fact]
    public void Review_NetBeyond64Bits_IsRefused()
    {
        AuditedAdjustment[] log =
        [
            new("A", long.MaxValue, "count", "bob", Local(2026, 3, 2, 9)),
            new("A", 1, "count", "bob", Local(2026, 3, 2, 10)),
        ];

        Assert.Throws<OverflowException>(() => new WeeklyReviewer(London).Review(log));
    }

    [Fact]
    public void Review_WeekStartingSunday_CutsAtSundayMidnight()
    {
        AuditedAdjustment[] log =
        [
            new("A", 1, "correction", "bob", Local(2026, 3, 7, 23)),
            new("A", 1, "correction", "bob", Local(2026, 3, 8, 1)),
        ];
        var options = new WeeklyReviewOptions { WeekStart = IsoDayOfWeek.Sunday };

        var weeks = new WeeklyReviewer(London, options).Review(log);

        Assert.Equal(["week of 2026-03-01", "week of 2026-03-08"], weeks.Select(w => w.Week));
        Assert.Equal([1, 1], weeks.Select(w => w.Count));
    }

    [Fact]
    public void Review_IsoWeekAcrossTheYearEnd_TakesTheIsoWeekYear()
    {
        AuditedAdjustment[] log = [new("A", 1, "correction", "bob", Local(2027, 1, 1, 12))];

        var week = Assert.Single(new WeeklyReviewer(London).Review(log));

        Assert.Equal(("2026-W53", new LocalDate(2026, 12, 28)), (week.Week, week.Start));
    }

    [Fact]
    public void CauseOf_IntegratorMapping_OverridesTheDefaultAndUnlistedCodesAreUnlogged()
    {
        var options = new WeeklyReviewOptions();
        options.RootCauses["kit_fix"] = RootCause.BundleMismodelling;
        var reviewer = new WeeklyReviewer(London, options);

        Assert.Equal(RootCause.BundleMismodelling, reviewer.CauseOf("kit_fix"));
        Assert.Equal(RootCause.UnloggedAdjustments, reviewer.CauseOf("mystery"));
        Assert.Equal(RootCause.UnloggedAdjustments, reviewer.CauseOf(null));
        Assert.Equal(RootCause.SyncRaces, reviewer.CauseOf("cycle_count_available"));
    }

    private static Instant Local(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(London).ToInstant();
}
