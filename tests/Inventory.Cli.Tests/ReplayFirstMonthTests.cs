using System.Text.Json;

namespace Inventory.Cli.Tests;

/// <summary>The shipped first month (December 2010) replayed in-process through the real command.</summary>
public sealed class ReplayFirstMonthTests
{
    private static readonly Lazy<Task<JsonElement>> Report =
        new(() => CliRun.ReplayJsonAsync(RepositoryFiles.FirstMonth));

    private static readonly Lazy<IndependentRecount> Recount =
        new(() => new IndependentRecount(RepositoryFiles.FirstMonth));

    [Fact]
    public async Task Replay_FirstMonthAutoOpening_ReadsEveryRowAndRefusesNothing()
    {
        var report = await Report.Value;

        Assert.Equal(42_481, report.GetProperty("rows").GetInt64());
        Assert.Equal(0, report.GetProperty("badRows").GetInt64());
        Assert.Equal(0, report.GetProperty("rejectedLines").GetInt64());
        Assert.Equal(0, report.GetProperty("rejectedAdjustments").GetInt64());
        Assert.Equal(0, report.GetProperty("oversells").GetInt64());
        Assert.Equal(report.GetProperty("unitsOrdered").GetInt64(), report.GetProperty("unitsFulfilled").GetInt64());
    }

    [Fact]
    public async Task Replay_FirstMonth_ClosingStockFollowsFromTheFlows()
    {
        var report = await Report.Value;
        long Field(string name) => report.GetProperty(name).GetInt64();

        var expected = Field("openingUnits") - Field("unitsFulfilled") + Field("unitsReturned")
            + Field("adjustmentUnitsIn") - Field("adjustmentUnitsOut");

        Assert.Equal(expected, Field("closingUnits"));
        Assert.True(Field("closingUnits") > 0);
    }

    [Fact]
    public async Task Replay_FirstMonth_EveryRowLandsInExactlyOneCategory()
    {
        var report = await Report.Value;
        long Field(string name) => report.GetProperty(name).GetInt64();
        var byReason = report.GetProperty("skippedByReason").EnumerateObject().Sum(p => p.Value.GetInt64());

        Assert.Equal(Field("rows"), Field("skippedLines") + Field("saleLines") + Field("returnLines")
            + Field("adjustmentLines") + Field("badRows"));
        Assert.Equal(Field("skippedLines"), byReason);
    }

    [Theory]
    [InlineData("skippedLines")]
    [InlineData("saleLines")]
    [InlineData("orders")]
    [InlineData("unitsOrdered")]
    [InlineData("returnLines")]
    [InlineData("unitsReturned")]
    [InlineData("adjustmentLines")]
    [InlineData("adjustmentUnitsIn")]
    [InlineData("adjustmentUnitsOut")]
    [InlineData("adjustmentsWithoutReason")]
    [InlineData("openingUnits")]
    public async Task Replay_FirstMonth_AgreesWithAnIndependentRecount(string field)
    {
        var report = await Report.Value;
        var recount = Recount.Value;
        var expected = field switch
        {
            "skippedLines" => recount.SkippedLines,
            "saleLines" => recount.SaleLines,
            "orders" => recount.Orders,
            "unitsOrdered" => recount.UnitsOrdered,
            "returnLines" => recount.ReturnLines,
            "unitsReturned" => recount.UnitsReturned,
            "adjustmentLines" => recount.AdjustmentLines,
            "adjustmentUnitsIn" => recount.AdjustmentUnitsIn,
            "adjustmentUnitsOut" => recount.AdjustmentUnitsOut,
            "adjustmentsWithoutReason" => recount.AdjustmentsWithoutReason,
            _ => recount.OpeningUnits,
        };

        Assert.Equal(expected, report.GetProperty(field).GetInt64());
    }

    [Fact]
    public void IndependentRecount_FirstMonth_SeesTheShippedRowCount()
    {
        Assert.Equal(42_481, Recount.Value.Rows);
    }

    [Fact]
    public async Task Replay_FirstMonthAsText_PrintsTheSameFigures()
    {
        var report = await Report.Value;

        var run = await CliRun.RunAsync("replay", RepositoryFiles.FirstMonth);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("42,481", run.Output, StringComparison.Ordinal);
        var closing = report.GetProperty("closingUnits").GetInt64()
            .ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($@"Closing units \(read from the store\)\s+{closing}\n", run.Output.Replace("\r", ""));
    }
}
