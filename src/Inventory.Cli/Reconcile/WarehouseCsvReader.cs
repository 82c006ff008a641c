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
        using var reader = Sep.New(',')
            .Reader(o => o with { Unescape = true, DisableColCountCheck = true })
            .FromFile(path);
        var header = reader.Header;
        var index = WarehouseColumns.Fields.ToDictionary(
            f => f, f => header.TryIndexOf(columns[f], out var i) ? i : -1);
        foreach (var required in new[] { "sku", "location", "on_hand" }.Where(f => index[f] < 0))
        {
            throw new MalformedRowException(
                path, 1, columns[required], string.Join(",", header.ColNames), "the header lacks this column");
        }

        var rows = new List<WarehouseSnapshotRow>();
        Instant? latest = null;
        foreach (var row in reader)
        {
            var cells = new RowCells(row, path, columns, index);
            rows.Add(new WarehouseSnapshotRow(
                cells.Sku(), cells.Location(), cells.Count("on_hand"), cells.Count("allocated"),
                cells.Count("damaged"), cells.Count("quality_control")));
            var asOf = cells.AsOf();
            latest = asOf is { } at && (latest is null || at > latest) ? at : latest;
        }

        return (rows, latest);
    }

    private readonly ref struct RowCells(
        SepReader.Row row,
        string path,
        WarehouseColumns columns,
        Dictionary<string, int> index)
    {
        private readonly SepReader.Row _row = row;

        public Sku Sku() => Core.Stock.Sku.TryCreate(Text("sku"), out var sku)
            ? sku
            : throw Bad("sku", "expected a SKU of 1 to 255 characters");

        public LocationId Location() => LocationId.TryCreate(Text("location"), out var location)
            ? location
            : throw Bad("location", "expected a location name");

        public long Count(string field)
        {
            if (index[field] < 0)
            {
                return 0;
            }

            var text = Text(field);
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var units)
                ? units
                : throw Bad(field, "expected a whole number");
        }

        public Instant? AsOf()
        {
            if (index["as_of"] < 0 || Text("as_of").Length == 0)
            {
                return null;
            }

            var parsed = InstantPattern.ExtendedIso.Parse(Text("as_of"));
            return parsed.Success ? parsed.Value : throw Bad("as_of", "expected an ISO-8601 UTC instant");
        }

        private string Text(string field) => _row[index[field]].ToString().Trim();

        private MalformedRowException Bad(string field, string problem) =>
            new(path, _row.LineNumberFrom, columns[field], index[field] < 0 ? string.Empty : Text(field), problem);
    }
}
