using System.Text.Json;

namespace Inventory.Cli.Tests;

/// <summary>
/// Figures past the 64-bit or decimal range, the calendar's ends and rows short of fields are input errors
/// (exit 2, nothing on standard output, a message naming the input), never a crash with a stack trace.
/// </summary>
public class FigureRangeTests
{
    private const string Adjustments = "sku,location,quantity,reason,operator,instant,note\n";
    private const string Bom = "parent,child,quantity\nKIT,A,2\nKIT,B,1\n";

    [Fact]
    public async Task Audit_OneDaySummingPastTheLongRange_ExitsWithInputErrorNamingTheFile()
    {
        using var csv = TempCsv.Raw(Adjustments
            + "A,W1,9223372036854775807,damaged,alice,2026-03-02T10:00:00Z,\n"
            + "A,W1,9223372036854775807,damaged,alice,2026-03-02T11:00:00Z,\n");

        var run = await CliRun.RunAsync("adjustments", "audit", csv.Path);

        run.RequireInputError(
            Path.GetFileName(csv.Path) + ": the adjustments of one day or week sum past the 64-bit range");
    }

    [Fact]
    public async Task Audit_RetailFileDatedAtTheCalendarsEnd_ExitsWithInputErrorNamingTheFile()
    {
        using var csv = TempCsv.Of("100,85123A,damaged,-6,9999-12-31 23:59,0,,United Kingdom");

        var run = await CliRun.RunAsync("adjustments", "audit", csv.Path);

        run.RequireInputError(Path.GetFileName(csv.Path) + ": ");
        Assert.Contains("a date lies at the calendar's end", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public async Task Audit_InstantAtTheCalendarsEnd_ExitsWithInputErrorNamingTheLine(string instant)
    {
        using var csv = TempCsv.Raw(Adjustments + $"A,W1,-5,damaged,alice,{instant},\n");

        var run = await CliRun.RunAsync("adjustments", "audit", csv.Path);

        run.RequireInputError(
            $"{Path.GetFileName(csv.Path)}:2: column instant: the year must be from 2 to 9998 (value '{instant}')");
    }

    [Theory]
    [InlineData("parent,child,quantity\nKIT,A\n", "sku,location,available\nA,W1,5\n", "bom",
        ":2: column 3: the line has 2 fields; 3 are needed")]
    [InlineData(Bom, "sku,location,available\nA,W1\n", "stock", ":2: column 3: the line has 2 fields; 3 are needed")]
    [InlineData(Bom, "sku,location,available\nA,W1,9223372036854775807\nA,W1,1\n", "stock",
        ":3: column available: A at W1 sums past the 64-bit range over the rows listing it (value '1')")]
    [InlineData(Bom, "sku,location,available\nA,W1,9223372036854775807\nA,W2,9223372036854775807\n", "stock",
        ":3: column available: A pooled over every location sums past the 64-bit range")]
    public async Task Availability_ShortRowOrStockPastTheLongRange_ExitsWithInputErrorNamingTheLine(
        string bomText, string stockText, string faulty, string expected)
    {
        using var bom = TempCsv.Raw(bomText);
        using var stock = TempCsv.Raw(stockText);

        var run = await CliRun.RunAsync("bundles", "availability", "--bom", bom.Path, "--stock", stock.Path);

        run.RequireInputError((faulty == "bom" ? bom.Path : stock.Path) + expected);
    }

    [Fact]
    public async Task Availability_NegativeAndPositiveRowsNearTheLimit_PoolWithinRange()
    {
        using var bom = TempCsv.Raw(Bom);
        using var stock = TempCsv.Raw(
            "sku,location,available\nA,W1,9223372036854775807\nA,W2,-5\nA,W2,-9223372036854775800\nB,W1,3\n");

        var run = await CliRun.RunAsync(
            "bundles", "availability", "--bom", bom.Path, "--stock", stock.Path, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var bundle = JsonDocument.Parse(run.Output).RootElement.GetProperty("bundles")[0];
        Assert.Equal(3, bundle.GetProperty("pooled").GetInt64());
    }

    [Theory]
    [InlineData("\"quantity\": 9223372036854775807, \"pricePaid\": 1000",
        "component A: 2 per bundle times 9223372036854775807 bundles passes the 64-bit range.")]
    [InlineData("\"quantity\": 2, \"pricePaid\": 1000, \"weights\": {\"A\": 1e28, \"B\": 1e28}",
        "passes the range of decimal arithmetic")]
    [InlineData(
        "\"quantity\": 2, \"pricePaid\": 1000, \"composition\": [{\"sku\": \"A\", \"quantity\": 1}, "
            + "{\"sku\": \"A\", \"quantity\": 1}]",
        "component A is listed more than once in the composition as sold.")]
    public async Task Return_FiguresPastTheirRangeOrARepeatedComponent_ExitWithInputError(
        string fields, string expected)
    {
        using var bom = TempCsv.Raw(Bom);
        using var sale = TempCsv.Raw(
            "{\"lineId\": \"l1\", \"bundle\": \"KIT\", \"soldAt\": \"2026-03-01\", \"currency\": \"EUR\", "
            + fields + "}");
        using var returned = TempCsv.Raw("[{\"sku\": \"A\", \"quantity\": 2}]");

        var run = await CliRun.RunAsync(
            "bundles", "return", "--bom", bom.Path, "--sale", sale.Path, "--returned", returned.Path);

        run.RequireInputError(expected);
    }
}
