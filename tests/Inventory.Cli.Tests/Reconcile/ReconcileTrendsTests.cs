using System.Text.Json;
using Inventory.Cli.Reconcile;
using Inventory.Cli.Replay;

namespace Inventory.Cli.Tests.Reconcile;

/// <summary>
/// Trends over earlier reports. The sample's report is as of 2 March; its findings are CANDLE-SM -4, KIT-GIFT 2,
/// MUG-WHT -1, SOCK-GRY 6 and TEE-BLK-M 1.
/// </summary>
public sealed class ReconcileTrendsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"reconcile-prev-{Guid.NewGuid():N}");

    public ReconcileTrendsTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Reconcile_Previous_ClassifiesEachFinding()
    {
        WriteHistory();

        var trends = await Trends("--previous", _directory);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CANDLE-SM"] = "recurring", ["KIT-GIFT"] = "one_off", ["MUG-WHT"] = "one_off",
                ["SOCK-GRY"] = "growing", ["TEE-BLK-M"] = "one_off",
            },
            trends);
    }

    [Fact]
    public async Task Reconcile_FixedAndRecurringDays_MoveTheClasses()
    {
        WriteHistory();

        var trends = await Trends(
            "--previous", _directory, "--fixed", "CANDLE-SM=2026-02-27", "--recurring-days", "2");

        Assert.Equal(
            ("resistant", "recurring", "one_off"), (trends["CANDLE-SM"], trends["KIT-GIFT"], trends["MUG-WHT"]));
    }

    [Fact]
    public async Task Reconcile_TrendDays_NarrowsTheWindow()
    {
        WriteHistory();

        // Two days (1 and 2 March) leave SOCK-GRY with the points 4 and 6: seen twice, too few to test a rise.
        var trends = await Trends("--previous", _directory, "--trend-days", "2", "--recurring-days", "2");

        Assert.Equal(
            ("recurring", "recurring", "one_off"), (trends["SOCK-GRY"], trends["CANDLE-SM"], trends["MUG-WHT"]));
    }

    [Fact]
    public async Task Reconcile_WithoutPrevious_LeavesTrendNullAndTextPlain()
    {
        var run = await RunSample("--format", "json");
        var text = await RunSample();

        Assert.All(
            JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").EnumerateArray(),
            f => Assert.Equal(JsonValueKind.Null, f.GetProperty("trend").ValueKind));
        Assert.Contains("SOCK-GRY @ Main Warehouse: channel 50, warehouse 44, difference 6\n", text.Output);
    }

    [Fact]
    public async Task Reconcile_OwnJsonReport_ReadsBackAsPrevious()
    {
        var run = await RunSample("--format", "json", "--as-of", "2026-03-01T06:00:00Z");
        File.WriteAllText(Path.Combine(_directory, "day.json"), run.Output);

        var past = PreviousReportReader.Read(Path.Combine(_directory, "day.json"));
        var trends = await Trends("--previous", _directory, "--recurring-days", "2");

        Assert.Equal(("2026-03-01T06:00:00Z", 5), (past.AsOf.ToString(), past.Findings.Count));
        Assert.Equal(-4, past.Findings.Single(f => f.Sku.Value == "CANDLE-SM").Difference);
        Assert.Equal("recurring", trends["CANDLE-SM"]);
    }

    [Theory]
    [InlineData("{\n  \"as_of\": \"2026-03-01T06:00:00Z\",\n  \"findings\": [\n", 4, "json")]
    [InlineData("{\n  \"findings\": []\n}", 1, "as_of")]
    [InlineData("{\n  \"as_of\": \"yesterday\"\n}", 2, "as_of")]
    [InlineData("[]", 1, "(root)")]
    [InlineData(Head + "    {\"sku\": \"A\", \"location\": \"L\"}\n  ]\n}", 4, "findings[0].difference")]
    [InlineData(Head + "    {\"sku\": \"A\", \"location\": \"L\", \"difference\": 1},\n    {\"sku\": \"A\",\n" +
        "     \"location\": \"L\", \"difference\": \"2\"}\n  ]\n}", 6, "findings[1].difference")]
    [InlineData(Head + "    {\"sku\": 7, \"location\": \"L\", \"difference\": 1}\n  ]\n}", 4, "findings[0].sku")]
    [InlineData(Head + "    3\n  ]\n}", 4, "findings[0]")]
    public async Task Reconcile_BadPreviousReport_ExitsTwoNamingFileLineAndField(string text, int line, string field)
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, text);

        var run = await RunSample("--previous", _directory);

        run.RequireInputError($"{path}:{line}: column {field}:");
    }

    [Theory]
    [InlineData("--previous", "/nonexistent/reports", "--previous: directory '/nonexistent/reports' does not exist.")]
    [InlineData("--fixed", "CANDLE-SM", "--fixed: 'CANDLE-SM' must be sku=yyyy-MM-dd.")]
    [InlineData("--fixed", "CANDLE-SM=27/02/2026", "--fixed: '27/02/2026' in 'CANDLE-SM=27/02/2026' is not a date")]
    [InlineData("--recurring-days", "9", "RecurringDays must be between 1 and WindowDays 7 (was 9).")]
    [InlineData("--trend-days", "0", "WindowDays must be at least 1 (was 0).")]
    public async Task Reconcile_BadTrendOption_ExitsTwoNamingIt(string option, string value, string expected)
    {
        var run = await RunSample(option, value);

        run.RequireInputError(expected);
    }

    [Fact]
    public async Task Reconcile_TwoPreviousReportsSameInstant_ExitsTwo()
    {
        File.WriteAllText(Path.Combine(_directory, "a.json"), Report("2026-03-01T06:00:00Z"));
        File.WriteAllText(Path.Combine(_directory, "b.json"), Report("2026-03-01T06:00:00Z"));

        var run = await RunSample("--previous", _directory);

        run.RequireInputError("Two earlier reports share the as-of 2026-03-01T06:00:00Z; keep one of them.");
    }

    private const string Head = "{\n  \"as_of\": \"2026-03-01T06:00:00Z\",\n  \"findings\": [\n";

    private void WriteHistory()
    {
        File.WriteAllText(
            Path.Combine(_directory, "27.json"),
            Report("2026-02-27T06:00:00Z", ("SOCK-GRY", 1), ("CANDLE-SM", -4)));
        File.WriteAllText(
            Path.Combine(_directory, "28.json"),
            Report("2026-02-28T06:00:00Z", ("SOCK-GRY", 2), ("CANDLE-SM", -4)));
        File.WriteAllText(
            Path.Combine(_directory, "01.json"),
            Report("2026-03-01T06:00:00Z", ("SOCK-GRY", 4), ("CANDLE-SM", -4), ("KIT-GIFT", 2)));
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "not a report");
    }

    private static string Report(string asOf, params (string Sku, long Difference)[] findings) =>
        JsonSerializer.Serialize(new
        {
            as_of = asOf,
            summary = new { rows_compared = 6 },
            findings = findings.Select(f => new
            {
                sku = f.Sku, location = "Main Warehouse", channel = 0, warehouse = 0, difference = f.Difference,
                parts = Array.Empty<object>(), trend = (string?)null,
            }),
        });

    private static async Task<Dictionary<string, string>> Trends(params string[] extra)
    {
        var run = await RunSample(["--format", "json", .. extra]);
        Assert.True(run.ExitCode is 0 or 1, run.Error);

        return JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("sku").GetString()!, f => f.GetProperty("trend").GetString()!);
    }

    private static Task<CliRun> RunSample(params string[] extra) => CliRun.RunAsync(
    [
        "reconcile",
        "--channel", RepositoryFiles.VarianceSample("channel.csv"),
        "--warehouse", RepositoryFiles.VarianceSample("warehouse.csv"),
        "--events", RepositoryFiles.VarianceSample("events.jsonl"),
        .. extra,
    ]);
}
