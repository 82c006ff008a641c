using System.Text.Json;

namespace Inventory.Cli.Tests.Reconcile;

public class ReconcileCommandTests
{
    [Fact]
    public async Task Reconcile_Sample_ExplainsEachCauseAndExitsWithAlert()
    {
        var run = await RunSample("--format", "json");

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(6, root.GetProperty("summary").GetProperty("rows_compared").GetInt32());
        Assert.Equal(14, root.GetProperty("summary").GetProperty("discrepancy_units").GetInt64());
        var tee = root.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("sku").GetString() == "TEE-BLK-M");
        Assert.Equal(
            new[] { ("sync_timing", -3L), ("sync_race", 4L) },
            tee.GetProperty("parts").EnumerateArray()
                .Select(p => (p.GetProperty("cause").GetString()!, p.GetProperty("units").GetInt64())));
        Assert.Equal(3, root.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task Reconcile_WithinTolerance_ExitsZero()
    {
        var run = await RunSample(
            "--tolerance-units", "6", "--threshold", "hero_discrepancy_percent=3",
            "--threshold", "adjustments_per_1000_shipped=200");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("ALERT", run.Output);
        Assert.Contains("rows compared: 6, within tolerance: 6", run.Output);
    }

    [Fact]
    public async Task Reconcile_BadEventLine_ExitsTwoNamingFileAndLine()
    {
        using var events = new TempText("{\"type\":\"order\",\"id\":\"x\"}\n");

        var run = await CliRun.RunAsync(
            "reconcile", "--channel", RepositoryFiles.VarianceSample("channel.csv"),
            "--warehouse", RepositoryFiles.VarianceSample("warehouse.csv"), "--events", events.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{events.Path}:1: column system", run.Error);
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
