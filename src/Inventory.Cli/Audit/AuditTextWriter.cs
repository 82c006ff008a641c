using System.Globalization;
using Inventory.Core.Adjustments;

namespace Inventory.Cli.Audit;

/// <summary>Writes an audit for a person: the flagged days, then one block per week.</summary>
internal static class AuditTextWriter
{
    public static void Write(AuditResult result, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(
            c, $"Adjustments audit of {result.File}: {Adjustments(result.Adjustments)}, zone {result.Zone}."));
        output.WriteLine();
        output.WriteLine("Days (only days with flags are listed):");
        foreach (var day in result.Days.Where(d => d.Flags.Count > 0))
        {
            output.WriteLine(string.Create(
                c,
                $"  {day.Date:yyyy-MM-dd} ({day.Length.TotalHours:0}h): {Adjustments(day.Count)}, "
                + $"{day.NetUnits:+#;-#;0} units"));
            foreach (var flag in day.Flags)
            {
                var kind = AuditJsonWriter.CamelCase(flag.Kind.ToString());
                output.WriteLine($"    {kind} {flag.Subject}: {flag.Evidence}");
            }
        }

        output.WriteLine();
        output.WriteLine("Weeks:");
        foreach (var week in result.Weeks)
        {
            WriteWeek(output, week, c);
        }
    }

    private static void WriteWeek(TextWriter output, WeekSummary week, CultureInfo c)
    {
        var trend = week.CountChange is { } change
            ? string.Create(
                c, $" ({change:+#;-#;0} {Noun(change)}, {week.NetUnitsChange:+#;-#;0} units on the week before)")
            : string.Empty;
        output.WriteLine(string.Create(
            c,
            $"  {week.Week}: {Adjustments(week.Count)}, {week.NetUnits:+#;-#;0} units, "
            + $"{week.WithoutReason} without reason{trend}"));
        output.WriteLine($"    by reason:     {Join(week.ByReason, c)}");
        output.WriteLine($"    by root cause: {Join(week.ByRootCause, c, AuditJsonWriter.CamelCase)}");
        output.WriteLine($"    by operator:   {Join(week.ByOperator, c)}");
        output.WriteLine($"    top SKUs:      {Join(week.BySku.Take(5), c)}");
    }

    // Root causes are written as the JSON report names them, so a reader can match the two.
    private static string Join(IEnumerable<Tally> tallies, CultureInfo c, Func<string, string>? name = null)
    {
        name ??= key => key;
        var text = string.Join(
            ", ", tallies.Select(t => string.Create(c, $"{name(t.Key)} {t.Count} ({t.NetUnits:+#;-#;0})")));

        return text.Length == 0 ? "-" : text;
    }

    private static string Adjustments(long count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {Noun(count)}");

    private static string Noun(long count) => Math.Abs(count) == 1 ? "adjustment" : "adjustments";
}
