using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Npgsql;

namespace Inventory.Storage.PostgreSql;

/// <content>Writing a batch: guarded statements in one transaction, rows locked in one order.</content>
public sealed partial class PostgreSqlInventoryStore
{
    private const string DeadlockDetected = "40P01";
    private const string SerializationFailure = "40001";

    /// <inheritdoc/>
    public async ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        bool written;
        List<JournalEntry> entries = [];
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                written = await ClaimKeyAsync(connection, batch, cancellationToken).ConfigureAwait(false);
                if (!written)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    var existing = await FindOutcomeAsync(connection, batch.IdempotencyKey, cancellationToken).ConfigureAwait(false);

                    return new StoreWriteResult(StoreWriteStatus.DuplicateKey, existing);
                }

                written = await GuardsHoldAsync(connection, batch, cancellationToken).ConfigureAwait(false);
                if (written)
                {
                    entries = await ApplyAsync(connection, batch, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (PostgresException ex) when (ex.SqlState is DeadlockDetected or SerializationFailure)
            {
                // The consistent lock order makes this rare; the ledger reads again and retries, as for a conflict.
                return StoreWriteResult.Conflict;
            }
        }

        return written
            ? new StoreWriteResult(StoreWriteStatus.Written, new RecordedOutcome(batch.IdempotencyKey, batch.Fingerprint, entries))
            : StoreWriteResult.Conflict;
    }

    /// <summary>Inserts the key; a concurrent writer of the same key waits here until the first one ends.</summary>
    private static async Task<bool> ClaimKeyAsync(NpgsqlConnection connection, StoreBatch batch, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            connection,
            cancellationToken,
            "INSERT INTO outcomes (idempotency_key, fingerprint, first_sequence, entry_count) VALUES (@k, @f, 0, 0) "
            + "ON CONFLICT (idempotency_key) DO NOTHING;",
            ("k", batch.IdempotencyKey),
            ("f", batch.Fingerprint)).ConfigureAwait(false) == 1;

    private static async Task<bool> GuardsHoldAsync(NpgsqlConnection connection, StoreBatch batch, CancellationToken cancellationToken)
    {
        foreach (var write in batch.Positions.OrderBy(w => w.Key))
        {
            if (!await PutPositionAsync(connection, write, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        foreach (var orderId in (batch.NewOrderIds ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var claimed = await ExecuteAsync(
                connection, cancellationToken, "INSERT INTO orders VALUES (@id) ON CONFLICT DO NOTHING;", ("id", orderId))
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                return false;
            }
        }

        foreach (var cart in (batch.ExpectedCartVersions ?? new Dictionary<string, long>()).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var sql = cart.Value == 0
                ? "INSERT INTO carts VALUES (@id, 1) ON CONFLICT DO NOTHING;"
                : "UPDATE carts SET version = version + 1 WHERE cart_id = @id AND version = @v;";
            if (await ExecuteAsync(connection, cancellationToken, sql, ("id", cart.Key), ("v", cart.Value)).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> PutPositionAsync(NpgsqlConnection connection, PositionWrite write, CancellationToken cancellationToken)
    {
        var p = write.Stored;
        var sql = write.ExpectedVersion == 0
            ? "INSERT INTO positions VALUES (@s, @l, @oh, @c, @r, @d, @qc, @ss, @in, 1) ON CONFLICT DO NOTHING;"
            : "UPDATE positions SET on_hand = @oh, committed = @c, reserved = @r, damaged = @d, quality_control = @qc, "
                + "safety_stock = @ss, incoming = @in, version = version + 1 "
                + "WHERE sku = @s AND location = @l AND version = @v;";

        return await ExecuteAsync(
            connection,
            cancellationToken,
            sql,
            ("s", write.Key.Sku.Value),
            ("l", write.Key.Location.Value),
            ("oh", p.OnHand),
            ("c", p.Committed),
            ("r", p.Reserved),
            ("d", p.Damaged),
            ("qc", p.QualityControl),
            ("ss", p.SafetyStock),
            ("in", p.Incoming),
            ("v", write.ExpectedVersion)).ConfigureAwait(false) == 1;
    }

    private static async Task<List<JournalEntry>> ApplyAsync(
        NpgsqlConnection connection, StoreBatch batch, CancellationToken cancellationToken)
    {
        foreach (var hold in batch.HoldsRemoved)
        {
            await ExecuteAsync(
                connection,
                cancellationToken,
                "DELETE FROM holds WHERE cart_id = @c AND line_id = @l AND sku = @s AND location = @loc;",
                ("c", hold.CartId),
                ("l", hold.LineId),
                ("s", hold.Key.Sku.Value),
                ("loc", hold.Key.Location.Value)).ConfigureAwait(false);
        }

        foreach (var hold in batch.HoldsPut)
        {
            await PutHoldAsync(connection, hold, cancellationToken).ConfigureAwait(false);
        }

        foreach (var line in batch.OrderLinesPut)
        {
            await PutOrderLineAsync(connection, line, cancellationToken).ConfigureAwait(false);
        }

        return await AppendAsync(connection, batch, cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> PutHoldAsync(NpgsqlConnection connection, Hold hold, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            cancellationToken,
            "INSERT INTO holds VALUES (@c, @l, @s, @loc, @q, @e) ON CONFLICT (cart_id, line_id, sku, location) "
            + "DO UPDATE SET quantity = excluded.quantity, expires_at = excluded.expires_at;",
            ("c", hold.CartId),
            ("l", hold.LineId),
            ("s", hold.Key.Sku.Value),
            ("loc", hold.Key.Location.Value),
            ("q", hold.Quantity),
            ("e", Ticks(hold.ExpiresAt)));

    private static async Task PutOrderLineAsync(NpgsqlConnection connection, OrderLine line, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            connection, cancellationToken, "INSERT INTO orders VALUES (@id) ON CONFLICT DO NOTHING;", ("id", line.OrderId))
            .ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            cancellationToken,
            "INSERT INTO order_lines VALUES (@o, @l, @s, @loc, @ord, @f, @c) ON CONFLICT (order_id, line_id, sku, location) "
            + "DO UPDATE SET ordered = excluded.ordered, fulfilled = excluded.fulfilled, cancelled = excluded.cancelled;",
            ("o", line.OrderId),
            ("l", line.LineId),
            ("s", line.Key.Sku.Value),
            ("loc", line.Key.Location.Value),
            ("ord", line.Ordered),
            ("f", line.Fulfilled),
            ("c", line.Cancelled)).ConfigureAwait(false);
    }

    /// <summary>Numbers and appends the entries; the journal head row is locked last and held to the commit.</summary>
    private static async Task<List<JournalEntry>> AppendAsync(
        NpgsqlConnection connection, StoreBatch batch, CancellationToken cancellationToken)
    {
        var appended = new List<JournalEntry>(batch.Entries.Count);
        if (batch.Entries.Count > 0)
        {
            await using var head = Command(
                connection,
                "UPDATE journal_head SET last_sequence = last_sequence + @n RETURNING last_sequence;",
                ("n", (long)batch.Entries.Count));
            var last = (long)(await head.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            var next = last - batch.Entries.Count + 1;
            foreach (var entry in batch.Entries)
            {
                var numbered = entry with { Sequence = next++ };
                await InsertEntryAsync(connection, numbered, cancellationToken).ConfigureAwait(false);
                appended.Add(numbered);
            }
        }

        await ExecuteAsync(
            connection,
            cancellationToken,
            "UPDATE outcomes SET first_sequence = @first, entry_count = @n WHERE idempotency_key = @k;",
            ("first", appended.Count == 0 ? 0L : appended[0].Sequence),
            ("n", appended.Count),
            ("k", batch.IdempotencyKey)).ConfigureAwait(false);

        return appended;
    }

    private static Task<int> InsertEntryAsync(NpgsqlConnection connection, JournalEntry e, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            cancellationToken,
            $"INSERT INTO journal ({EntryColumns}) VALUES (@seq, @k, @kind, @s, @l, @oh, @c, @r, @d, @qc, @ss, @in, "
            + "@q, @at, @ref, @reason, @actor);",
            ("seq", e.Sequence),
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
            ("actor", e.Actor));
}
