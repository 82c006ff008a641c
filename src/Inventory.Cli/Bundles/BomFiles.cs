using System.Globalization;
using Inventory.Cli.Replay;
using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using nietras.SeparatedValues;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Bundles;

/// <summary>
/// Reads bills of materials and stock for bundle availability. A file ending in .tsv is read as the AdventureWorks
/// table (BillOfMaterials.tsv, ProductInventory.tsv: tab-separated, no header); any other file as a CSV with a
/// header: <c>parent,child,quantity[,valid_from,valid_to]</c> or <c>sku,location,available</c>.
/// </summary>
internal static class BomFiles
{
    private static readonly LocalDatePattern Day = LocalDatePattern.Iso;

    public static IReadOnlyList<BomRow> ReadBom(string path) =>
        IsTsv(path) ? ReadAdventureWorksBom(path) : ReadCsvBom(path);

    public static ComponentStock ReadStock(string path) =>
        IsTsv(path) ? ReadAdventureWorksStock(path) : ReadCsvStock(path);

    /// <summary>
    /// Turns day-ranged lines into versions per parent: the timeline is cut at every line's first day and at the
    /// day after its last, and each stretch with lines becomes one version; neighbours with the same lines merge.
    /// </summary>
    public static IReadOnlyList<BundleDefinition> Versions(IEnumerable<BomRow> rows) =>
        [.. rows.GroupBy(r => r.Parent).OrderBy(g => g.Key).SelectMany(g => VersionsOf(g.Key, [.. g]))];

    /// <summary>Gets the instant a day begins, in UTC.</summary>
    public static Instant StartOf(LocalDate day) => day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

    private static IEnumerable<BundleDefinition> VersionsOf(Sku parent, List<BomRow> rows)
    {
        var cuts = rows.Select(r => Start(r)).Concat(rows.Select(r => End(r))).Distinct().Order().ToList();
        BundleDefinition? open = null;
        for (var i = 0; i < cuts.Count - 1; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var lines = rows.Where(r => Start(r) <= from && to <= End(r))
                .Select(r => new BundleComponent(r.Child, r.Quantity)).ToList();
            if (open is not null && (lines.Count == 0 || !lines.SequenceEqual(open.Components)))
            {
                yield return open;
                open = null;
            }

            if (lines.Count > 0)
            {
                open = open is null
                    ? new BundleDefinition(parent, lines, Bound(from), Bound(to))
                    : open with { ValidTo = Bound(to) };
            }
        }

        if (open is not null)
        {
            yield return open;
        }
    }

    // Open ends become the extremes of the range so that cuts sort; they map back to null.
    private static Instant Start(BomRow row) => row.From is { } day ? StartOf(day) : Instant.MinValue;

    private static Instant End(BomRow row) => row.To is { } day ? StartOf(day.PlusDays(1)) : Instant.MaxValue;

    private static Instant? Bound(Instant cut) => cut == Instant.MinValue || cut == Instant.MaxValue ? null : cut;

    private static bool IsTsv(string path) => path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    private static SepReader Open(string path, char separator, bool header) => Sep.New(separator)
        .Reader(o => o with
        {
            HasHeader = header,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        })
        .FromFile(path);

    private static List<BomRow> ReadCsvBom(string path)
    {
        const char separator = ',';
        using var reader = Open(path, separator, header: true);
        RequireColumns(path, reader.Header, "parent", "child", "quantity");
        var dated = reader.Header.ColNames.Contains("valid_from");
        var ends = reader.Header.ColNames.Contains("valid_to");
        var rows = new List<BomRow>();
        foreach (var row in reader)
        {
            CsvQuoting.Check(row, separator, path);
            var line = row.LineNumberFrom;
            RequireFields(path, line, row.ColCount, reader.Header.ColNames.Count);
            rows.Add(InOrder(path, line, "valid_to", new BomRow(
                SkuOf(path, line, "parent", row["parent"].ToString()),
                SkuOf(path, line, "child", row["child"].ToString()),
                Units(path, line, "quantity", row["quantity"].ToString(), positive: true),
                dated ? DayOf(path, line, "valid_from", row["valid_from"].ToString()) : null,
                ends ? DayOf(path, line, "valid_to", row["valid_to"].ToString()) : null)));
        }

        return rows;
    }

    private static List<BomRow> ReadAdventureWorksBom(string path)
    {
        const char separator = '\t';
        using var reader = Open(path, separator, header: false);
        var rows = new List<BomRow>();
        foreach (var row in reader)
        {
            CsvQuoting.Check(row, separator, path);
            var line = row.LineNumberFrom;
            RequireFields(path, line, row.ColCount, 8);

            // A line without an assembly marks a top-level product; it lists no child.
            var assembly = row[1].ToString();
            if (assembly.Length == 0)
            {
                continue;
            }

            rows.Add(InOrder(path, line, "EndDate", new BomRow(
                SkuOf(path, line, "ProductAssemblyID", assembly),
                SkuOf(path, line, "ComponentID", row[2].ToString()),
                WholeDecimal(path, line, "PerAssemblyQty", row[7].ToString()),
                DayOf(path, line, "StartDate", row[3].ToString()),
                DayOf(path, line, "EndDate", row[4].ToString()))));
        }

        return rows;
    }

