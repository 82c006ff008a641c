using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Core.Tests.Adjustments;

/// <summary>
/// The daily report and the weekly review at the first and last dates of NodaTime's ISO calendar
/// (-9998-01-01 and 9999-12-31), where a day or a week can begin or end outside the instants it represents.
/// </summary>
public sealed class CalendarEdgeTests
{
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static TheoryData<string, bool> EdgeDates => new()
    {
        { "UTC", true }, { "UTC", false },
        { "Asia/Tokyo", true }, { "Asia/Tokyo", false },
        { "America/New_York", true }, { "America/New_York", false },
    };

    [Theory]
    [MemberData(nameof(EdgeDates))]
    public void Report_CalendarsFirstOrLastDate_RefusedNamingTheDateAndTheRange(string zoneId, bool last)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = last ? LocalDate.MaxIsoValue : LocalDate.MinIsoValue;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DailyAuditor(zone).Report([], date));

        Assert.Equal("date", error.ParamName);
        Assert.Equal(date, error.ActualValue);
        Assert.StartsWith(
            "The daily report covers the dates from -9998-01-02 to 9999-12-30 (was "
            + (last ? "9999-12-31" : "-9998-01-01") + ")",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/New_York")]
    public void Report_DayBeforeTheCalendarsLastDate_CountsTheWholeLocalDay(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = LocalDate.MaxIsoValue.PlusDays(-1);
        var start = date.AtStartOfDayInZone(zone).ToInstant();
        var end = LocalDate.MaxIsoValue.AtStartOfDayInZone(zone).ToInstant();
        AuditedAdjustment[] log =
        [
            At(start - Duration.Epsilon, 1), At(start, 2), At(end - Duration.Epsilon, 4), At(end, 8),
            At(Instant.MaxValue, 16),
        ];

        var report = new DailyAuditor(zone).Report(log, date);

        Assert.Equal((start, end, Duration.FromHours(24)), (report.Start, report.End, report.Length));
        Assert.Equal((2, 6L), (report.Count, report.NetUnits));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/New_York")]
    public void Report_SecondDateOfTheCalendar_TakesTheBaselineFromTheCalendarsStart(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = LocalDate.MinIsoValue.PlusDays(1);
        var start = date.AtStartOfDayInZone(zone).ToInstant();
        var options = new DailyAuditOptions { OperatorMinimum = 1, OperatorRateFactor = 28, BaselineDays = 28 };
        AuditedAdjustment[] log =
        [
            At(Instant.MinValue, 1, by: "bob"),
            At(start, 1, by: "alice"), At(start + Duration.FromHours(1), 1, by: "bob"),
        ];

        var report = new DailyAuditor(zone, options).Report(log, date);

        Assert.Equal((start, 2), (report.Start, report.Count));
        var flag = Assert.Single(report.Flags, f => f.Kind == AuditFlagKind.OperatorAboveBaseline);
        Assert.Equal("alice", flag.Subject);
        Assert.Equal(
            "1 adjustments today against a baseline of 0 a day over the 28 days before (flagged above 28x).",
            flag.Evidence);
    }

    [Fact]
    public void Report_BaselineLongerThanTheCalendar_CountsEveryEarlierAdjustment()
    {
        var date = new LocalDate(2026, 3, 2);
        var start = date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var options = new DailyAuditOptions
        {
            OperatorMinimum = 1, OperatorRateFactor = int.MaxValue, BaselineDays = int.MaxValue,
        };
        AuditedAdjustment[] log =
        [
            At(Instant.MinValue, 1, by: "bob"), At(start, 1, by: "bob"), At(start, 1, by: "alice"),
        ];

        var report = new DailyAuditor(DateTimeZone.Utc, options).Report(log, date);

        Assert.Equal(2, report.Count);
        Assert.Equal(
            ["alice"], report.Flags.Where(f => f.Kind == AuditFlagKind.OperatorAboveBaseline).Select(f => f.Subject));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    public void Review_AdjustmentOnTheCalendarsLastDate_EndsWithThatDatesWeek(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var lastDay = LocalDate.MaxIsoValue.AtStartOfDayInZone(zone).ToInstant();
        AuditedAdjustment[] log = [At(lastDay - Duration.FromDays(7), -3), At(Instant.MaxValue, 5)];

        var weeks = new WeeklyReviewer(zone).Review(log);

        Assert.Equal(
            [("9999-W51", new LocalDate(9999, 12, 20), 1, -3L), ("9999-W52", new LocalDate(9999, 12, 27), 1, 5L)],
            weeks.Select(w => (w.Week, w.Start, w.Count, w.NetUnits)));
        Assert.Equal(8L, weeks[1].NetUnitsChange);
    }

    [Theory]
    [InlineData(IsoDayOfWeek.Monday, "-9998-W01", "-9998-W02")]
    [InlineData(IsoDayOfWeek.Sunday, "week of -9998-01-01", "week of -9998-01-06")]
    public void Review_AdjustmentOnTheCalendarsFirstDate_StartsItsWeekOnThatDate(
        IsoDayOfWeek weekStart, string firstName, string secondName)
    {
        // -9998-01-01 is a Tuesday: the week that holds it starts before the calendar does.
        var reviewer = new WeeklyReviewer(DateTimeZone.Utc, new WeeklyReviewOptions { WeekStart = weekStart });
        var secondStart = reviewer.WeekOf(LocalDate.MinIsoValue.PlusDays(7));
        AuditedAdjustment[] log = [At(Instant.MinValue, 2), At(Instant.MinValue + Duration.FromDays(7), 3)];

        var weeks = reviewer.Review(log);

        Assert.Equal(
            [(firstName, LocalDate.MinIsoValue, 1, 2L), (secondName, secondStart, 1, 3L)],
            weeks.Select(w => (w.Week, w.Start, w.Count, w.NetUnits)));
        Assert.Equal(LocalDate.MinIsoValue.PlusDays(weekStart == IsoDayOfWeek.Monday ? 6 : 5), secondStart);
    }

    [Fact]
    public void WeekOf_DateInTheCalendarsFirstWeek_ReturnsTheCalendarsFirstDate()
    {
        var reviewer = new WeeklyReviewer(DateTimeZone.Utc);

        Assert.Equal(LocalDate.MinIsoValue, reviewer.WeekOf(LocalDate.MinIsoValue));
        Assert.Equal(LocalDate.MinIsoValue, reviewer.WeekOf(LocalDate.MinIsoValue.PlusDays(4)));
        Assert.Equal(LocalDate.MinIsoValue.PlusDays(6), reviewer.WeekOf(LocalDate.MinIsoValue.PlusDays(6)));
        Assert.Equal(new LocalDate(9999, 12, 27), reviewer.WeekOf(LocalDate.MaxIsoValue));
    }

    [Theory]
    [InlineData("Asia/Tokyo", true)]
    [InlineData("America/New_York", false)]
    public void Review_InstantWhoseLocalDateIsOutsideTheCalendar_RefusedNamingTheInstantAndZone(
        string zoneId, bool last)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var at = last ? Instant.MaxValue : Instant.MinValue;
        AuditedAdjustment[] log = [At(Instant.FromUtc(2026, 3, 2, 12, 0), 1), At(at, 1, sku: "EDGE")];

        var error = Assert.Throws<ArgumentException>(() => new WeeklyReviewer(zone).Review(log));

        Assert.Equal("adjustments", error.ParamName);
        Assert.StartsWith(
            $"The adjustment of EDGE at {at} falls on a local date outside the calendar in {zoneId}",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Review_InstantsAtTheEdgesOfTheInstantRange_PlacedWhereTheirLocalDateExists()
    {
        AuditedAdjustment[] log = [At(Instant.MinValue, 1), At(Instant.MaxValue, 1)];

        var tokyoFirst = new WeeklyReviewer(Tokyo).Review([log[0]]);
        var newYorkLast = new WeeklyReviewer(NewYork).Review([log[1]]);

        Assert.Equal(("-9998-W01", LocalDate.MinIsoValue), (tokyoFirst[0].Week, tokyoFirst[0].Start));
        Assert.Equal(("9999-W52", new LocalDate(9999, 12, 27)), (newYorkLast[0].Week, newYorkLast[0].Start));
    }

    private static AuditedAdjustment At(Instant at, long quantity, string by = "alice", string sku = "A") =>
        new(sku, quantity, "correction", by, at);
}
