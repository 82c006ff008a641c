using System.Globalization;
using System.Text.Json;
using Inventory.Core.Adjustments;

namespace Inventory.Cli.Audit;

/// <summary>Writes an audit as one indented JSON object: <c>days[]</c> and <c>weeks[]</c>.</summary>
internal static class AuditJsonWriter
{
    public static void Write(AuditResult result, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", result.File);
            json.WriteString("zone", result.Zone);
            json.WriteNumber("adjustments", result.Adjustments);
            json.WriteStartArray("days");
            foreach (var day in result.Days)
            {
                WriteDay(json, day);
            }

            json.WriteEndArray();
            json.WriteStartArray("weeks");
            foreach (var week in result.Weeks)
            {
                WriteWeek(json, week);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void WriteDay(Utf8JsonWriter json, DailyReport day)
    {
        json.WriteStartObject();
        json.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("hours", (int)day.Length.TotalHours);
        json.WriteNumber("count", day.Count);
        json.WriteNumber("units", day.NetUnits);
        json.WriteStartArray("flags");
        foreach (var flag in day.Flags)
        {
            json.WriteStartObject();
            json.WriteString("kind", CamelCase(flag.Kind.ToString()));
            json.WriteString("subject", flag.Subject);
            json.WriteString("evidence", flag.Evidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteWeek(Utf8JsonWriter json, WeekSummary week)
    {
        json.WriteStartObject();
        json.WriteString("week", week.Week);
        json.WriteString("start", week.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("count", week.Count);
        json.WriteNumber("netUnits", week.NetUnits);
        json.WriteNumber("withoutReason", week.WithoutReason);
        WriteTallies(json, "byReason", "reason", week.ByReason, key => key);
        WriteTallies(json, "byRootCause", "rootCause", week.ByRootCause, CamelCase);
        WriteTallies(json, "byOperator", "operator", week.ByOperator, key => key);
        WriteTallies(json, "bySku", "sku", week.BySku.Take(10), key => key);
        json.WriteStartObject("trend");
        WriteNullable(json, "countChange", week.CountChange);
        WriteNullable(json, "netUnitsChange", week.NetUnitsChange);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTallies(
        Utf8JsonWriter json, string name, string keyName, IEnumerable<Tally> tallies, Func<string, string> key)
    {
        json.WriteStartArray(name);
        foreach (var tally in tallies)
        {
            json.WriteStartObject();
            json.WriteString(keyName, key(tally.Key));
            json.WriteNumber("count", tally.Count);
            json.WriteNumber("netUnits", tally.NetUnits);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
