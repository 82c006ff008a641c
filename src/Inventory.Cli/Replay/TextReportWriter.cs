using System.Globalization;

namespace Inventory.Cli.Replay;

/// <summary>Writes a replay report as aligned, human-readable text.</summary>
internal static class TextReportWriter
{
    private const int LabelWidth = 40;

    public static void Write(ReplayReport report, TextWriter output)
    {
        output.WriteLine($"Replay of {report.File} (opening stock: {report.Opening}, one location)");
        output.WriteLine();
        Line(output, "Rows", report.Rows);
        if (report.BadRows > 0)
        {
            Line(output, "  malformed, skipped", report.BadRows);
        }

        Line(output, "  skipped", report.SkippedLines);
        foreach (var (reason, count) in report.SkippedByReason)
        {
            Line(output, "    " + Describe(reason), count);
            if (reason == SkipReason.NonProductCode)
            {
                foreach (var (code, codeCount) in report.SkippedByStockCode)
                {
                    Line(output, $"      stock code {code}", codeCount);
                }
            }
        }

        Line(output, "  sale lines", report.SaleLines);
        Line(output, "  return lines", report.ReturnLines);
        Line(output, "  adjustment lines", report.AdjustmentLines);
        WriteStock(report, output);
    }

    private static void WriteStock(ReplayReport report, TextWriter output)
    {
        output.WriteLine();
        Line(output, "Orders (invoices with a sale line)", report.Orders);
        Line(output, "  with every line refused", report.RejectedOrders);
        Line(output, "Sale lines refused for want of stock", report.RejectedLines);
        Line(output, "Units ordered", report.UnitsOrdered);
        Line(output, "Units fulfilled", report.UnitsFulfilled);
        Line(output, "Units returned to stock", report.UnitsReturned);
        Line(output, "Adjustment units in", report.AdjustmentUnitsIn);
        Line(output, "Adjustment units out", report.AdjustmentUnitsOut);
        Line(output, "Adjustments without a reason", report.AdjustmentsWithoutReason);
        Line(output, "Adjustments refused (below zero)", report.RejectedAdjustments);
        Line(output, "Oversells recorded", report.Oversells);
        output.WriteLine();
        Line(output, "SKUs", report.Skus);
        Line(output, "Opening units", report.OpeningUnits);
        Line(output, "Closing units (read from the store)", report.ClosingUnits);
    }

    private static void Line(TextWriter output, string label, long value) =>
        output.WriteLine(label.PadRight(LabelWidth) + value.ToString("N0", CultureInfo.InvariantCulture).PadLeft(12));

    private static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.InvoiceNotSaleOrReturn => "invoice neither numeric nor C",
        SkipReason.NonProductCode => "non-product stock code",
        SkipReason.GiftVoucher => "gift voucher (gift_...)",
        SkipReason.ReturnWithoutNegativeQuantity => "C invoice, quantity not negative",
        SkipReason.ZeroQuantity => "quantity zero",
        SkipReason.NegativeQuantityNotAdjustment => "negative quantity, not an adjustment",
        _ => reason.ToString(),
    };
}
