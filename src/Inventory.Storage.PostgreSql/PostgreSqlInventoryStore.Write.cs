using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Npgsql;

namespace Inventory.Storage.PostgreSql;

/// <content>
/// Writing a batch: guarded statements in one transaction, rows locked in one order, all sent in one round trip.
/// </content>
public sealed partial class PostgreSqlInventoryStore
{
    private const string DeadlockDetected = "40P01";
    private const string SerializationFailure = "40001";

    // The SQLSTATEs a failed guard raises through inventory_require: the idempotency key is taken, or a position,
    // cart or new order is not as the batch expects.
    private const string KeyTaken = "IK001";
    private const string GuardFailed = "IV001";

    /// <inheritdoc/>
    public async ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        long last;
        try
        {
            // No explicit transaction: PostgreSQL runs a batch's statements, sent with one Sync, as one implicit
            // transaction that commits when the last succeeds and rolls back whole at the first error, so the
            // write and its commit take one round trip.
            last = await new WritePlan(connection, batch).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == KeyTaken)
        {
            var existing = await FindOutcomeAsync(connection, batch.IdempotencyKey, cancellationToken)
                .ConfigureAwait(false);

            return existing is null
                ? StoreWriteResult.Conflict
                : new StoreWriteResult(StoreWriteStatus.DuplicateKey, existing);
        }
        catch (PostgresException ex) when (ex.SqlState is GuardFailed or DeadlockDetected or SerializationFailure)
        {
            // A deadlock is rare thanks to the consistent lock order; the ledger reads again and retries.
            return StoreWriteResult.Conflict;
        }

        var first = last - batch.Entries.Count + 1;
        var entries = batch.Entries.Select((entry, i) => entry with { Sequence = first + i }).ToList();

