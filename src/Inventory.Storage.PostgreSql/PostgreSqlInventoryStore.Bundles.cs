using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using NodaTime;
using Npgsql;

namespace Inventory.Storage.PostgreSql;

/// <content>Bundle lines: one row per line, and one row per component of its version and of its composition.</content>
public sealed partial class PostgreSqlInventoryStore
{
    // The part column tells the two component lists of a bundle line apart.
    private const int VersionLinePart = 0;
    private const int LeafPart = 1;

    /// <summary>The statements that put one bundle line, replacing an earlier one with its order and line id.</summary>
    private static List<(string Sql, (string Name, object? Value)[] Parameters)> BundleLineStatements(
        BundleOrderLine line)
    {
        var statements = new List<(string, (string, object?)[])>
        {
            (
                "INSERT INTO bundle_lines VALUES (@o, @l, @b, @q, @at, @atNs, @from::bigint, @fromNs::bigint, "
                + "@to::bigint, @toNs::bigint) "
                + "ON CONFLICT (order_id, line_id) DO UPDATE SET bundle = excluded.bundle, "
                + "quantity = excluded.quantity, sold_at = excluded.sold_at, sold_at_ns = excluded.sold_at_ns, "
                + "version_from = excluded.version_from, version_from_ns = excluded.version_from_ns, "
                + "version_to = excluded.version_to, version_to_ns = excluded.version_to_ns",
                [
                    ("o", line.OrderId), ("l", line.LineId), ("b", line.Bundle.Value), ("q", line.Quantity),
                    ("at", Ticks(line.SoldAt)), ("atNs", BelowTick(line.SoldAt)),
                    ("from", Ticks(line.VersionFrom)), ("fromNs", BelowTick(line.VersionFrom)),
                    ("to", Ticks(line.VersionTo)), ("toNs", BelowTick(line.VersionTo)),
                ]),
            (
                "DELETE FROM bundle_line_parts WHERE order_id = @o AND line_id = @l",
                [("o", line.OrderId), ("l", line.LineId)]),
        };
        AddParts(statements, line, VersionLinePart, line.Children);
        AddParts(statements, line, LeafPart, line.PerBundle);

        return statements;
    }

    private static void AddParts(
        List<(string, (string, object?)[])> statements, BundleOrderLine line, int part,
        IReadOnlyList<BundleComponent> components)
    {
        for (var i = 0; i < components.Count; i++)
        {
            statements.Add((
                "INSERT INTO bundle_line_parts VALUES (@o, @l, @p, @i, @s, @q)",
                [
                    ("o", line.OrderId), ("l", line.LineId), ("p", part), ("i", i),
                    ("s", components[i].Sku.Value), ("q", components[i].Quantity),
                ]));
        }
    }

    private static async Task<List<BundleOrderLine>> ReadBundleLinesAsync(
        NpgsqlConnection connection, string orderId, CancellationToken cancellationToken)
    {
        var parts = await ReadPartsAsync(connection, orderId, cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            "SELECT line_id, bundle, quantity, sold_at, sold_at_ns, version_from, version_from_ns, version_to, "
            + "version_to_ns FROM bundle_lines "
            + "WHERE order_id = @o ORDER BY line_id;",
            ("o", orderId));
        var lines = new List<BundleOrderLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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

    private static async Task<Dictionary<(string LineId, int Part), List<BundleComponent>>> ReadPartsAsync(
        NpgsqlConnection connection, string orderId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            "SELECT line_id, part, sku, quantity FROM bundle_line_parts WHERE order_id = @o "
            + "ORDER BY line_id, part, ordinal;",
            ("o", orderId));
        var parts = new Dictionary<(string, int), List<BundleComponent>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetInt32(1));
            if (!parts.TryGetValue(key, out var components))
            {
                components = [];
                parts.Add(key, components);
            }

            components.Add(new BundleComponent(new Sku(reader.GetString(2)), reader.GetInt64(3)));
        }

        return parts;
    }

    private static long? Ticks(Instant? instant) => instant is { } value ? Ticks(value) : null;

    private static long? BelowTick(Instant? instant) => instant is { } value ? BelowTick(value) : null;
}
