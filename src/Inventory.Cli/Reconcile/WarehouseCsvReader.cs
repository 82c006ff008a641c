using System.Globalization;
using Inventory.Cli.Replay;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using nietras.SeparatedValues;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.Reconcile;

/// <summary>Reads the warehouse snapshot CSV through a <see cref="WarehouseColumns"/> mapping.</summary>
internal static class WarehouseCsvReader
{
    public static (List<WarehouseSnapshotRow> Rows, Instant? LatestAsOf) Read(string path, WarehouseColumns columns)
    {
        var rows = new List<WarehouseSnapshotRow>();
        Instant? latest = null;
        foreach (var (row, asOf, _) in Rows(path, columns))
        {
            rows.Add(row);
            latest = Later(latest, asOf);
        }

        return (rows, latest);
    }

    /// <summary>
    /// Returns the latest as_of of the file, reading that column alone. The rows themselves are checked by
    /// <see cref="Rows"/>, which a run reads after this, so a cell here that does not parse, or a row too short to
    /// have it, is passed over: that read refuses it by line. The header is checked here as there, and a file with
    /// no readable as_of at all is read in full here, so that its first bad row is named before the missing instant.
    /// </summary>
    public static Instant? LatestAsOf(string path, WarehouseColumns columns)
    {
        using var reader = Open(path);
        var column = Columns(reader.Header, path, columns)[Ordinal("as_of")];
        if (column < 0)
        {
            return null;
        }

        var instants = new Dictionary<string, Instant?>(StringComparer.Ordinal);
        Instant? latest = null;
        while (reader.MoveNext())
        {
            var cell = reader.Current.ColCount > column ? reader.Current[column].Span.Trim() : [];
            if (!cell.IsEmpty)
            {
                latest = Later(latest, ParseAsOf(cell, instants));
            }
        }

        // With no instant to give, the run stops here; the full read then names the first bad row, if any.
        return latest ?? Rows(path, columns).Aggregate((Instant?)null, (later, row) => Later(later, row.AsOf));
    }

    /// <summary>
    /// Reads an as_of cell, parsing each distinct text once (a file repeats few instants); null when it is no
    /// ISO-8601 instant.
    /// </summary>
    private static Instant? ParseAsOf(ReadOnlySpan<char> cell, Dictionary<string, Instant?> seen)
    {
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(cell, out var known))
        {
            return known;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(cell.ToString());
        Instant? at = parsed.Success ? parsed.Value : null;
        if (seen.Count < 1024)
        {
            lookup[cell] = at;
        }

        return at;
    }

    private static SepReader Open(string path) =>
        Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);

    /// <summary>
    /// Each field's column in the header (-1 when absent), refusing a header that lacks a required one.
    /// </summary>
    private static int[] Columns(SepReaderHeader header, string path, WarehouseColumns columns)
    {
        int[] index = [.. WarehouseColumns.Fields.Select(f => header.TryIndexOf(columns[f], out var i) ? i : -1)];
        foreach (var required in new[] { "sku", "location", "on_hand" }.Where(f => index[Ordinal(f)] < 0))
        {
            throw new MalformedRowException(
                path, 1, columns[required], string.Join(",", header.ColNames),
                header.ColNames.Count == 0 ? "the file is empty; expected a header line first"
                : "the header lacks this column (--warehouse-column maps a field to another column name)");
        }

        return index;
    }

    /// <summary>Reads the rows lazily with each row's as_of, so a large file is never held as a list.</summary>
    public static IEnumerable<(WarehouseSnapshotRow Row, Instant? AsOf, int Line)> Rows(
        string path,
        WarehouseColumns columns)
    {
        using var reader = Open(path);
        var header = reader.Header;
        var index = Columns(header, path, columns);

        var locations = new Dictionary<string, LocationId>(StringComparer.Ordinal);
        var instants = new Dictionary<string, Instant?>(StringComparer.Ordinal);
        while (reader.MoveNext())
        {
            if (SnapshotCells.IsBlank(reader.Current))
            {
                continue;
            }

            CsvQuoting.Check(reader.Current, ',', path);
            SnapshotCells.Require(reader.Current, header.ColNames.Count, path);
            var (row, asOf) = ReadRow(new RowCells(reader.Current, path, columns, index), locations, instants);
            yield return (row, asOf, reader.Current.LineNumberFrom);
        }
    }

    private static (WarehouseSnapshotRow Row, Instant? AsOf) ReadRow(
        RowCells cells,
        Dictionary<string, LocationId> locations,
        Dictionary<string, Instant?> instants)
    {
        var row = new WarehouseSnapshotRow(
            cells.Sku(), cells.Location(locations), cells.Count("on_hand"), cells.Count("allocated"),
            cells.Count("damaged"), cells.Count("quality_control"));
        try
        {
            // The classifier reads this figure; a row whose figure it cannot compute is refused here, by line.
            _ = row.Sellable;
        }
        catch (OverflowException)
        {
            throw cells.Bad(
                "on_hand", "on_hand less allocated, damaged and quality_control must fit in a 64-bit whole number");
        }

        return (row, cells.AsOf(instants));
    }

    /// <summary>
    /// The place of a field in <see cref="WarehouseColumns.Fields"/>; a switch on the name, since every cell of a
    /// large file asks.
    /// </summary>
    private static int Ordinal(string field) => field switch
    {
        "sku" => 0,
        "location" => 1,
        "on_hand" => 2,
        "allocated" => 3,
        "damaged" => 4,
        "quality_control" => 5,
        "as_of" => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a warehouse field"),
    };

    private static Instant? Later(Instant? latest, Instant? asOf) =>
        asOf is { } at && (latest is null || at > latest) ? at : latest;

    private readonly ref struct RowCells(
        SepReader.Row row,
        string path,
        WarehouseColumns columns,
        int[] index)
    {
        private readonly SepReader.Row _row = row;

        public Sku Sku() => Core.Stock.Sku.TryCreate(Text("sku"), out var sku)
            ? sku
            : throw Bad("sku", "expected a SKU of 1 to 255 characters");

        public LocationId Location(Dictionary<string, LocationId> seen) =>
            SnapshotCells.Location(Cell("location"), seen) ?? throw Bad("location", "expected a location name");

        public long Count(string field)
        {
            if (index[Ordinal(field)] < 0)
            {
                return 0;
            }

            var cell = Cell(field);
            return long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var units)
                ? units
                : throw Bad(field, "expected a whole number");
        }

        /// <summary>Reads the as_of cell; a file repeats few instants, so each text is parsed once.</summary>
        public Instant? AsOf(Dictionary<string, Instant?> seen)
        {
            if (index[Ordinal("as_of")] < 0 || Cell("as_of").IsEmpty)
            {
                return null;
            }

            return ParseAsOf(Cell("as_of"), seen) ?? throw Bad("as_of", "expected an ISO-8601 UTC instant");
        }

        private ReadOnlySpan<char> Cell(string field) => _row[index[Ordinal(field)]].Span.Trim();

        private string Text(string field) => Cell(field).ToString();

        public MalformedRowException Bad(string field, string problem) =>
            new(
                path,
                _row.LineNumberFrom,
                columns[field],
                index[Ordinal(field)] < 0 ? string.Empty : Text(field),
                problem);
    }
}
