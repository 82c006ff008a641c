using System.Text.Json;
using Inventory.Core.Variance;

namespace Inventory.Cli.Reconcile;

/// <summary>Writes a reconciliation report as text or as the JSON shape documented in docs/variance.md.</summary>
internal static class ReconcileReportWriter
{
    /// <summary>Gets whether any weekly indicator crossed its threshold.</summary>
    public static bool HasAlert(VarianceReport report) => report.Alerts.Count > 0;

    public static void WriteText(VarianceReport report, TextWriter output)
    {
        output.WriteLine(
            $"rows compared: {report.RowsCompared}, within tolerance: {report.RowsWithinTolerance}, " +
            $"discrepancy units: {report.DiscrepancyUnits}, hero discrepancy: {Percent(report)}%");
        output.WriteLine(
            $"as of {NodaTime.Text.InstantPattern.ExtendedIso.Format(report.AsOf)}, hero SKUs: " +
            (report.HeroSkus.Count == 0 ? "none" : string.Join(", ", report.HeroSkus)));
        foreach (var finding in report.Findings)
        {
            output.WriteLine(
                $"{finding.Sku} @ {finding.Location}: channel {finding.Channel}, warehouse {finding.Warehouse}, " +
                $"difference {finding.Difference}{ReconcileReportSections.TrendSuffix(finding)}");
            foreach (var part in finding.Parts)
            {
                output.WriteLine(
                    $"  {VarianceCauseNames.ToName(part.Cause)} {part.Units} ({part.Confidence}) " +
                    $"[{string.Join(", ", part.Evidence)}]");
            }
        }

        ReconcileReportSections.WriteText(report, output);
    }

    /// <summary>How much JSON is gathered before it is handed to the output stream.</summary>
    private const int FlushBytes = 1 << 16;

    public static void WriteJson(VarianceReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        ReconcileReportSections.WriteAsOf(report, json);
        json.WriteStartObject("summary");
        json.WriteNumber("rows_compared", report.RowsCompared);
        json.WriteNumber("skus_within_tolerance", report.RowsWithinTolerance);
        json.WriteNumber("discrepancy_units", report.DiscrepancyUnits);
        json.WriteNumber("hero_discrepancy_percent", report.HeroDiscrepancyBasisPoints / 100m);
        ReconcileReportSections.WriteHeroes(report, json);
        json.WriteEndObject();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(json, finding);
            if (json.BytesPending >= FlushBytes)
            {
                // The writer keeps all it writes until flushed: unflushed, a report of many findings was held
                // whole in memory, in a buffer that doubled as it grew.
                json.Flush();
            }
        }

        json.WriteEndArray();
        ReconcileReportSections.WriteIndicators(report, json);
        ReconcileReportSections.WriteAlerts(report, json);
        ReconcileReportSections.WriteSequence(report, json);
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, VarianceFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("sku", finding.Sku.Value);
        json.WriteString("location", finding.Location.Value);
        json.WriteNumber("channel", finding.Channel);
        json.WriteNumber("warehouse", finding.Warehouse);
        json.WriteNumber("difference", finding.Difference);
        json.WriteStartArray("parts");
        foreach (var part in finding.Parts)
        {
            json.WriteStartObject();
            json.WriteString("cause", VarianceCauseNames.ToName(part.Cause));
            json.WriteNumber("units", part.Units);
            json.WriteStartArray("evidence");
            foreach (var id in part.Evidence)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("confidence", part.Confidence.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        ReconcileReportSections.WriteTrend(finding, json);
        json.WriteEndObject();
    }

    private static string Percent(VarianceReport report) =>
        (report.HeroDiscrepancyBasisPoints / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