        return new StoreWriteResult(
            StoreWriteStatus.Written, new RecordedOutcome(batch.IdempotencyKey, batch.Fingerprint, entries));
    }

    /// <summary>
    /// The statements of one batch, in lock order: the key, the positions sorted by key, the new orders and the
    /// carts sorted ordinally, then holds, order, bundle and return lines, and the journal head last (held to the
    /// commit).
    /// </summary>
    private sealed class WritePlan
    {
        private readonly NpgsqlBatch _batch;
        private readonly StoreBatch _store;

        public WritePlan(NpgsqlConnection connection, StoreBatch batch)
        {
            _store = batch;
            _batch = new NpgsqlBatch(connection);
            Guard(
                KeyTaken,
                "INSERT INTO outcomes (idempotency_key, fingerprint, first_sequence, entry_count) "
                + "VALUES (@k, @f, 0, 0) ON CONFLICT (idempotency_key) DO NOTHING",
                ("k", batch.IdempotencyKey),
                ("f", batch.Fingerprint));
            AddGuards(batch);
            AddChanges(batch);
            AddJournal(batch);
        }

        /// <summary>
        /// Runs every statement; returns the journal head after the append (0 when nothing was appended).
        /// </summary>
        /// <exception cref="PostgresException">Thrown, with nothing written, when a guard fails.</exception>
        public async Task<long> ExecuteAsync(CancellationToken cancellationToken)
        {
            long last = 0;
            await using (_batch.ConfigureAwait(false))
            {
                await using var reader = await _batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                do
                {
                    var head = reader.FieldCount > 0 && reader.GetName(0) == "last_sequence";
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        last = head ? reader.GetInt64(0) : last;
                    }
                }
                while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
            }

            return last;
        }

        private void AddGuards(StoreBatch batch)
        {
            foreach (var write in batch.Positions.OrderBy(w => w.Key))
            {
                Guard(GuardFailed, PositionSql(write), PositionParameters(write));
            }

            var newOrders = (batch.NewOrderIds ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var orderId in newOrders)
            {
                Guard(GuardFailed, "INSERT INTO orders VALUES (@id) ON CONFLICT DO NOTHING", ("id", orderId));
            }

            var carts = batch.ExpectedCartVersions ?? new Dictionary<string, long>();
            foreach (var cart in carts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                Guard(
                    GuardFailed,
                    cart.Value == 0
                        ? "INSERT INTO carts VALUES (@id, 1) ON CONFLICT DO NOTHING"
                        : "UPDATE carts SET version = version + 1 WHERE cart_id = @id AND version = @v",
                    ("id", cart.Key),
                    ("v", cart.Value));
            }
        }

        private void AddChanges(StoreBatch batch)
        {
            foreach (var hold in batch.HoldsRemoved)
            {
                Add(
                    "DELETE FROM holds WHERE cart_id = @c AND line_id = @l AND sku = @s AND location = @loc",
                    ("c", hold.CartId),
                    ("l", hold.LineId),
                    ("s", hold.Key.Sku.Value),
                    ("loc", hold.Key.Location.Value));
            }

            foreach (var hold in batch.HoldsPut)
            {
                AddHold(hold);
            }

            foreach (var line in batch.OrderLinesPut)
            {
                AddOrderLine(line);
            }

            foreach (var (sql, parameters) in batch.BundleLinesPut.SelectMany(BundleLineStatements))
            {
                Add(sql, parameters);
            }

            foreach (var (sql, parameters) in batch.ReturnLinesPut.Select(ReturnLineStatement))
            {
                Add(sql, parameters);
            }
        }

        private void AddHold(Hold hold) =>
            Add(
                $"INSERT INTO holds ({HoldColumns}) VALUES (@c, @l, @s, @loc, @q, @e, @eNs) "
                + "ON CONFLICT (cart_id, line_id, sku, location) DO UPDATE SET quantity = excluded.quantity, "
                + "expires_at = excluded.expires_at, expires_at_ns = excluded.expires_at_ns",
                ("c", hold.CartId),
                ("l", hold.LineId),
                ("s", hold.Key.Sku.Value),
                ("loc", hold.Key.Location.Value),
                ("q", hold.Quantity),
                ("e", Ticks(hold.ExpiresAt)),
                ("eNs", BelowTick(hold.ExpiresAt)));

        private void AddOrderLine(OrderLine line)
        {
            Add("INSERT INTO orders VALUES (@id) ON CONFLICT DO NOTHING", ("id", line.OrderId));
            Add(
                "INSERT INTO order_lines VALUES (@o, @l, @s, @loc, @ord, @f, @c) "
                + "ON CONFLICT (order_id, line_id, sku, location) "
                + "DO UPDATE SET ordered = excluded.ordered, fulfilled = excluded.fulfilled, "
                + "cancelled = excluded.cancelled",
                ("o", line.OrderId),
                ("l", line.LineId),
                ("s", line.Key.Sku.Value),
                ("loc", line.Key.Location.Value),
                ("ord", line.Ordered),
                ("f", line.Fulfilled),
                ("c", line.Cancelled));
        }

        /// <summary>Advances the journal head and numbers the entries from it, all inside the transaction.</summary>
        private void AddJournal(StoreBatch batch)
        {
            var count = batch.Entries.Count;
            if (count == 0)
            {
                return;
            }

            Add(
                "UPDATE journal_head SET last_sequence = last_sequence + @n RETURNING last_sequence",
                ("n", (long)count));
            for (var i = 0; i < count; i++)
            {
                AddEntry(batch.Entries[i], count - 1 - i);
            }

            Add(
                "UPDATE outcomes SET first_sequence = (SELECT last_sequence FROM journal_head) - @n + 1, "
                + "entry_count = @n WHERE idempotency_key = @k",
                ("n", count),
                ("k", _store.IdempotencyKey));
        }

        private void AddEntry(JournalEntry e, long back) =>
            Add(
                $"INSERT INTO journal ({EntryColumns}) VALUES ((SELECT last_sequence FROM journal_head) - @back, "
                + "@k, @kind, @s, @l, @oh, @c, @r, @d, @qc, @ss, @in, @q, @at, @ref, @reason, @actor, @atNs)",
                ("back", back),
                ("k", e.IdempotencyKey),
                ("kind", (int)e.Kind),
                ("s", e.Key.Sku.Value),
                ("l", e.Key.Location.Value),
                ("oh", e.Change.OnHand),
                ("c", e.Change.Committed),
                ("r", e.Change.Reserved),
                ("d", e.Change.Damaged),
                ("qc", e.Change.QualityControl),
                ("ss", e.Change.SafetyStock),
                ("in", e.Change.Incoming),
                ("q", e.Quantity),
                ("at", Ticks(e.At)),
                ("ref", e.Reference),
                ("reason", e.Reason),
                ("actor", e.Actor),
                ("atNs", BelowTick(e.At)));

        private static string PositionSql(PositionWrite write) =>
            write.ExpectedVersion == 0
                ? "INSERT INTO positions VALUES (@s, @l, @oh, @c, @r, @d, @qc, @ss, @in, 1) ON CONFLICT DO NOTHING"
                : "UPDATE positions SET on_hand = @oh, committed = @c, reserved = @r, damaged = @d, "
                    + "quality_control = @qc, safety_stock = @ss, incoming = @in, version = version + 1 "
                    + "WHERE sku = @s AND location = @l AND version = @v";

        private static (string, object?)[] PositionParameters(PositionWrite write) =>
        [
            ("s", write.Key.Sku.Value), ("l", write.Key.Location.Value), ("oh", write.Stored.OnHand),
            ("c", write.Stored.Committed), ("r", write.Stored.Reserved), ("d", write.Stored.Damaged),
            ("qc", write.Stored.QualityControl), ("ss", write.Stored.SafetyStock), ("in", write.Stored.Incoming),
            ("v", write.ExpectedVersion),
        ];

        /// <summary>
        /// Adds a statement that must change exactly one row; otherwise it raises <paramref name="failure"/>, which
        /// rolls the whole batch back.
        /// </summary>
        private void Guard(string failure, string sql, params (string Name, object? Value)[] parameters) =>
            Add(
                $"WITH g AS ({sql} RETURNING 1) SELECT inventory_require(count(*), '{failure}') AS guard FROM g",
                parameters);

        private void Add(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters.Where(p => sql.Contains("@" + p.Name, StringComparison.Ordinal)))
            {
                command.Parameters.Add(value is null
                    ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                    : new NpgsqlParameter(name, value));
            }

            _batch.BatchCommands.Add(command);
        }
    }
}
