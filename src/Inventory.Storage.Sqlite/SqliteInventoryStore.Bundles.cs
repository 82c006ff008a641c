using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using Microsoft.Data.Sqlite;

namespace Inventory.Storage.Sqlite;

/// <content>Bundle lines: one row per line, and one row per component of its version and of its composition.</content>
public sealed partial class SqliteInventoryStore
{
    // The part column tells the two component lists of a bundle line apart.
    private const int VersionLinePart = 0;
    private const int LeafPart = 1;

    private static void PutBundleLine(SqliteConnection connection, SqliteTransaction transaction, BundleOrderLine line)
    {
        Execute(
            connection,
            transaction,
            "INSERT OR REPLACE INTO bundle_lines (order_id, line_id, bundle, quantity, sold_at, sold_at_ns, "
            + "version_from, version_from_ns, version_to, version_to_ns) "
            + "VALUES ($o, $l, $b, $q, $at, $atNs, $from, $fromNs, $to, $toNs);",
            ("$o", line.OrderId),
            ("$l", line.LineId),
            ("$b", line.Bundle.Value),
            ("$q", line.Quantity),
            ("$at", Ticks(line.SoldAt)),
            ("$atNs", BelowTick(line.SoldAt)),
            ("$from", line.VersionFrom is { } from ? Ticks(from) : null),
            ("$fromNs", line.VersionFrom is { } fromNs ? BelowTick(fromNs) : null),
            ("$to", line.VersionTo is { } to ? Ticks(to) : null),
            ("$toNs", line.VersionTo is { } toNs ? BelowTick(toNs) : null));
        Execute(
            connection,
            transaction,
            "DELETE FROM bundle_line_parts WHERE order_id = $o AND line_id = $l;",
            ("$o", line.OrderId),
            ("$l", line.LineId));
        PutParts(connection, transaction, line, VersionLinePart, line.Children);
        PutParts(connection, transaction, line, LeafPart, line.PerBundle);
    }

    private static void PutParts(
        SqliteConnection connection, SqliteTransaction transaction, BundleOrderLine line, int part,
        IReadOnlyList<BundleComponent> components)
    {
        for (var i = 0; i < components.Count; i++)
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO bundle_line_parts (order_id, line_id, part, ordinal, sku, quantity) "
                + "VALUES ($o, $l, $p, $i, $s, $q);",
                ("$o", line.OrderId),
                ("$l", line.LineId),
                ("$p", part),
                ("$i", i),
                ("$s", components[i].Sku.Value),
                ("$q", components[i].Quantity));
        }
    }

    private static List<BundleOrderLine> ReadBundleLines(
        SqliteConnection connection, SqliteTransaction transaction, string orderId)
    {
        var parts = ReadParts(connection, transaction, orderId);
        using var command = Command(
            connection,
            transaction,
            "SELECT line_id, bundle, quantity, sold_at, sold_at_ns, version_from, version_from_ns, version_to, "
            + "version_to_ns FROM bundle_lines "
            + "WHERE order_id = $o ORDER BY line_id;",
            ("$o", orderId));
        var lines = new List<BundleOrderLine>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var lineId = reader.GetString(0);
            lines.Add(new BundleOrderLine(
                orderId,
                lineId,
                new Sku(reader.GetString(1)),
                reader.GetInt64(2),
                Exact(reader.GetInt64(3), reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : Exact(reader.GetInt64(5), reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : Exact(reader.GetInt64(7), reader.GetInt64(8)),
                parts.GetValueOrDefault((lineId, VersionLinePart)) ?? [],
                parts.GetValueOrDefault((lineId, LeafPart)) ?? []));
        }

        return lines;
    }

    private static Dictionary<(string LineId, long Part), List<BundleComponent>> ReadParts(
        SqliteConnection connection, SqliteTransaction transaction, string orderId)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT line_id, part, sku, quantity FROM bundle_line_parts WHERE order_id = $o "
            + "ORDER BY line_id, part, ordinal;",
            ("$o", orderId));
        var parts = new Dictionary<(string, long), List<BundleComponent>>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetInt64(1));
            if (!parts.TryGetValue(key, out var components))
            {
                components = [];
                parts.Add(key, components);
            }

            components.Add(new BundleComponent(new Sku(reader.GetString(2)), reader.GetInt64(3)));
        }

        return parts;
    }
}
