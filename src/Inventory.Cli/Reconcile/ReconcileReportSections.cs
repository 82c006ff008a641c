using System.Globalization;
using System.Text.Json;
using Inventory.Core.Variance;
using NodaTime.Text;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Writes the sections of a reconciliation report beyond the findings' parts: as-of, trends, indicators, alerts and
/// the fix sequence.
/// </summary>
internal static class ReconcileReportSections
{
    public static void WriteAsOf(VarianceReport report, Utf8JsonWriter json) =>
        json.WriteString("as_of", InstantPattern.ExtendedIso.Format(report.AsOf));

    public static void WriteHeroes(VarianceReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("hero_skus");
        foreach (var sku in report.HeroSkus)
        {
            json.WriteStringValue(sku.Value);
        }

        json.WriteEndArray();
    }

    public static void WriteIndicators(VarianceReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("indicators");
        foreach (var indicator in report.Indicators)
        {
            json.WriteStartObject();
            json.WriteString("figure", indicator.Figure);
            if (indicator.Value is { } value)
            {
                json.WriteNumber("value", value);
            }
            else
            {
                json.WriteNull("value");
            }

            json.WriteNumber("threshold", indicator.Threshold);
            json.WriteString("direction", Direction(indicator.Direction));
            json.WriteBoolean("breached", indicator.Breached);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteAlerts(VarianceReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("alerts");
        foreach (var alert in report.Alerts)
        {
            json.WriteStartObject();
            json.WriteString("figure", alert.Figure);
            json.WriteNumber("value", alert.Value);
            json.WriteNumber("threshold", alert.Threshold);
            json.WriteString("direction", Direction(alert.Direction));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteSequence(VarianceReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("sequence");
        foreach (var step in report.Sequence)
        {
            json.WriteStartObject();
            json.WriteNumber("step", step.Step);
            json.WriteString("action", Action(step.Action));
            json.WriteString("cause", VarianceCauseNames.ToName(step.Cause));
            json.WriteNumber("units", step.Units);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteText(VarianceReport report, TextWriter output)
    {
        foreach (var step in report.Sequence)
        {
            var cause = VarianceCauseNames.ToName(step.Cause);
            output.WriteLine($"step {step.Step}: {Action(step.Action)} {cause} ({step.Units} units)");
        }

        foreach (var indicator in report.Indicators)
        {
            var value = indicator.Value?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"indicator {indicator.Figure}: {value} ({Direction(indicator.Direction)} {indicator.Threshold})"));
        }

        foreach (var alert in report.Alerts)
        {
            output.WriteLine($"ALERT: {alert.Message}");
        }
    }

    public static void WriteTrend(VarianceFinding finding, Utf8JsonWriter json)
    {
        if (finding.Trend is { } trend)
        {
            json.WriteString("trend", TrendName(trend));
        }
        else
        {
            json.WriteNull("trend");
        }
    }

    /// <summary>Gets the text report's trend suffix of a finding, empty when no trend was classified.</summary>
    public static string TrendSuffix(VarianceFinding finding) =>
        finding.Trend is { } trend ? $", trend {TrendName(trend)}" : string.Empty;

    private static string TrendName(VarianceTrend trend) => trend switch
    {
        VarianceTrend.OneOff => "one_off",
        VarianceTrend.Recurring => "recurring",
        VarianceTrend.Growing => "growing",
        _ => "resistant",
    };

    private static string Action(FixAction action) =>
        action == FixAction.Stabilise ? "stabilise" : "fix_root_cause";

    private static string Direction(IndicatorDirection direction) =>
        direction == IndicatorDirection.AtMost ? "at_most" : "at_least";
}
