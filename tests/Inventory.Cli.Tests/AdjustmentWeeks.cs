using System.Globalization;

namespace Inventory.Cli.Tests;

/// <summary>
/// A plain, separate count of the Online Retail adjustment rows per ISO week (its own CSV splitter and the BCL's
/// ISO week rules), to check the weekly review against. It shares no code with the command.
/// </summary>
internal static class AdjustmentWeeks
{
    private static readonly HashSet<string> Fees = new(StringComparer.Ordinal)
    {
        "POST", "DOT", "M", "m", "D", "S", "B", "C2", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS",
    };

    /// <summary>Gets (count, net units) per ISO week name such as 2010-W49.</summary>
    public static SortedDictionary<string, (int Count, long Units)> Count(string path)
    {
        var weeks = new SortedDictionary<string, (int, long)>(StringComparer.Ordinal);
        foreach (var r in SimpleCsv.Records(File.ReadAllText(path)).Skip(1))
        {
            var (invoice, code, quantity, date, price, customer) =
                (r[0], r[1].Trim(), long.Parse(r[3], CultureInfo.InvariantCulture), r[4], r[5], r[6]);
            var adjustment = invoice.Length > 0 && char.IsAsciiDigit(invoice[0]) && !Fees.Contains(code)
                && !code.StartsWith("gift_", StringComparison.OrdinalIgnoreCase) && quantity != 0
                && decimal.Parse(price, CultureInfo.InvariantCulture) == 0 && customer.Trim().Length == 0;
            if (!adjustment)
            {
                continue;
            }

            var day = DateTime.ParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var name = $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}";
            var (count, units) = weeks.GetValueOrDefault(name);
            weeks[name] = (count + 1, units + quantity);
        }

        return weeks;
    }
}
