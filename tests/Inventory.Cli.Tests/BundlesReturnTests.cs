using System.Text.Json;

namespace Inventory.Cli.Tests;

public sealed class BundlesReturnTests
{
    private const string Bom = "parent,child,quantity,valid_from,valid_to\nKIT,A,2,,2026-02-28\nKIT,B,1,,2026-02-28\n"
        + "KIT,C,3,,2026-02-28\nKIT,Z,1,2026-03-01,\n";

    [Fact]
    public async Task Return_SoldBeforeAnEdit_UsesTheCompositionOfTheSaleAndSplitsTheRefundExactly()
    {
        using var bom = TempCsv.Raw(Bom);
        using var sale = TempCsv.Raw("""
            {"lineId": "l1", "bundle": "KIT", "quantity": 2, "soldAt": "2026-02-10", "pricePaid": 1000,
             "currency": "EUR", "weights": {"A": 100, "B": 250, "C": 50}}
            """);
        using var returned = TempCsv.Raw("""
            [{"sku": "A", "quantity": 4}, {"sku": "B", "quantity": 2, "condition": "damaged"},
             {"sku": "C", "quantity": 6}]
            """);

        var run = await CliRun.RunAsync(
            "bundles", "return", "--bom", bom.Path, "--sale", sale.Path, "--returned", returned.Path,
            "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(1000m, report.GetProperty("refundTotal").GetDecimal());
        Assert.Equal(2, report.GetProperty("wholeBundlesReturned").GetInt64());
        var components = report.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal([333m, 417m, 250m], components.Select(c => c.GetProperty("refund").GetDecimal()));
        Assert.Equal("Damaged", components[1].GetProperty("restockedAs").GetString());
    }

    [Fact]
    public async Task Return_RecordedCompositionOverridesTheBom()
    {
        using var bom = TempCsv.Raw(Bom);
        using var sale = TempCsv.Raw("""
            {"lineId": "l1", "bundle": "KIT", "quantity": 1, "soldAt": "2026-03-05", "pricePaid": 99,
             "currency": "EUR", "composition": [{"sku": "A", "quantity": 1}, {"sku": "Y", "quantity": 2}],
             "alreadyReturned": [{"sku": "Y", "quantity": 1}]}
            """);
        using var returned = TempCsv.Raw("""[{"sku": "Y", "quantity": 1}, {"sku": "A", "quantity": 1}]""");

        var run = await CliRun.RunAsync(
            "bundles", "return", "--bom", bom.Path, "--sale", sale.Path, "--returned", returned.Path,
            "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(1, report.GetProperty("wholeBundlesReturned").GetInt64());
        Assert.Equal(0, report.GetProperty("wholeBundlesBefore").GetInt64());

        // Equal weights per unit: A 33, Y 66 (33 for the unit returned before, 33 now).
        Assert.Equal(66m, report.GetProperty("refundTotal").GetDecimal());
    }

    [Theory]
    [InlineData("""[{"sku": "A", "quantity": 5}]""", "component A: 0 returned before and 5 now exceed the 4 sold.")]
    [InlineData("""[{"sku": "Z", "quantity": 1}]""", "component Z (coming back) was not in bundle KIT as sold")]
    [InlineData("""[{"sku": "A", "quantity": 0}]""", "$[0].quantity: not a positive whole number (value '0')")]
    [InlineData("""[{"sku": "A", "quantity": 1, "condition": "wet"}]""", "$[0].condition: use sellable")]
    [InlineData("""{"sku": "A"}""", "$: not an array")]
    [InlineData("""[{"sku": "A", """, "not valid JSON")]
    public async Task Return_BadReturnedLines_ExitWithInputErrorNamingTheProblem(string lines, string expected)
    {
        using var bom = TempCsv.Raw(Bom);
        using var sale = TempCsv.Raw("""
            {"lineId": "l1", "bundle": "KIT", "quantity": 2, "soldAt": "2026-02-10", "pricePaid": 1000,
             "currency": "EUR"}
            """);
        using var returned = TempCsv.Raw(lines);

        var run = await CliRun.RunAsync(
            "bundles", "return", "--bom", bom.Path, "--sale", sale.Path, "--returned", returned.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Return_SaleWithoutQuantity_NamesTheField()
    {
        using var bom = TempCsv.Raw(Bom);
        using var sale = TempCsv.Raw(
            """{"lineId": "l1", "bundle": "KIT", "soldAt": "2026-02-10", "pricePaid": 1, "currency": "EUR"}""");
        using var returned = TempCsv.Raw("""[{"sku": "A", "quantity": 1}]""");

        var run = await CliRun.RunAsync(
            "bundles", "return", "--bom", bom.Path, "--sale", sale.Path, "--returned", returned.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(": $.quantity: the field is missing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_JsonFilesStartingWithAByteOrderMark_AreRead()
    {
        using var bom = TempCsv.Raw(Bom);
        using var sale = TempCsv.Raw("\uFEFF" + """
            {"lineId": "l1", "bundle": "KIT", "quantity": 2, "soldAt": "2026-02-10", "pricePaid": 1000,
             "currency": "EUR"}
            """);
        using var returned = TempCsv.Raw("\uFEFF" + """[{"sku": "A", "quantity": 4}]""");

        var run = await CliRun.RunAsync(
            "bundles", "return", "--bom", bom.Path, "--sale", sale.Path, "--returned", returned.Path,
            "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(4, report.GetProperty("components")[0].GetProperty("quantity").GetInt64());
    }
}
