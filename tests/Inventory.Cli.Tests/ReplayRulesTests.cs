using System.Text.Json;

namespace Inventory.Cli.Tests;

/// <summary>Each replay rule on a small crafted file.</summary>
public sealed class ReplayRulesTests
{
    [Fact]
    public async Task Replay_NonProductCodes_AreSkippedByExactCode()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("1", "POST", 1), Rows.Sale("1", "DOT", 1), Rows.Sale("1", "M", 1), Rows.Sale("1", "m", 1),
            Rows.Sale("1", "D", 1), Rows.Sale("1", "S", 1), Rows.Sale("1", "B", 1), Rows.Sale("1", "C2", 1),
            Rows.Sale("1", "BANK CHARGES", 1), Rows.Sale("1", "AMAZONFEE", 1), Rows.Sale("1", "CRUK", 1),
            Rows.Sale("1", "PADS", 1), Rows.Sale("1", "85123A", 2), Rows.Sale("1", "post", 3));

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(12, Field(report, "skippedLines"));
        Assert.Equal(12, report.GetProperty("skippedByReason").GetProperty("nonProductCode").GetInt64());
        Assert.Equal(1, report.GetProperty("skippedByStockCode").GetProperty("m").GetInt64());
        Assert.Equal(1, report.GetProperty("skippedByStockCode").GetProperty("M").GetInt64());
        Assert.Equal(2, Field(report, "saleLines"));
        Assert.Equal(5, Field(report, "unitsOrdered"));
    }

    [Fact]
    public async Task Replay_GiftVoucherCodesInAnyCase_AreSkipped()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("1", "gift_0001_10", 1), Rows.Sale("1", "GIFT_0001_20", 1), Rows.Sale("1", "Gift_x", 1),
            Rows.Sale("1", "giftbox", 4));

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(3, report.GetProperty("skippedByReason").GetProperty("giftVoucher").GetInt64());
        Assert.Equal(1, Field(report, "saleLines"));
        Assert.Equal(4, Field(report, "unitsFulfilled"));
    }

    [Fact]
    public async Task Replay_InvoiceNeitherNumericNorC_IsSkipped()
    {
        using var csv = TempCsv.Of(
            Rows.Line("A563186", "B", "Adjust bad debt", 1, "-11062.06", ""), Rows.Sale("X1", "85123A", 2));

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(2, report.GetProperty("skippedByReason").GetProperty("invoiceNotSaleOrReturn").GetInt64());
        Assert.Equal(0, Field(report, "saleLines"));
    }

    [Fact]
    public async Task Replay_CInvoice_RestocksTheReturnedUnits()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("100", "22423", 5, minute: 1),
            Rows.Return("C101", "22423", -2, minute: 2),
            Rows.Sale("102", "22423", 6, minute: 3));

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(1, Field(report, "returnLines"));
        Assert.Equal(2, Field(report, "unitsReturned"));
        Assert.Equal(9, Field(report, "openingUnits"));
        Assert.Equal(11, Field(report, "unitsFulfilled"));
        Assert.Equal(0, Field(report, "closingUnits"));
    }

    [Fact]
    public async Task Replay_AutoOpening_IsTheLeastThatRefusesNothing()
    {
        string[] rows =
        [
            Rows.Sale("100", "22423", 5, minute: 1),
            Rows.Return("C101", "22423", -3, minute: 2),
            Rows.Sale("102", "22423", 4, minute: 3),
        ];
        using var csv = TempCsv.Of(rows);

        var auto = await CliRun.ReplayJsonAsync(csv.Path);
        var oneLess = await CliRun.ReplayJsonAsync(csv.Path, "--opening", "5");

        Assert.Equal(6, Field(auto, "openingUnits"));
        Assert.Equal(0, Field(auto, "rejectedLines"));
        Assert.Equal(1, Field(oneLess, "rejectedLines"));
    }

    [Fact]
    public async Task Replay_AdjustmentReasons_BlankQuestionMarksAndProductNameCountAsNone()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("100", "21232", 10, "WHITE MUG", 1),
            Rows.Sale("101", "21232", 1, "white mug", 2),
            Rows.Sale("102", "21232", 1, "MUG, WHITE (OLD NAME)", 3),
            Rows.Adjustment("103", "21232", -1, "", 4),
            Rows.Adjustment("104", "21232", -1, "?", 5),
            Rows.Adjustment("105", "21232", -1, " ??? ", 6),
            Rows.Adjustment("106", "21232", -1, "  White Mug ", 7),
            Rows.Adjustment("107", "21232", -1, "damaged", 8),
            Rows.Adjustment("108", "21232", -1, "MUG, WHITE (OLD NAME)", 9),
            Rows.Adjustment("109", "21232", 4, "found", 10));

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(7, Field(report, "adjustmentLines"));
        Assert.Equal(4, Field(report, "adjustmentsWithoutReason"));
        Assert.Equal(4, Field(report, "adjustmentUnitsIn"));
        Assert.Equal(6, Field(report, "adjustmentUnitsOut"));
        Assert.Equal(3, Field(report, "saleLines"));
    }

    [Fact]
    public async Task Replay_PositiveAdjustmentWithoutPriceOrCustomer_AddsStock()
    {
        using var csv = TempCsv.Of(
            Rows.Adjustment("100", "21232", 7, "found in warehouse"), Rows.Sale("101", "21232", 7, minute: 1));

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(0, Field(report, "openingUnits"));
        Assert.Equal(7, Field(report, "adjustmentUnitsIn"));
        Assert.Equal(0, Field(report, "adjustmentsWithoutReason"));
        Assert.Equal(7, Field(report, "unitsFulfilled"));
    }

    [Fact]
    public async Task Replay_FreeSaleToACustomer_IsASaleNotAnAdjustment()
    {
        using var csv = TempCsv.Of(Rows.Line("100", "21232", "MUG", 3, "0.00", "12346"));

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(1, Field(report, "saleLines"));
        Assert.Equal(0, Field(report, "adjustmentLines"));
    }

    [Fact]
    public async Task Replay_CartWithRepeatedSku_IsOneOrderCheckedAgainstOneRunningTotal()
    {
        string[] rows =
        [
            Rows.Sale("200", "85123A", 3), Rows.Sale("200", "71053", 1), Rows.Sale("200", "85123A", 2),
        ];
        using var csv = TempCsv.Of(rows);

        var auto = await CliRun.ReplayJsonAsync(csv.Path);
        var four = await CliRun.ReplayJsonAsync(csv.Path, "--opening", "4");

        Assert.Equal(1, Field(auto, "orders"));
        Assert.Equal(3, Field(auto, "saleLines"));
        Assert.Equal(6, Field(auto, "openingUnits"));
        Assert.Equal(1, Field(four, "rejectedLines"));
        Assert.Equal(4, Field(four, "unitsFulfilled"));
        Assert.Equal(8 - 4, Field(four, "closingUnits"));
    }

    [Fact]
    public async Task Replay_CartOfManyLines_ShipsEveryLineOnce()
    {
        var rows = Enumerable.Range(0, 1_500).Select(i => Rows.Sale("700", $"SKU{i % 40}", 1 + (i % 3))).ToArray();
        using var csv = TempCsv.Of(rows);

        var auto = await CliRun.ReplayJsonAsync(csv.Path);
        var fixedOpening = await CliRun.ReplayJsonAsync(csv.Path, "--opening", "50");

        Assert.Equal(3_000, Field(auto, "unitsOrdered"));
        Assert.Equal(3_000, Field(auto, "unitsFulfilled"));
        Assert.Equal(3_000, Field(auto, "openingUnits"));
        Assert.Equal(0, Field(auto, "closingUnits"));
        Assert.Equal(2_000, Field(fixedOpening, "openingUnits"));
        Assert.Equal(2_000 - Field(fixedOpening, "unitsFulfilled"), Field(fixedOpening, "closingUnits"));
        Assert.True(Field(fixedOpening, "rejectedLines") > 0);
    }

    [Fact]
    public async Task Replay_InvoiceSplitAcrossTheFile_IsOneCart()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("300", "85123A", 1, minute: 1), Rows.Return("C301", "71053", -1, minute: 1),
            Rows.Sale("300", "71053", 2, minute: 2));

        var report = await CliRun.ReplayJsonAsync(csv.Path);

        Assert.Equal(1, Field(report, "orders"));
        Assert.Equal(2, Field(report, "saleLines"));
        Assert.Equal(3, Field(report, "openingUnits"));
    }

    [Fact]
    public async Task Replay_FixedOpeningTooLow_RejectsLinesAndAdjustmentsButKeepsTheBalance()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("400", "85123A", 3, minute: 1), Rows.Sale("400", "71053", 1, minute: 1),
            Rows.Sale("401", "85123A", 1, minute: 2),
            Rows.Adjustment("402", "71053", -5, "smashed", 3));

        var report = await CliRun.ReplayJsonAsync(csv.Path, "--opening", "2");
        long F(string name) => Field(report, name);

        Assert.Equal(4, F("openingUnits"));
        Assert.Equal(1, F("rejectedLines"));
        Assert.Equal(0, F("rejectedOrders"));
        Assert.Equal(1, F("rejectedAdjustments"));
        Assert.Equal(2, F("unitsFulfilled"));
        Assert.Equal(0, F("adjustmentUnitsOut"));
        Assert.Equal(F("openingUnits") - F("unitsFulfilled"), F("closingUnits"));
    }

    [Fact]
    public async Task Replay_OpeningZero_RejectsWholeOrders()
    {
        using var csv = TempCsv.Of(Rows.Sale("500", "85123A", 3), Rows.Sale("500", "71053", 1));

        var report = await CliRun.ReplayJsonAsync(csv.Path, "--opening", "0");

        Assert.Equal(2, Field(report, "rejectedLines"));
        Assert.Equal(1, Field(report, "rejectedOrders"));
        Assert.Equal(0, Field(report, "closingUnits"));
    }

    [Fact]
    public async Task Replay_RowsNoRuleNames_AreSkippedWithTheirReason()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("600", "85123A", 0),
            Rows.Sale("601", "85123A", -2),
            Rows.Return("C602", "85123A", 1),
            Rows.Sale("603", "85123A", 1));

        var report = await CliRun.ReplayJsonAsync(csv.Path);
        var reasons = report.GetProperty("skippedByReason");

        Assert.Equal(3, Field(report, "skippedLines"));
        Assert.Equal(1, reasons.GetProperty("zeroQuantity").GetInt64());
        Assert.Equal(1, reasons.GetProperty("negativeQuantityNotAdjustment").GetInt64());
        Assert.Equal(1, reasons.GetProperty("returnWithoutNegativeQuantity").GetInt64());
        Assert.Equal(1, Field(report, "saleLines"));
    }

    [Fact]
    public async Task Replay_TextFormat_NamesEachSkipReason()
    {
        using var csv = TempCsv.Of(Rows.Sale("600", "85123A", 0), Rows.Sale("601", "POST", 1));

        var run = await CliRun.RunAsync("replay", csv.Path, "--format", "text");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("quantity zero", run.Output, StringComparison.Ordinal);
        Assert.Contains("stock code POST", run.Output, StringComparison.Ordinal);
    }

    private static long Field(JsonElement report, string name) => report.GetProperty(name).GetInt64();
}
