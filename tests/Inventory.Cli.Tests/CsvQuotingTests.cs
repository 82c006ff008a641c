namespace Inventory.Cli.Tests;

/// <summary>
/// Every CSV reader holds fields to RFC 4180 quoting: a quoted field ends at its closing quote. Text after that
/// quote, a quote inside an unquoted field or a quote never closed is an input error naming the file, line, field
/// and character, never a value glued together from the pieces.
/// </summary>
public class CsvQuotingTests
{
    private const string Replay = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private const string Adjustments = "sku,location,quantity,reason,operator,instant,note\n";

    [Theory]
    [InlineData("100,85123A,HEART,\"6\"7,2010-12-01 08:26,2.55,17850,United Kingdom\n",
        ":2: column 4: text after the closing quote at character 21 (value '\"6\"7')")]
    [InlineData("100,\"85123A\"B,HEART,6,2010-12-01 08:26,2.55,17850,United Kingdom\n",
        ":2: column 2: text after the closing quote at character 13 (value '\"85123A\"B')")]
    [InlineData("100,85123A,12\" RECORD,6,2010-12-01 08:26,2.55,17850,United Kingdom\n",
        ":2: column 3: a quote inside an unquoted field")]
    [InlineData("100,85123A,\"HEART,6,2010-12-01 08:26,2.55,17850,United Kingdom\n",
        ":2: column 3: a quote that is never closed at character 12")]
    public async Task Replay_BadQuoting_ExitsWithInputErrorNamingLineFieldAndCharacter(string row, string expected)
    {
        using var csv = TempCsv.Raw(Replay + row);

        var run = await CliRun.RunAsync("replay", csv.Path);

        run.RequireInputError(csv.Path + expected);
    }

    [Fact]
    public async Task Replay_QuotedFieldsWithDoubledQuotesAndLineBreaks_AreRead()
    {
        using var csv = TempCsv.Raw(Replay
            + "100,\"85123A\",\"RECORD 7\"\" SINGLE,\nSIZE\",\"6\",2010-12-01 08:26,2.55,17850,United Kingdom\n");

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(1, report.GetProperty("saleLines").GetInt64());
        Assert.Equal(6, report.GetProperty("unitsOrdered").GetInt64());
    }

    [Fact]
    public async Task Replay_TextAfterAQuoteOnTheSecondLineOfARow_NamesThatLine()
    {
        using var csv = TempCsv.Raw(
            Replay + "100,85123A,\"TWO\nLINES\"x,6,2010-12-01 08:26,2.55,17850,United Kingdom\n");

        var run = await CliRun.RunAsync("replay", csv.Path);

        run.RequireInputError(csv.Path + ":3: column 3: text after the closing quote at character 7");
    }

    [Fact]
    public async Task Audit_TextAfterTheClosingQuote_ExitsWithInputErrorNamingTheField()
    {
        using var csv = TempCsv.Raw(Adjustments + "A,W1,\"-5\"3,damaged,alice,2026-03-02T10:00:00Z,\n");

        var run = await CliRun.RunAsync("adjustments", "audit", csv.Path);

        run.RequireInputError(
            Path.GetFileName(csv.Path)
            + ":2: column 3: text after the closing quote at character 10 (value '\"-5\"3')");
    }

    [Theory]
    [InlineData("parent,child,quantity\nKIT,\"A\"x,2\n", "sku,location,available\nA,W1,5\n", "bom", 2, 8)]
    [InlineData("parent,child,quantity\nKIT,A,2\n", "sku,location,available\nA,W1,\"5\"5\n", "stock", 3, 9)]
    public async Task Availability_TextAfterTheClosingQuote_ExitsWithInputErrorNamingTheFile(
        string bomText, string stockText, string faulty, int field, int character)
    {
        using var bom = TempCsv.Raw(bomText);
        using var stock = TempCsv.Raw(stockText);

        var run = await CliRun.RunAsync("bundles", "availability", "--bom", bom.Path, "--stock", stock.Path);

        var path = faulty == "bom" ? bom.Path : stock.Path;
        run.RequireInputError($"{path}:2: column {field}: text after the closing quote at character {character}");
    }

    [Fact]
    public async Task Reconcile_TextAfterTheClosingQuoteInTheWarehouseFile_ExitsWithInputErrorNamingIt()
    {
        using var warehouse = TempCsv.Raw(
            "sku,location,on_hand,as_of\nTEE-BLK-M,Main Warehouse,\"11\"8,2026-03-02T06:00:00Z\n");

        var run = await CliRun.RunAsync(
            "reconcile", "--channel", RepositoryFiles.VarianceSample("channel.csv"), "--warehouse", warehouse.Path);

        run.RequireInputError($"{warehouse.Path}:2: column 3: text after the closing quote at character 30");
    }
}
