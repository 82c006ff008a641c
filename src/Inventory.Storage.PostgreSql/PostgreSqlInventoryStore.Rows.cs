using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Npgsql;

namespace Inventory.Storage.PostgreSql;

/// <content>Commands and the mapping between rows and the library's types.</content>
public sealed partial class PostgreSqlInventoryStore
{
    private const string EntryColumns =
        "sequence, idempotency_key, kind, sku, location, d_on_hand, d_committed, d_reserved, d_damaged, "
        + "d_quality_control, d_safety_stock, d_incoming, quantity, at, reference, reason, actor, at_ns";

    private const string HoldColumns = "cart_id, line_id, sku, location, quantity, expires_at, expires_at_ns";

    private const string JoinedEntryColumns =
        "j.sequence, j.idempotency_key, j.kind, j.sku, j.location, j.d_on_hand, j.d_committed, j.d_reserved, "
        + "j.d_damaged, j.d_quality_control, j.d_safety_stock, j.d_incoming, j.quantity, j.at, j.reference, "
        + "j.reason, j.actor, j.at_ns";

    private static NpgsqlCommand Command(
        NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }

        return command;
    }

    /// <summary>Makes a batch command with the parameters its text names (a batch binds only those).</summary>
    private static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains("@" + name, StringComparison.Ordinal))
            {
                command.Parameters.Add(value is null
                    ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                    : new NpgsqlParameter(name, value));
            }
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken, string sql,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<VersionedPosition> ReadPositionAsync(
        NpgsqlConnection connection, PositionKey key, Instant now, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"SELECT {PositionColumns} FROM positions p WHERE p.sku = @sku AND p.location = @location;",
            ("now", Ticks(now)),
            ("nowNs", BelowTick(now)),
            ("sku", key.Sku.Value),
            ("location", key.Location.Value));
        var found = await ReadPositionsAsync(command, cancellationToken).ConfigureAwait(false);

        return found.Count == 0 ? new VersionedPosition(key, StockPosition.Empty, 0, 0) : found[0];
    }

    private static async Task<List<VersionedPosition>> ReadPositionsAsync(
        NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        return await ReadPositionRowsAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<VersionedPosition>> ReadPositionRowsAsync(
        NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var positions = new List<VersionedPosition>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = new PositionKey(new Sku(reader.GetString(0)), new LocationId(reader.GetString(1)));
            var stored = new StockPosition(
                reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8));
            positions.Add(new VersionedPosition(key, stored, reader.GetInt64(10), reader.GetInt64(9)));
        }

        return positions;
    }

    private static async Task<List<Hold>> ReadHoldsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        return await ReadHoldRowsAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<Hold>> ReadHoldRowsAsync(
        NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var holds = new List<Hold>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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

    private static async Task<List<OrderLine>> ReadOrderLineRowsAsync(
        NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var lines = new List<OrderLine>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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

    private static async Task<List<JournalEntry>> ReadEntriesAsync(
        NpgsqlConnection connection, long afterSequence, long maxCount, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"SELECT {EntryColumns} FROM journal WHERE sequence > @after ORDER BY sequence LIMIT @max;",
            ("after", afterSequence),
            ("max", maxCount));
        var entries = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ReadEntry(reader, offset: 0));
        }

        return entries;
    }

    private static JournalEntry ReadEntry(NpgsqlDataReader reader, int offset)
    {
        long Int64(int column) => reader.GetInt64(offset + column);
        string? Text(int column) => reader.IsDBNull(offset + column) ? null : reader.GetString(offset + column);

        var change = new StockChange(Int64(5), Int64(6), Int64(7), Int64(8), Int64(9), Int64(10), Int64(11));

        return new JournalEntry(
            Int64(0),
            reader.GetString(offset + 1),
            (EntryKind)reader.GetInt32(offset + 2),
            new PositionKey(new Sku(reader.GetString(offset + 3)), new LocationId(reader.GetString(offset + 4))),
            change,
            Int64(12),
            Exact(Int64(13), Int64(17)),
            Text(14),
            Text(15),
            Text(16));
    }

    /// <summary>The statement that reads an outcome and its entries, so from one snapshot; its first column is
    /// <c>fingerprint</c>.</summary>
    private const string OutcomeSql =
        $"SELECT o.fingerprint, {JoinedEntryColumns} FROM outcomes o LEFT JOIN journal j "
        + "ON j.sequence >= o.first_sequence AND j.sequence < o.first_sequence + o.entry_count "
        + "WHERE o.idempotency_key = @key ORDER BY j.sequence";

    /// <summary>Reads an outcome and its entries in one statement, so one snapshot.</summary>
    private static async Task<RecordedOutcome?> FindOutcomeAsync(
        NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, OutcomeSql, ("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        return await ReadOutcomeRowsAsync(reader, key, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RecordedOutcome?> ReadOutcomeRowsAsync(
        NpgsqlDataReader reader, string key, CancellationToken cancellationToken)
    {
        string? fingerprint = null;
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            fingerprint = reader.GetString(0);
            if (!reader.IsDBNull(1))
            {
                entries.Add(ReadEntry(reader, offset: 1));
            }
        }

        return fingerprint is null ? null : new RecordedOutcome(key, fingerprint, entries);
    }
}
