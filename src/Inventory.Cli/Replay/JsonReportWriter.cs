using System.Text.Json;

namespace Inventory.Cli.Replay;

/// <summary>Writes a replay report as one indented JSON object with camelCase integer fields.</summary>
internal static class JsonReportWriter
{
    public static void Write(ReplayReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteObject(json, report);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteObject(Utf8JsonWriter json, ReplayReport report)
    {
        json.WriteStartObject();
        json.WriteString("file", report.File);
        json.WriteString("opening", report.Opening);
        json.WriteNumber("rows", report.Rows);
        json.WriteNumber("badRows", report.BadRows);
        json.WriteNumber("skippedLines", report.SkippedLines);
        WriteSkipped(json, report);
        json.WriteNumber("saleLines", report.SaleLines);
        json.WriteNumber("orders", report.Orders);
        json.WriteNumber("rejectedOrders", report.RejectedOrders);
        json.WriteNumber("unitsOrdered", report.UnitsOrdered);
        json.WriteNumber("unitsFulfilled", report.UnitsFulfilled);
        json.WriteNumber("rejectedLines", report.RejectedLines);
        json.WriteNumber("returnLines", report.ReturnLines);
        json.WriteNumber("unitsReturned", report.UnitsReturned);
        json.WriteNumber("adjustmentLines", report.AdjustmentLines);
        json.WriteNumber("adjustmentUnitsIn", report.AdjustmentUnitsIn);
        json.WriteNumber("adjustmentUnitsOut", report.AdjustmentUnitsOut);
        json.WriteNumber("adjustmentsWithoutReason", report.AdjustmentsWithoutReason);
        json.WriteNumber("rejectedAdjustments", report.RejectedAdjustments);
        json.WriteNumber("oversells", report.Oversells);
        json.WriteNumber("skus", report.Skus);
        json.WriteNumber("openingUnits", report.OpeningUnits);
        json.WriteNumber("closingUnits", report.ClosingUnits);
        json.WriteEndObject();
    }

    private static void WriteSkipped(Utf8JsonWriter json, ReplayReport report)
    {
        json.WriteStartObject("skippedByReason");
        foreach (var (reason, count) in report.SkippedByReason)
        {
            json.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()), count);
        }

        json.WriteEndObject();
        json.WriteStartObject("skippedByStockCode");
        foreach (var (code, count) in report.SkippedByStockCode)
        {
            json.WriteNumber(code, count);
        }

        json.WriteEndObject();
    }
}