    private static ComponentStock ReadCsvStock(string path)
    {
        const char separator = ',';
        using var reader = Open(path, separator, header: true);
        RequireColumns(path, reader.Header, "sku", "location", "available");
        var totals = new StockTotals(new ComponentStock(), []);
        foreach (var row in reader)
        {
            CsvQuoting.Check(row, separator, path);
            var line = row.LineNumberFrom;
            RequireFields(path, line, row.ColCount, reader.Header.ColNames.Count);
            Add(totals, (path, line, "available"),
                SkuOf(path, line, "sku", row["sku"].ToString()),
                LocationOf(path, line, "location", row["location"].ToString()),
                Units(path, line, "available", row["available"].ToString(), positive: false));
        }

        return totals.Stock;
    }

    private static ComponentStock ReadAdventureWorksStock(string path)
    {
        const char separator = '\t';
        using var reader = Open(path, separator, header: false);
        var totals = new StockTotals(new ComponentStock(), []);
        foreach (var row in reader)
        {
            CsvQuoting.Check(row, separator, path);
            var line = row.LineNumberFrom;
            RequireFields(path, line, row.ColCount, 5);
            Add(totals, (path, line, "Quantity"),
                SkuOf(path, line, "ProductID", row[0].ToString()),
                LocationOf(path, line, "LocationID", row[1].ToString()),
                Units(path, line, "Quantity", row[4].ToString(), positive: false));
        }

        return totals.Stock;
    }

    /// <summary>
    /// Adds a row's units: a SKU and location listed on several rows are summed, and each SKU's stock pooled over
    /// every location (an oversold location as zero) must stay within 64 bits, as availability pools it.
    /// </summary>
    private static void Add(
        StockTotals totals, (string Path, int Line, string Column) at, Sku sku, LocationId location, long units)
    {
        var before = totals.Stock.Available(sku, location);
        var sum = (Int128)before + units;
        if (sum > long.MaxValue || sum < long.MinValue)
        {
            throw new MalformedRowException(
                at.Path, at.Line, at.Column, $"{units}",
                $"{sku} at {location} sums past the 64-bit range over the rows listing it");
        }

        var pooled = totals.Pooled.GetValueOrDefault(sku) - Math.Max(0, before) + Int128.Max(0, sum);
        if (pooled > long.MaxValue)
        {
            throw new MalformedRowException(
                at.Path, at.Line, at.Column, $"{units}",
                $"{sku} pooled over every location sums past the 64-bit range");
        }

        totals.Pooled[sku] = pooled;
        totals.Stock.Set(sku, location, (long)sum);
    }

    /// <summary>Requires a line's last day not to come before its first, which would leave it no day at all.</summary>
    private static BomRow InOrder(string path, int line, string column, BomRow row) =>
        row is { From: { } from, To: { } to } && to < from
            ? throw new MalformedRowException(
                path, line, column, Day.Format(to), $"the last day comes before the first ({Day.Format(from)})")
            : row;

    private static void RequireColumns(string path, SepReaderHeader header, params string[] names)
    {
        var missing = names.Where(n => !header.ColNames.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            throw new MalformedRowException(
                path,
                1,
                string.Join(", ", missing),
                string.Join(",", header.ColNames),
                "the header lacks a required column");
        }
    }

    private static void RequireFields(string path, int line, int count, int needed)
    {
        if (count < needed)
        {
            throw new MalformedRowException(
                path, line, $"{count + 1}", "", $"the line has {count} fields; {needed} are needed");
        }
    }

    private static Sku SkuOf(string path, int line, string column, string text) => Sku.TryCreate(text, out var sku)
        ? sku
        : throw new MalformedRowException(
            path, line, column, text, "not a SKU (blank, too long or padded with spaces)");

    private static LocationId LocationOf(string path, int line, string column, string text) =>
        LocationId.TryCreate(text, out var location)
            ? location
            : throw new MalformedRowException(path, line, column, text, "not a location id");

    private static long Units(string path, int line, string column, string text, bool positive)
    {
        var style = positive ? NumberStyles.None : NumberStyles.AllowLeadingSign;
        if (long.TryParse(text, style, CultureInfo.InvariantCulture, out var units) && (!positive || units > 0))
        {
            return units;
        }

        throw new MalformedRowException(path, line, column, text,
            positive ? "not a positive whole number" : "not a whole number");
    }

    private static long WholeDecimal(string path, int line, string column, string text)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value > 0 && value == decimal.Truncate(value) && value <= long.MaxValue)
        {
            return (long)value;
        }

        throw new MalformedRowException(path, line, column, text, "not a positive whole quantity");
    }

    private static LocalDate? DayOf(string path, int line, string column, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var result = Day.Parse(text.Length > 10 ? text[..10] : text);

        return result.Success
            ? result.Value
            : throw new MalformedRowException(path, line, column, text, "not a date (yyyy-MM-dd)");
    }

    private sealed record StockTotals(ComponentStock Stock, Dictionary<Sku, Int128> Pooled);
}
