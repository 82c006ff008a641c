namespace Inventory.Cli.Tests;

/// <summary>
/// Every input error names where it is: the file, and the line and column when one line is at fault; a row the
/// reader cannot use is an error, never silently dropped.
/// </summary>
public class InputLocationTests
{
    private const string Adjustments = "sku,location,quantity,reason,operator,instant,note\n";
    private const string Row = "A,W1,-5,damaged,alice,2026-03-02T10:00:00Z";

    [Theory]
    [InlineData(Row + "\n", ":2: column 7: expected 7 columns, found 6")]
    [InlineData(Row + ",,x\n", ":2: column 8: expected 7 columns, found 8")]
    [InlineData(Row + ",\n\n" + Row + ",\n", ":3: column 1: a blank line between rows")]
    [InlineData("A,W1,-5,\"damaged,alice,2026-03-02T10:00:00Z,\n", ":2: column 4: a quote that is never closed")]
    public async Task Audit_RowOfTheWrongShape_ExitsWithInputErrorNamingFileAndLine(string rows, string expected)
    {
        using var csv = TempCsv.Raw(Adjustments + rows);

        var run = await CliRun.RunAsync("adjustments", "audit", csv.Path);

        run.RequireInputError(Path.GetFileName(csv.Path) + expected);
    }

    [Fact]
    public async Task Audit_BlankLinesAtTheEnd_AreIgnored()
    {
        using var csv = TempCsv.Raw(Adjustments + Row + ",\n\n\n");

        var run = await CliRun.RunAsync("adjustments", "audit", csv.Path, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"count\": 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_BomCycle_NamesTheBomFile()
    {
        using var bom = TempCsv.Raw("parent,child,quantity\nKIT,KIT2,2\nKIT2,KIT,1\n");
        using var stock = TempCsv.Raw("sku,location,available\nA,W1,5\n");

        var run = await CliRun.RunAsync("bundles", "availability", "--bom", bom.Path, "--stock", stock.Path);

        run.RequireInputError(
            $"{bom.Path}: Invalid bundle definition: bundle KIT contains itself: KIT -> KIT2 -> KIT.");
    }

    [Fact]
    public async Task Availability_LastDayBeforeTheFirst_ExitsWithInputErrorNamingTheLine()
    {
        using var bom = TempCsv.Raw("parent,child,quantity,valid_from,valid_to\nKIT,A,2,2026-03-10,2026-03-01\n");
        using var stock = TempCsv.Raw("sku,location,available\nA,W1,5\n");

        var run = await CliRun.RunAsync("bundles", "availability", "--bom", bom.Path, "--stock", stock.Path);

        run.RequireInputError(
            $"{bom.Path}:2: column valid_to: the last day comes before the first (2026-03-10) (value '2026-03-01')");
    }
}
