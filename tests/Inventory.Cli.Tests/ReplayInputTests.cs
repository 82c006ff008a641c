using System.Text.Json;

namespace Inventory.Cli.Tests;

/// <summary>Reading input: gzip, quoted fields, malformed rows and missing files.</summary>
public sealed class ReplayInputTests
{
    private static readonly string[] SampleRows =
    [
        Rows.Sale("100", "85123A", 6, "WHITE HANGING HEART, T-LIGHT", 1),
        Rows.Sale("100", "71053", 2, "LANTERN \"METAL\"\nWHITE", 1),
        Rows.Return("C101", "85123A", -1, 2),
        Rows.Adjustment("102", "71053", -1, "wet, then\ndamaged", 3),
    ];

    [Fact]
    public async Task Replay_GzippedFileWithoutGzExtension_IsDetectedByItsMagicBytes()
    {
        using var plain = TempCsv.Of(SampleRows);
        using var zipped = TempCsv.Gzipped(SampleRows);

        var fromPlain = await CliRun.ReplayJsonAsync(plain.Path);
        var fromZipped = await CliRun.ReplayJsonAsync(zipped.Path);

        Assert.EndsWith(".csv", zipped.Path, StringComparison.Ordinal);
        Assert.Equal(4, fromZipped.GetProperty("rows").GetInt64());
        Assert.Equal(Without(fromPlain, "file"), Without(fromZipped, "file"));
    }

    [Fact]
    public async Task Replay_QuotedFieldsWithCommasQuotesAndLineBreaks_AreOneRowEach()
    {
        using var csv = TempCsv.Of(SampleRows);

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(4, report.GetProperty("rows").GetInt64());
        Assert.Equal(2, report.GetProperty("saleLines").GetInt64());
        Assert.Equal(1, report.GetProperty("returnLines").GetInt64());
        Assert.Equal(1, report.GetProperty("adjustmentLines").GetInt64());
        Assert.Equal(0, report.GetProperty("adjustmentsWithoutReason").GetInt64());
        Assert.Equal(1, report.GetProperty("orders").GetInt64());
    }

    [Fact]
    public async Task Replay_WrongColumnCount_StopsWithFileLineAndColumn()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("100", "85123A", 6, "TWO\nLINES"), "100,71053,LANTERN,2,2010-12-01 08:00:00,3.39,17850");

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "json");

        run.RequireInputError($"{csv.Path}:4: column 8:");
        Assert.Contains("expected 8 columns, found 7", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100,85123A,HEART,six,2010-12-01 08:26:00,2.55,17850,UK", "Quantity", "six")]
    [InlineData("100,85123A,HEART,6,2010-12-01 08:26:00,2.5.5,17850,UK", "UnitPrice", "2.5.5")]
    [InlineData("100,85123A,HEART,6,2010-13-01 08:26:00,2.55,17850,UK", "InvoiceDate", "2010-13-01 08:26:00")]
    [InlineData("100,85123A,HEART,6,01/12/2010 08:26,2.55,17850,UK", "InvoiceDate", "01/12/2010 08:26")]
    [InlineData(
        "100,85123A,HEART,99999999999999999999,2010-12-01 08:26:00,2.55,17850,UK",
        "Quantity",
        "99999999999999999999")]
    public async Task Replay_UnparsableValue_StopsNamingLineColumnAndValue(string badRow, string column, string value)
    {
        using var csv = TempCsv.Of(Rows.Sale("99", "71053", 1), badRow, Rows.Sale("101", "71053", 1));

        var run = await CliRun.RunAsync("replay", csv.Path);

        run.RequireInputError($"{csv.Path}:3: column {column}:");
        Assert.Contains($"'{value}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_SkipBadRows_CountsThemAndReplaysTheRest()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("100", "85123A", 6), "100,85123A,HEART,six,2010-12-01 08:26:00,2.55,17850,UK",
            "101,71053,LANTERN,2", Rows.Sale("102", "71053", 2));

        var report = await CliRun.ReplayJsonAsync(csv.Path, "--skip-bad-rows");

        Assert.Equal(4, report.GetProperty("rows").GetInt64());
        Assert.Equal(2, report.GetProperty("badRows").GetInt64());
        Assert.Equal(2, report.GetProperty("saleLines").GetInt64());
        Assert.Equal(8, report.GetProperty("unitsFulfilled").GetInt64());
    }

    [Fact]
    public async Task Replay_MissingFile_ExitsWithInputErrorAndNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.csv");

        var run = await CliRun.RunAsync("replay", path);

        run.RequireInputError(path);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_HeaderWithoutRequiredColumn_StopsAtLineOne()
    {
        using var csv = TempCsv.Raw("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,Price,CustomerID,Country\n");

        var run = await CliRun.RunAsync("replay", csv.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{csv.Path}:1: column UnitPrice:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OpeningNeitherAutoNorANumber_IsAUsageError()
    {
        using var csv = TempCsv.Of(Rows.Sale("100", "85123A", 6));

        var run = await CliRun.RunAsync("replay", csv.Path, "--opening", "lots");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--opening takes 'auto' or a whole number", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"rows\"", run.Output, StringComparison.Ordinal);
    }

    private static string Without(JsonElement report, string field) =>
        JsonSerializer.Serialize(
            report.EnumerateObject().Where(p => p.Name != field).ToDictionary(p => p.Name, p => p.Value));
}
