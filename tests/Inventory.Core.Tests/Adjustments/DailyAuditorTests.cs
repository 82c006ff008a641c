using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Core.Tests.Adjustments;

public sealed class DailyAuditorTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Theory]
    [InlineData("Europe/London", 2026, 3, 29, 23)]
    [InlineData("Europe/London", 2026, 10, 25, 25)]
    [InlineData("America/New_York", 2026, 3, 8, 23)]
    [InlineData("America/New_York", 2026, 11, 1, 25)]
    [InlineData("America/New_York", 2026, 6, 1, 24)]
    public void Report_DaylightSavingDay_SpansTheZonesHours(string zoneId, int year, int month, int day, int hours)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = new LocalDate(year, month, day);

        var report = new DailyAuditor(zone).Report([], date);

        Assert.Equal(Duration.FromHours(hours), report.Length);
        Assert.Equal(date.AtStartOfDayInZone(zone).ToInstant(), report.Start);
    }

    [Fact]
    public void Report_LondonSpringDay_CountsFromLocalMidnightToLocalMidnight()
    {
        // 2026-03-29: clocks go from 01:00 GMT to 02:00 BST; the day is 00:00 GMT to 23:00 UTC.
        var date = new LocalDate(2026, 3, 29);
        AuditedAdjustment[] log =
        [
            At(Instant.FromUtc(2026, 3, 28, 23, 59, 59), 1),
            At(Instant.FromUtc(2026, 3, 29, 0, 0), 2),
            At(Instant.FromUtc(2026, 3, 29, 22, 59, 59), 4),
            At(Instant.FromUtc(2026, 3, 29, 23, 0), 8),
        ];

        var report = new DailyAuditor(London).Report(log, date);

        Assert.Equal((2, 6L), (report.Count, report.NetUnits));
    }

    [Fact]
    public void Report_LondonAutumnDay_IncludesTheRepeatedHour()
    {
        // 2026-10-25: 01:00-02:00 local happens twice; the day runs 23:00 UTC (24th) to 00:00 UTC (26th).
        var date = new LocalDate(2026, 10, 25);
        AuditedAdjustment[] log =
        [
            At(Instant.FromUtc(2026, 10, 24, 22, 59), 1),
            At(Instant.FromUtc(2026, 10, 24, 23, 0), 2),
            At(Instant.FromUtc(2026, 10, 25, 0, 30), 4),
            At(Instant.FromUtc(2026, 10, 25, 1, 30), 8),
            At(Instant.FromUtc(2026, 10, 25, 23, 59), 16),
            At(Instant.FromUtc(2026, 10, 26, 0, 0), 32),
        ];

        var report = new DailyAuditor(London).Report(log, date);

        Assert.Equal((4, 30L), (report.Count, report.NetUnits));
    }

    [Fact]
    public void Report_NewYorkSpringAndAutumnDays_CountInLocalTime()
    {
        // 2026-03-08 is 05:00 UTC to 04:00 UTC next day; 2026-11-01 is 04:00 UTC to 05:00 UTC next day.
        AuditedAdjustment[] log =
        [
            At(Instant.FromUtc(2026, 3, 8, 4, 59), 1),
            At(Instant.FromUtc(2026, 3, 8, 5, 0), 2),
            At(Instant.FromUtc(2026, 3, 9, 3, 59), 4),
            At(Instant.FromUtc(2026, 3, 9, 4, 0), 8),
            At(Instant.FromUtc(2026, 11, 1, 3, 59), 16),
            At(Instant.FromUtc(2026, 11, 1, 4, 0), 32),
            At(Instant.FromUtc(2026, 11, 2, 4, 59), 64),
            At(Instant.FromUtc(2026, 11, 2, 5, 0), 128),
        ];
        var auditor = new DailyAuditor(NewYork);

        var spring = auditor.Report(log, new LocalDate(2026, 3, 8));
        var autumn = auditor.Report(log, new LocalDate(2026, 11, 1));

        Assert.Equal((2, 6L), (spring.Count, spring.NetUnits));
        Assert.Equal((2, 96L), (autumn.Count, autumn.NetUnits));
    }

    [Fact]
    public void Report_OperatorFarAboveOwnBaseline_IsFlaggedWithEvidence()
    {
        var day = new LocalDate(2026, 6, 10);
        var log = new List<AuditedAdjustment>();
        for (var d = 1; d <= 28; d++)
        {
            log.Add(At(Noon(day.PlusDays(-d)), 1, by: "bob"));
            var noon = Noon(day.PlusDays(-d));
            log.AddRange(Enumerable.Range(0, 5).Select(i => At(noon, 1, by: "carol", sku: $"C{i}")));
        }

        foreach (var who in new[] { "bob", "carol" })
        {
            log.AddRange(
                Enumerable.Range(0, 12).Select(i => At(Noon(day) + Duration.FromMinutes(i), 1, who, $"{who}{i}")));
        }

        var flags = Flags(new DailyAuditor(London).Report(log, day), AuditFlagKind.OperatorAboveBaseline);

        var flag = Assert.Single(flags);
        Assert.Equal("bob", flag.Subject);
        Assert.Equal(
            "12 adjustments today against a baseline of 1 a day over the 28 days before (flagged above 3x).",
            flag.Evidence);
    }

    [Fact]
    public void Report_SameSkuAdjustedRepeatedlyWithinTheWindow_IsFlagged()
    {
        var day = new LocalDate(2026, 6, 10);
        var morning = Noon(day) - Duration.FromHours(3);
        AuditedAdjustment[] log =
        [
            At(morning, 1, sku: "R"),
            At(morning + Duration.FromHours(1), 2, sku: "R"),
            At(morning + Duration.FromHours(7), 3, sku: "R"),
            At(morning, 1, sku: "Q"),
            At(morning + Duration.FromHours(9), 1, sku: "Q"),
            At(morning + Duration.FromHours(10), 1, sku: "Q"),
        ];

        var report = new DailyAuditor(London).Report(log, day);

        var flag = Assert.Single(Flags(report, AuditFlagKind.RepeatedSku));

        Assert.Equal("R", flag.Subject);
        Assert.Equal("3 adjustments between 09:00 and 16:00 (flagged at 3 within 8h).", flag.Evidence);
    }

    [Fact]
    public void Report_UpThenDownWithinTheWindow_IsFlagged()
    {
        var day = new LocalDate(2026, 6, 10);
        AuditedAdjustment[] log =
        [
            At(Noon(day), 12, sku: "F"),
            At(Noon(day) + Duration.FromMinutes(30), -12, sku: "F"),
            At(Noon(day), -3, sku: "G"),
            At(Noon(day) + Duration.FromHours(5), 3, sku: "G"),
            At(Noon(day), 5, sku: "H"),
            At(Noon(day) + Duration.FromHours(1), 5, sku: "H"),
        ];

        var flag = Assert.Single(Flags(new DailyAuditor(London).Report(log, day), AuditFlagKind.Flip));

        Assert.Equal(("F", "1 reversal(s) within 4h: +12 at 12:00 then -12 at 12:30."), (flag.Subject, flag.Evidence));
    }

    [Fact]
    public void Report_OutsideWorkingHoursInTheZone_IsFlaggedPerOperator()
    {
        var day = new LocalDate(2026, 6, 10);
        AuditedAdjustment[] log =
        [
            At(Instant.FromUtc(2026, 6, 10, 5, 59), 1, by: "night"), // 06:59 BST: outside
            At(Instant.FromUtc(2026, 6, 10, 6, 0), 1, by: "early"), // 07:00 BST: inside
            At(Instant.FromUtc(2026, 6, 10, 17, 59), 1, by: "late"), // 18:59 BST: inside
            At(Instant.FromUtc(2026, 6, 10, 18, 0), -2, by: "night"), // 19:00 BST: outside
        ];

        var report = new DailyAuditor(London).Report(log, day);

        var flag = Assert.Single(Flags(report, AuditFlagKind.OutsideWorkingHours));
        Assert.Equal(
            ("night", "2 adjustment(s) outside 07:00-19:00: 06:59 A +1; 19:00 A -2."), (flag.Subject, flag.Evidence));
    }

    [Fact]
    public void Report_MagnitudeAboveTheThreshold_IsFlagged()
    {
        var day = new LocalDate(2026, 6, 10);
        AuditedAdjustment[] log = [At(Noon(day), 100, sku: "OK"), At(Noon(day), -101, sku: "BIG", reason: null)];

        var report = new DailyAuditor(London).Report(log, day);

        var flag = Assert.Single(Flags(report, AuditFlagKind.LargeMagnitude));

        Assert.Equal(
            ("BIG", "-101 units at 12:00 by alice, reason (none) (flagged above 100)."), (flag.Subject, flag.Evidence));
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Report_ShareOfOtherOrNoReason_IsFlaggedAboveTheThreshold(int unexplained, bool flagged)
    {
        var day = new LocalDate(2026, 6, 10);
        var log = Enumerable.Range(0, 12)
            .Select(i => At(Noon(day), 1, sku: $"S{i}", reason: ReasonFor(i, unexplained)))
            .ToList();

        var flags = Flags(new DailyAuditor(London).Report(log, day), AuditFlagKind.UnexplainedShare);

        Assert.Equal(flagged, flags.Count == 1);
        if (flagged)
        {
            Assert.Equal(
                "4 of 12 adjustments (33.3%) have reason 'other' or none (flagged above 25%).", flags[0].Evidence);
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblemTogether()
    {
        var options = new DailyAuditOptions
        {
            BaselineDays = 0,
            RepeatCount = 1,
            UnexplainedSharePercent = 101,
            WorkdayEnd = new LocalTime(6, 0),
        };

        var error = Assert.Throws<AdjustmentPolicyException>(() => new DailyAuditor(London, options));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("BaselineDays must be 1 or more (was 0).", error.Problems);
    }

    private static string? ReasonFor(int index, int unexplained) =>
        index >= unexplained ? "correction" : index % 2 == 0 ? null : "other";

    private static List<AuditFlag> Flags(DailyReport report, AuditFlagKind kind) =>
        report.Flags.Where(f => f.Kind == kind).ToList();

    private static Instant Noon(LocalDate date) => date.At(new LocalTime(12, 0)).InZoneStrictly(London).ToInstant();

    private static AuditedAdjustment At(
        Instant at, long quantity, string by = "alice", string sku = "A", string? reason = "correction") =>
        new(sku, quantity, reason, by, at);
}
