using System.Buffers;
using System.Globalization;
using System.Text;
using Inventory.Cli.Replay;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using nietras.SeparatedValues;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Reads a Shopify inventory export in any of its three layouts: the older one (Location, Available), the newer
/// one (Location, "Available (not editable)", Bin name), and the wide one with one Available column per location.
/// Row identity: the SKU with each line break turned into a space; a row without a SKU is keyed
/// <c>handle:HANDLE/OPTION1/OPTION2/OPTION3</c> (blank options left out). "not stocked" cells yield no row.
/// </summary>
internal static class ShopifyInventoryReader
{
    private static readonly SearchValues<char> _lineBreaks = SearchValues.Create("\r\n\f\u0085\u2028\u2029");

    private static readonly string[] _available = ["Available (not editable)", "Available"];

    private static readonly HashSet<string> _fixedColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "Handle", "Title", "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name",
        "Option3 Value", "SKU", "HS Code", "COO", "Location", "Bin name", "Incoming", "Unavailable", "Committed",
        "Available", "On hand", "Incoming (not editable)", "Unavailable (not editable)",
        "Committed (not editable)", "Available (not editable)", "On hand (current)", "On hand (new)",
    };

    public static List<ChannelSnapshotRow> Read(string path) => [.. Rows(path)];

    /// <summary>Reads the rows lazily, so a large export is never held as a list.</summary>
    public static IEnumerable<ChannelSnapshotRow> Rows(string path) => RowsWithLines(path).Select(row => row.Row);

    /// <summary>Reads the rows lazily, each with the line of the file it starts on.</summary>
    public static IEnumerable<(ChannelSnapshotRow Row, int Line)> RowsWithLines(string path)
    {
        using var reader = Sep.New(',')
            .Reader(o => o with { Unescape = true, DisableColCountCheck = true })
            .FromFile(path);
        var header = reader.Header;
        Require(header, path, "Handle");
        var columns = AvailableColumns(header, path);
        var locationIndex = header.TryIndexOf("Location", out var found) ? found : -1;
        var rows = new List<ChannelSnapshotRow>();
        var places = new Dictionary<string, LocationId>(StringComparer.Ordinal);
        while (reader.MoveNext())
        {
            rows.Clear();
            if (SnapshotCells.IsBlank(reader.Current))
            {
                continue;
            }

            CsvQuoting.Check(reader.Current, ',', path);
            SnapshotCells.Require(reader.Current, header.ColNames.Count, path);
            AddRows(rows, reader.Current, header, path, columns, locationIndex, places);
            var line = reader.Current.LineNumberFrom;
            foreach (var row in rows)
            {
                yield return (row, line);
            }
        }
    }

    /// <summary>
    /// The columns holding an available count, each with its location: one Available column whose location is in
    /// the Location column (location null), or one column per location in the wide layout.
    /// </summary>
    private static List<(string Column, int Index, string? Location)> AvailableColumns(
        SepReaderHeader header,
        string path)
    {
        var available = _available.FirstOrDefault(name => header.TryIndexOf(name, out _));
        if (header.TryIndexOf("Location", out _) && available is not null)
        {
            return [(available, header.IndexOf(available), null)];
        }

        var locations = header.ColNames.Select((name, index) => (name, index, (string?)name))
            .Where(c => !_fixedColumns.Contains(c.name)).ToList();
        if (locations.Count == 0)
        {
            throw new MalformedRowException(
                path, 1, "Location", string.Join(",", header.ColNames),
                "expected a Location and an Available column, or one column per location");
        }

        return locations;
    }

    private static void AddRows(
        List<ChannelSnapshotRow> rows,
        SepReader.Row row,
        SepReaderHeader header,
        string path,
        List<(string Column, int Index, string? Location)> columns,
        int locationIndex,
        Dictionary<string, LocationId> places)
    {
        foreach (var (column, index, location) in columns)
        {
            var place = location is null ? row[locationIndex].Span : location;
            AddRow(rows, row, header, path, place, places, column, index);
        }
    }

    private static void AddRow(
        List<ChannelSnapshotRow> rows,
        SepReader.Row row,
        SepReaderHeader header,
        string path,
        ReadOnlySpan<char> locationText,
        Dictionary<string, LocationId> places,
        string column,
        int index)
    {
        var line = row.LineNumberFrom;
        var cell = row[index].Span.Trim();
        if (cell.Equals("not stocked", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var units))
        {
            throw new MalformedRowException(
                path, line, column, cell.ToString(), "expected a whole number or 'not stocked'");
        }

        if (SnapshotCells.Location(locationText, places) is not { } location)
        {
            throw new MalformedRowException(
                path, line, "Location", locationText.ToString(), "expected a location name");
        }

        rows.Add(new ChannelSnapshotRow(Identity(row, header, path, line), location, units));
    }

    private static Sku Identity(SepReader.Row row, SepReaderHeader header, string path, int line)
    {
        var sku = header.TryIndexOf("SKU", out var skuIndex) ? OneLine(row[skuIndex].Span) : string.Empty;
        if (sku.Length == 0)
        {
            var parts = new List<string>();
            foreach (var name in new[] { "Handle", "Option1 Value", "Option2 Value", "Option3 Value" })
            {
                var text = header.TryIndexOf(name, out var i) ? row[i].ToString().Trim() : string.Empty;
                if (text.Length > 0)
                {
                    parts.Add(text);
                }
            }

            sku = "handle:" + string.Join("/", parts);
        }

        return Sku.TryCreate(sku, out var result)
            ? result
            : throw new MalformedRowException(path, line, "SKU", sku, "expected a SKU of 1 to 255 characters");
    }

    private static string OneLine(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(_lineBreaks) < 0)
        {
            return text.Trim().ToString();
        }

        var builder = new StringBuilder(text.Length);
        foreach (var line in text.EnumerateLines())
        {
            var part = line.Trim();
            if (!part.IsEmpty)
            {
                builder.Append(builder.Length > 0 ? " " : string.Empty).Append(part);
            }
        }

        return builder.ToString();
    }

    private static void Require(SepReaderHeader header, string path, string column)
    {
        if (!header.TryIndexOf(column, out _))
        {
            throw new MalformedRowException(
                path, 1, column, string.Join(",", header.ColNames),
                "the header lacks this column; expected a Shopify inventory export: Handle, then Location and "
                + "Available, or one column per location");
        }
    }
}
