using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Inventory.Storage.Sqlite;

/// <content>Commands and the mapping between rows and the library's types.</content>
public sealed partial class SqliteInventoryStore
{
    private const string EntryColumns =
        "sequence, idempotency_key, kind, sku, location, d_on_hand, d_committed, d_reserved, d_damaged, "
        + "d_quality_control, d_safety_stock, d_incoming, quantity, at, reference, reason, actor, at_ns";

    private const string HoldColumns = "cart_id, line_id, sku, location, quantity, expires_at, expires_at_ns";

    private static SqliteCommand Command(
        SqliteConnection connection, SqliteTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static int Execute(
        SqliteConnection connection, SqliteTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);

        return command.ExecuteNonQuery();
    }

    private static object? Scalar(
        SqliteConnection connection, SqliteTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);

        return command.ExecuteScalar();
    }

    private static VersionedPosition ReadPosition(
        SqliteConnection connection, SqliteTransaction? transaction, PositionKey key, Instant now)
    {
        using var command = Command(
            connection,
            transaction,
            $"SELECT {PositionColumns} FROM positions p WHERE p.sku = $sku AND p.location = $location;",
            ("$now", Ticks(now)),
            ("$nowNs", BelowTick(now)),
            ("$sku", key.Sku.Value),
            ("$location", key.Location.Value));
        var found = ReadPositions(command);

        return found.Count == 0 ? new VersionedPosition(key, StockPosition.Empty, 0, 0) : found[0];
    }

    private static List<VersionedPosition> ReadPositions(SqliteCommand command)
    {
        var positions = new List<VersionedPosition>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = new PositionKey(new Sku(reader.GetString(0)), new LocationId(reader.GetString(1)));
            var stored = new StockPosition(
                reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8));
            positions.Add(new VersionedPosition(key, stored, reader.GetInt64(10), reader.GetInt64(9)));
        }

        return positions;
    }

    private static List<Hold> ReadHolds(SqliteCommand command)
    {
        var holds = new List<Hold>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            holds.Add(new Hold(
                reader.GetString(0),
                reader.GetString(1),
                new PositionKey(new Sku(reader.GetString(2)), new LocationId(reader.GetString(3))),
                reader.GetInt64(4),
                Exact(reader.GetInt64(5), reader.GetInt64(6))));
        }

        return holds;
    }

    private static List<OrderLine> ReadOrderLines(SqliteCommand command)
    {
        var lines = new List<OrderLine>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lines.Add(new OrderLine(
                reader.GetString(0),
                reader.GetString(1),
                new PositionKey(new Sku(reader.GetString(2)), new LocationId(reader.GetString(3))),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetInt64(6)));
        }

        return lines;
    }

    private static List<JournalEntry> ReadEntries(
        SqliteConnection connection, SqliteTransaction? transaction, long afterSequence, long maxCount)
    {
        using var command = Command(
            connection,
            transaction,
            $"SELECT {EntryColumns} FROM journal WHERE sequence > $after ORDER BY sequence LIMIT $max;",
            ("$after", afterSequence),
            ("$max", maxCount));
        var entries = new List<JournalEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    private static JournalEntry ReadEntry(SqliteDataReader reader)
    {
        var change = new StockChange(
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8),
            reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11));

        return new JournalEntry(
            reader.GetInt64(0),
            reader.GetString(1),
            (EntryKind)reader.GetInt32(2),
            new PositionKey(new Sku(reader.GetString(3)), new LocationId(reader.GetString(4))),
            change,
            reader.GetInt64(12),
            Exact(reader.GetInt64(13), reader.GetInt64(17)),
            reader.IsDBNull(14) ? null : reader.GetString(14),
            reader.IsDBNull(15) ? null : reader.GetString(15),
            reader.IsDBNull(16) ? null : reader.GetString(16));
    }

    private static RecordedOutcome? FindOutcome(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        string fingerprint;
        long first, count;
        using (var command = Command(
            connection,
            transaction,
            "SELECT fingerprint, first_sequence, entry_count FROM outcomes WHERE idempotency_key = $key;",
            ("$key", key)))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            (fingerprint, first, count) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        var entries = count == 0 ? [] : ReadEntries(connection, transaction, first - 1, count);

        return new RecordedOutcome(key, fingerprint, entries);
    }
}
