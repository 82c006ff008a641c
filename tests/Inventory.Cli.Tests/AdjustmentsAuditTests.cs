using System.Globalization;
using System.Text.Json;

namespace Inventory.Cli.Tests;

/// <summary><c>inventory adjustments audit</c> on the shipped first month and on plain adjustment files.</summary>
public sealed class AdjustmentsAuditTests
{
    private const string PlainHeader = "sku,location,quantity,reason,operator,instant,note";

    private static readonly Lazy<Task<JsonElement>> FirstMonth = new(() => AuditJsonAsync(RepositoryFiles.FirstMonth));

    [Fact]
    public async Task Audit_FirstMonth_WeeklyCountsMatchAnIndependentCount()
    {
        var report = await FirstMonth.Value;
        var expected = AdjustmentWeeks.Count(RepositoryFiles.FirstMonth);

        var weeks = report.GetProperty("weeks").EnumerateArray()
            .ToDictionary(
                w => w.GetProperty("week").GetString()!,
                w => (w.GetProperty("count").GetInt32(), w.GetProperty("netUnits").GetInt64()));

        Assert.Equal(["2010-W48", "2010-W49", "2010-W50", "2010-W51"], weeks.Keys);
        Assert.Equal(expected, new SortedDictionary<string, (int, long)>(weeks, StringComparer.Ordinal));
        Assert.Equal(270, report.GetProperty("adjustments").GetInt32());
    }

    [Fact]
    public async Task Audit_FirstMonth_EveryWeekSplitsItsCountByReasonAndByRootCause()
    {
        var report = await FirstMonth.Value;

        foreach (var week in report.GetProperty("weeks").EnumerateArray())
        {
            var count = week.GetProperty("count").GetInt32();
            Assert.Equal(count, Sum(week, "byReason"));
            Assert.Equal(count, Sum(week, "byRootCause"));
            var none = week.GetProperty("byReason").EnumerateArray()
                .Where(t => t.GetProperty("reason").GetString() == "(none)")
                .Sum(t => t.GetProperty("count").GetInt32());
            Assert.Equal(none, week.GetProperty("withoutReason").GetInt32());
        }
    }

    [Fact]
    public async Task Audit_FirstMonth_DaysRunInLondonTimeAndAddUpToTheTotal()
    {
        var report = await FirstMonth.Value;

        var days = report.GetProperty("days").EnumerateArray().ToList();

        Assert.Equal("Europe/London", report.GetProperty("zone").GetString());
        Assert.Equal("2010-12-01", days[0].GetProperty("date").GetString());
        Assert.Equal(270, days.Sum(d => d.GetProperty("count").GetInt32()));
        var third = days.Single(d => d.GetProperty("date").GetString() == "2010-12-03");
        Assert.Equal((33, -1078L), (third.GetProperty("count").GetInt32(), third.GetProperty("units").GetInt64()));
        Assert.Contains(
            third.GetProperty("flags").EnumerateArray(),
            f => f.GetProperty("kind").GetString() == "largeMagnitude"
                && f.GetProperty("subject").GetString() == "21696");
    }

    [Fact]
    public async Task Audit_FromTo_ReportsOnlyThoseDaysAndWeeks()
    {
        var report = await AuditJsonAsync(RepositoryFiles.FirstMonth, "--from", "2010-12-06", "--to", "2010-12-12");
        var expected = AdjustmentWeeks.Count(RepositoryFiles.FirstMonth)["2010-W49"];

        var week = Assert.Single(report.GetProperty("weeks").EnumerateArray());

        Assert.Equal(7, report.GetProperty("days").GetArrayLength());
        Assert.Equal(expected.Count, week.GetProperty("count").GetInt32());
        Assert.Equal(expected.Units, week.GetProperty("netUnits").GetInt64());
    }

