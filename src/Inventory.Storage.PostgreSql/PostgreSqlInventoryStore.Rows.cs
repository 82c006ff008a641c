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
        + "d_quality_control, d_safety_stock, d_incoming, quantity, at, reference, reason, actor";

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

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken, string sql, params (string Name, object? Value)[] parameters)
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
            ("sku", key.Sku.Value),
            ("location", key.Location.Value));
        var found = await ReadPositionsAsync(command, cancellationToken).ConfigureAwait(false);

        return found.Count == 0 ? new VersionedPosition(key, StockPosition.Empty, 0, 0) : found[0];
    }

    private static async Task<List<VersionedPosition>> ReadPositionsAsync(
        NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var positions = new List<VersionedPosition>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        var holds = new List<Hold>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            holds.Add(new Hold(
                reader.GetString(0),
                reader.GetString(1),
                new PositionKey(new Sku(reader.GetString(2)), new LocationId(reader.GetString(3))),
                reader.GetInt64(4),
                Instant.FromUnixTimeTicks(reader.GetInt64(5))));
        }

        return holds;
    }

    private static async Task<List<OrderLine>> ReadOrderLinesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var lines = new List<OrderLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    private static JournalEntry ReadEntry(NpgsqlDataReader reader)
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
            Instant.FromUnixTimeTicks(reader.GetInt64(13)),
            reader.IsDBNull(14) ? null : reader.GetString(14),
            reader.IsDBNull(15) ? null : reader.GetString(15),
            reader.IsDBNull(16) ? null : reader.GetString(16));
    }

    private static async Task<RecordedOutcome?> FindOutcomeAsync(
        NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        string fingerprint;
        long first, count;
        await using (var command = Command(
            connection,
            "SELECT fingerprint, first_sequence, entry_count FROM outcomes WHERE idempotency_key = @key;",
            ("key", key)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (fingerprint, first, count) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2));
        }

        var entries = count == 0
            ? []
            : await ReadEntriesAsync(connection, first - 1, count, cancellationToken).ConfigureAwait(false);

        return new RecordedOutcome(key, fingerprint, entries);
    }
}
