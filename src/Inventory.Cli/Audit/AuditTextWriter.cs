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
            c, $"Adjustments audit of {result.File}: {result.Adjustments} adjustments, zone {result.Zone}."));
        output.WriteLine();
        output.WriteLine("Days (only days with flags are listed):");
        foreach (var day in result.Days.Where(d => d.Flags.Count > 0))
        {
            output.WriteLine(string.Create(
                c,
                $"  {day.Date:yyyy-MM-dd} ({day.Length.TotalHours:0}h): {day.Count} adjustments, "
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
                c, $" ({change:+#;-#;0} adjustments, {week.NetUnitsChange:+#;-#;0} units on the week before)")
            : string.Empty;
        output.WriteLine(string.Create(
            c,
            $"  {week.Week}: {week.Count} adjustments, {week.NetUnits:+#;-#;0} units, "
            + $"{week.WithoutReason} without reason{trend}"));
        output.WriteLine($"    by reason:     {Join(week.ByReason, c)}");
        output.WriteLine($"    by root cause: {Join(week.ByRootCause, c)}");
        output.WriteLine($"    by operator:   {Join(week.ByOperator, c)}");
        output.WriteLine($"    top SKUs:      {Join(week.BySku.Take(5), c)}");
    }

    private static string Join(IEnumerable<Tally> tallies, CultureInfo c)
    {
        var text = string.Join(
            ", ", tallies.Select(t => string.Create(c, $"{t.Key} {t.Count} ({t.NetUnits:+#;-#;0})")));

        return text.Length == 0 ? "-" : text;
    }
}
