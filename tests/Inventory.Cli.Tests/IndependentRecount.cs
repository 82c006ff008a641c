using System.Globalization;

namespace Inventory.Cli.Tests;

/// <summary>
/// A second, deliberately plain reading of the replay rules (its own CSV splitter, LINQ over whole lists) used to
/// check the figures the command reports. It shares no code with the command.
/// </summary>
internal sealed class IndependentRecount
{
    private static readonly HashSet<string> Fees = new(StringComparer.Ordinal)
    {
        "POST", "DOT", "M", "m", "D", "S", "B", "C2", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS",
    };

    public IndependentRecount(string path)
    {
        var records = SimpleCsv.Records(File.ReadAllText(path)).Skip(1).ToList();
        Rows = records.Count;
        var rows = records
            .Select(r => new Row(
                r[0], r[1].Trim(), r[2], long.Parse(r[3], CultureInfo.InvariantCulture),
                decimal.Parse(r[5], CultureInfo.InvariantCulture), r[6]))
            .ToList();

        var sales = rows.Where(r => Kind(r) == "sale").ToList();
        var returns = rows.Where(r => Kind(r) == "return").ToList();
        var adjustments = rows.Where(r => Kind(r) == "adjustment").ToList();

        SkippedLines = Rows - sales.Count - returns.Count - adjustments.Count;
        SaleLines = sales.Count;
        Orders = sales.Select(r => r.Invoice).Distinct().Count();
        UnitsOrdered = sales.Sum(r => r.Quantity);
        ReturnLines = returns.Count;
        UnitsReturned = -returns.Sum(r => r.Quantity);
        AdjustmentLines = adjustments.Count;
        AdjustmentUnitsIn = adjustments.Where(r => r.Quantity > 0).Sum(r => r.Quantity);
        AdjustmentUnitsOut = -adjustments.Where(r => r.Quantity < 0).Sum(r => r.Quantity);

        OpeningUnits = LeastOpenings(rows.Where(r => Kind(r) != "skipped"));

        var names = sales
            .Where(r => r.Description.Trim().Length > 0)
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g
                .GroupBy(r => r.Description.Trim().ToUpperInvariant())
                .OrderByDescending(d => d.Count())
                .First().Key);
        AdjustmentsWithoutReason = adjustments.Count(r =>
            r.Description.Trim().Trim('?').Length == 0
            || (names.TryGetValue(r.Code, out var name) && r.Description.Trim().ToUpperInvariant() == name));
    }

    public long Rows { get; }

    public long SkippedLines { get; }

    public long SaleLines { get; }

    public long Orders { get; }

    public long UnitsOrdered { get; }

    public long ReturnLines { get; }

    public long UnitsReturned { get; }

    public long AdjustmentLines { get; }

    public long AdjustmentUnitsIn { get; }

    public long AdjustmentUnitsOut { get; }

    public long AdjustmentsWithoutReason { get; }

    /// <summary>Gets the least total opening stock, walking the rows in file order (each invoice's rows are
    /// contiguous in the shipped month, so file order is the order the command applies them).</summary>
    public long OpeningUnits { get; }

    private static long LeastOpenings(IEnumerable<Row> replayed)
    {
        var balance = new Dictionary<string, long>(StringComparer.Ordinal);
        var lowest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in replayed)
        {
            var change = Kind(row) switch
            {
                "return" => -row.Quantity,
                "adjustment" => row.Quantity,
                _ => -row.Quantity,
            };
            var after = balance.GetValueOrDefault(row.Code) + change;
            balance[row.Code] = after;
            lowest[row.Code] = Math.Min(lowest.GetValueOrDefault(row.Code), after);
        }

        return -lowest.Values.Sum();
    }

    private static string Kind(Row r)
    {
        if (IsSkipped(r))
        {
            return "skipped";
        }

        if (r.Invoice.StartsWith('C'))
        {
            return r.Quantity < 0 ? "return" : "skipped";
        }

        if (r.Quantity != 0 && r.Price == 0 && string.IsNullOrWhiteSpace(r.Customer))
        {
            return "adjustment";
        }

        return r.Quantity > 0 ? "sale" : "skipped";
    }

    private static bool IsSkipped(Row r) =>
        !(r.Invoice.Length > 0 && (char.IsAsciiDigit(r.Invoice[0]) || r.Invoice[0] == 'C'))
        || Fees.Contains(r.Code)
        || r.Code.ToLowerInvariant().StartsWith("gift_", StringComparison.Ordinal);

    private sealed record Row(
        string Invoice, string Code, string Description, long Quantity, decimal Price, string Customer);
}
