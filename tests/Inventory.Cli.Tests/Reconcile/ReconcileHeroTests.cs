using System.Text.Json;

namespace Inventory.Cli.Tests.Reconcile;

/// <summary>
/// Hero SKUs chosen on the command line. In the sample, SOCK-GRY differs by 6 on a warehouse count of 44, CAP-NVY
/// agrees at 25, and TEE-BLK-M, the best seller (7 units in the channel), differs by 1 on 116.
/// </summary>
public class ReconcileHeroTests
{
    [Theory]
    [InlineData(new[] { "--hero", "SOCK-GRY" }, new[] { "SOCK-GRY" }, 12.00)]
    [InlineData(new[] { "--hero", "SOCK-GRY", "--hero", "CAP-NVY" }, new[] { "CAP-NVY", "SOCK-GRY" }, 8.00)]
    [InlineData(new[] { "--hero-top", "1" }, new[] { "TEE-BLK-M" }, 0.85)]
    [InlineData(new[] { "--hero-top", "1", "--hero", "SOCK-GRY" }, new[] { "SOCK-GRY" }, 12.00)]
    [InlineData(new[] { "--hero-top", "0" }, new string[] { }, 0)]
    public async Task Reconcile_HeroOptions_ChooseTheHeroesOfTheSummary(
        string[] options, string[] heroes, decimal percent)
    {
        var run = await RunSample(["--format", "json", .. options]);

        var summary = JsonDocument.Parse(run.Output).RootElement.GetProperty("summary");
        Assert.Equal(heroes, summary.GetProperty("hero_skus").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(percent, summary.GetProperty("hero_discrepancy_percent").GetDecimal());
    }

    [Theory]
    [InlineData("--hero-top", "-1", "HeroTopCount must not be negative (was -1).")]
    [InlineData("--hero", " ", "--hero: ' ' is not a SKU (1 to 255 characters).")]
    [InlineData("--hero", "NOPE", "--hero: NOPE is in neither the channel nor the warehouse snapshot.")]
    public async Task Reconcile_BadHeroOption_ExitsTwoNamingIt(string option, string value, string expected)
    {
        var run = await RunSample(option, value);

        run.RequireInputError(expected);
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
