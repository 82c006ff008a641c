using System.Globalization;
using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Cli.Audit;

/// <summary>What an audit found: the daily reports and the weekly review of the chosen dates.</summary>
internal sealed record AuditResult(
    string File, string Zone, int Adjustments, IReadOnlyList<DailyReport> Days, IReadOnlyList<WeekSummary> Weeks)
{
    /// <summary>
    /// Reports every day from <paramref name="from"/> to <paramref name="to"/> (defaults: the first and last day with
    /// an adjustment) and reviews the weeks of the adjustments in that range. Adjustments before the range still feed
    /// the operators' baselines.
    /// </summary>
    public static AuditResult Build(
        string file, List<AuditedAdjustment> all, DateTimeZone zone, LocalDate? from, LocalDate? to)
    {
        if (all.Count == 0 && (from is null || to is null))
        {
            return new AuditResult(file, zone.Id, 0, [], []);
        }

        var first = from ?? all.Min(a => a.At.InZone(zone).Date);
        var last = to ?? all.Max(a => a.At.InZone(zone).Date);
        RequireReadableYear(file, first);
        RequireReadableYear(file, last);
        var auditor = new DailyAuditor(zone);
        var days = new List<DailyReport>();

        // Limitation: each day scans the whole list; fine for files of a few million rows, and it keeps each day's
        // report exactly what DailyAuditor gives for that day alone.
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            days.Add(auditor.Report(all, day));
        }

        var inRange = all.Where(a => a.At.InZone(zone).Date is var d && d >= first && d <= last).ToList();
        var weeks = new WeeklyReviewer(zone).Review(inRange);

        return new AuditResult(file, zone.Id, inRange.Count, days, weeks);
    }

    // The plain reader checks each row's year itself; an Online Retail file's dates are checked here.
    private static void RequireReadableYear(string file, LocalDate date)
    {
        if (date.Year is < PlainAdjustmentReader.FirstYear or > PlainAdjustmentReader.LastYear)
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"{file}: a date lies at the calendar's end ({date:uuuu-MM-dd}; years "
                    + $"{PlainAdjustmentReader.FirstYear} to {PlainAdjustmentReader.LastYear} are read)."));
        }
    }
}
