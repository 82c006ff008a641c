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
        json.WriteString(Names.Sku, finding.Sku.Value);
        json.WriteString(Names.Location, finding.Location.Value);
        json.WriteNumber(Names.Channel, finding.Channel);
        json.WriteNumber(Names.Warehouse, finding.Warehouse);
        json.WriteNumber(Names.Difference, finding.Difference);
        json.WriteStartArray(Names.Parts);
        foreach (var part in finding.Parts)
        {
            json.WriteStartObject();
            json.WriteString(Names.Cause, Names.CauseOf(part.Cause));
            json.WriteNumber(Names.Units, part.Units);
            json.WriteStartArray(Names.Evidence);
            foreach (var id in part.Evidence)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString(Names.Confidence, Names.ConfidenceOf(part.Confidence));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        ReconcileReportSections.WriteTrend(finding, json);
        json.WriteEndObject();
    }

    private static string Percent(VarianceReport report) =>
        (report.HeroDiscrepancyBasisPoints / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The names and fixed values of a finding, encoded once: a report repeats them for every finding and part, and
    /// an encoded name is copied as it is, without being checked for characters to escape each time.
    /// </summary>
    private static class Names
    {
        public static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
        public static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
        public static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
        public static readonly JsonEncodedText Warehouse = JsonEncodedText.Encode("warehouse");
        public static readonly JsonEncodedText Difference = JsonEncodedText.Encode("difference");
        public static readonly JsonEncodedText Parts = JsonEncodedText.Encode("parts");
        public static readonly JsonEncodedText Cause = JsonEncodedText.Encode("cause");
        public static readonly JsonEncodedText Units = JsonEncodedText.Encode("units");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");

        private static readonly Dictionary<VarianceCause, JsonEncodedText> _causes =
            Enum.GetValues<VarianceCause>().ToDictionary(
                cause => cause, cause => JsonEncodedText.Encode(VarianceCauseNames.ToName(cause)));

        private static readonly Dictionary<AttributionConfidence, JsonEncodedText> _confidences =
            Enum.GetValues<AttributionConfidence>().ToDictionary(
                level => level, level => JsonEncodedText.Encode(level.ToString().ToLowerInvariant()));

        /// <summary>The cause's report name; a value the enum does not define is refused by the name table.</summary>
        public static JsonEncodedText CauseOf(VarianceCause cause) => _causes.TryGetValue(cause, out var name)
            ? name
            : JsonEncodedText.Encode(VarianceCauseNames.ToName(cause));

        public static JsonEncodedText ConfidenceOf(AttributionConfidence level) =>
            _confidences.TryGetValue(level, out var name)
                ? name
                : JsonEncodedText.Encode(level.ToString().ToLowerInvariant());
    }
}