    [Fact]
    public async Task Audit_PlainFileInNewYork_FlagsAndReviewsInThatZone()
    {
        using var file = Plain(
            "A,W1,-5,shrinkage,bob,2026-03-08T06:30:00Z,",
            "A,W1,5,correction,bob,2026-03-08T07:00:00Z,put back",
            "B,W1,-250,wet damaged,carol,2026-03-08 12:00,legacy text",
            "C,W1,3,,carol,2026-03-09T15:00:00-04:00,");

        var report = await AuditJsonAsync(file.Path, "--zone", "America/New_York");

        var days = report.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2026-03-08", "2026-03-09"], days.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal((23, 3), (days[0].GetProperty("hours").GetInt32(), days[0].GetProperty("count").GetInt32()));
        var kinds = days[0].GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString());
        Assert.Equal(["flip", "outsideWorkingHours", "largeMagnitude"], kinds);
        var weeks = report.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(["2026-W10", "2026-W11"], weeks.Select(w => w.GetProperty("week").GetString()));
        Assert.Equal([0, 1], weeks.Select(w => w.GetProperty("withoutReason").GetInt32()));
        var reasons = weeks[0].GetProperty("byReason").EnumerateArray()
            .Select(t => t.GetProperty("reason").GetString());
        Assert.Equal(["correction", "damaged", "shrinkage"], reasons);
    }

    [Fact]
    public async Task Audit_PlainFileWithABadQuantity_FailsNamingFileLineColumnAndValue()
    {
        using var file = Plain(
            "A,W1,-5,shrinkage,bob,2026-03-08T06:30:00Z,", "A,W1,five,shrinkage,bob,2026-03-08T07:00:00Z,");

        var run = await CliRun.RunAsync("adjustments", "audit", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            $"{Path.GetFileName(file.Path)}:3: column quantity: not a non-zero whole number of units (value 'five')",
            run.Error,
            StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Audit_PlainFileWithABadInstant_FailsNamingTheValue()
    {
        using var file = Plain("A,W1,-5,shrinkage,bob,yesterday,");

        var run = await CliRun.RunAsync("adjustments", "audit", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(":2: column instant:", run.Error, StringComparison.Ordinal);
        Assert.Contains("(value 'yesterday')", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_PlainFileWithABlankSku_FailsNamingTheLine()
    {
        using var file = Plain(
            "A,W1,-5,shrinkage,bob,2026-03-08T06:30:00Z,", " ,W1,-5,shrinkage,bob,2026-03-08T06:30:00Z,");

        var run = await CliRun.RunAsync("adjustments", "audit", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(":3: column sku: a SKU must not be blank", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_PlainFileWithoutAColumn_FailsNamingIt()
    {
        using var file = TempCsv.Raw("sku,location,quantity,reason,instant,note\nA,W1,1,x,2026-03-08T06:30:00Z,\n");

        var run = await CliRun.RunAsync("adjustments", "audit", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            ":1: column operator: the header lacks required column(s)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ToBeforeFrom_IsAUsageError()
    {
        var run = await CliRun.RunAsync(
            "adjustments", "audit", RepositoryFiles.FirstMonth, "--from", "2010-12-09", "--to", "2010-12-08");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to (2010-12-08) is before --from (2010-12-09).", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--zone", "Mars/Olympus", "--zone takes an IANA time zone id")]
    [InlineData("--from", "2010-13-01", "--from takes a date as yyyy-MM-dd")]
    [InlineData("--to", "9999-12-31", "--to takes a date in the years 2 to 9998, as the adjustments read (was '9999")]
    [InlineData("--from", "0001-01-01", "--from takes a date in the years 2 to 9998, as the adjustments read (was '0")]
    public async Task Audit_BadOption_IsAUsageError(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("adjustments", "audit", RepositoryFiles.FirstMonth, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TextFormat_ListsFlaggedDaysAndEveryWeek()
    {
        var run = await CliRun.RunAsync("adjustments", "audit", RepositoryFiles.FirstMonth);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "Adjustments audit of online_retail_2010-12.csv: 270 adjustments, zone Europe/London.",
            run.Output,
            StringComparison.Ordinal);
        Assert.Contains("  2010-W49: 139 adjustments", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TextFormat_NamesRootCausesAsTheJsonDoes()
    {
        var text = await CliRun.RunAsync("adjustments", "audit", RepositoryFiles.FirstMonth);
        var json = await AuditJsonAsync(RepositoryFiles.FirstMonth);

        foreach (var week in json.GetProperty("weeks").EnumerateArray())
        {
            var causes = week.GetProperty("byRootCause").EnumerateArray().Select(t => string.Create(
                CultureInfo.InvariantCulture,
                $"{t.GetProperty("rootCause").GetString()} {t.GetProperty("count").GetInt32()} "
                + $"({t.GetProperty("netUnits").GetInt64():+#;-#;0})"));
            Assert.Contains(
                "    by root cause: " + string.Join(", ", causes) + "\n", text.Output, StringComparison.Ordinal);
        }

        Assert.Contains("unloggedAdjustments", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TextFormat_CountsOneAdjustmentInTheSingular()
    {
        using var csv = Plain("A,W1,-5,damaged,alice,2026-03-02T10:00:00Z,");

        var run = await CliRun.RunAsync("adjustments", "audit", csv.Path);

        Assert.Contains(
            $"{Path.GetFileName(csv.Path)}: 1 adjustment, zone UTC.", run.Output, StringComparison.Ordinal);
        Assert.Contains(": 1 adjustment, -5 units, 0 without reason", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1 adjustments", run.Output, StringComparison.Ordinal);
    }

    private static int Sum(JsonElement week, string tallies) =>
        week.GetProperty(tallies).EnumerateArray().Sum(t => t.GetProperty("count").GetInt32());

    private static TempCsv Plain(params string[] rows) =>
        TempCsv.Raw(PlainHeader + "\n" + string.Join("\n", rows) + "\n");

    private static async Task<JsonElement> AuditJsonAsync(string path, params string[] extra)
    {
        var run = await CliRun.RunAsync(["adjustments", "audit", path, "--format", "json", .. extra]);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");

        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
