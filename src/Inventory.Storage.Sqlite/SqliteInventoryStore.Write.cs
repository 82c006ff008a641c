using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Inventory.Storage.Sqlite;

/// <content>Writing a batch: every check and every change in one <c>BEGIN IMMEDIATE</c> transaction.</content>
public sealed partial class SqliteInventoryStore
{
    /// <inheritdoc/>
    public ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();

        using var connection = OpenConnection();

        // deferred: false begins with BEGIN IMMEDIATE: the write lock is held before the first check.
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = WriteLocked(connection, transaction, batch);
        if (result.Status == StoreWriteStatus.Written)
        {
            transaction.Commit();
        }
        else
        {
            transaction.Rollback();
        }

        return new ValueTask<StoreWriteResult>(result);
    }

    private static StoreWriteResult WriteLocked(
        SqliteConnection connection, SqliteTransaction transaction, StoreBatch batch)
    {
        if (FindOutcome(connection, transaction, batch.IdempotencyKey) is { } existing)
        {
            return new StoreWriteResult(StoreWriteStatus.DuplicateKey, existing);
        }

        if (!ChecksHold(connection, transaction, batch))
        {
            return StoreWriteResult.Conflict;
        }

        foreach (var write in batch.Positions)
        {
            PutPosition(connection, transaction, write);
        }

        foreach (var cart in batch.ExpectedCartVersions ?? new Dictionary<string, long>())
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO carts (cart_id, version) VALUES ($id, $v) "
                + "ON CONFLICT (cart_id) DO UPDATE SET version = excluded.version;",
                ("$id", cart.Key),
                ("$v", checked(cart.Value + 1)));
        }

        foreach (var hold in batch.HoldsRemoved)
        {
            Execute(
                connection,
                transaction,
                "DELETE FROM holds WHERE cart_id = $c AND line_id = $l AND sku = $s AND location = $loc;",
                ("$c", hold.CartId),
                ("$l", hold.LineId),
                ("$s", hold.Key.Sku.Value),
                ("$loc", hold.Key.Location.Value));
        }

        foreach (var hold in batch.HoldsPut)
        {
            PutHold(connection, transaction, hold);
        }

        foreach (var line in batch.OrderLinesPut)
        {
            PutOrderLine(connection, transaction, line);
        }

        foreach (var line in batch.BundleLinesPut)
        {
            PutBundleLine(connection, transaction, line);
        }

        foreach (var line in batch.ReturnLinesPut)
        {
            PutReturnLine(connection, transaction, line);
        }

        var entries = Append(connection, transaction, batch.Entries);
        var first = entries.Count == 0 ? 0 : entries[0].Sequence;
        Execute(
            connection,
            transaction,
            "INSERT INTO outcomes (idempotency_key, fingerprint, first_sequence, entry_count) "
            + "VALUES ($k, $f, $first, $n);",
            ("$k", batch.IdempotencyKey),
            ("$f", batch.Fingerprint),
            ("$first", first),
            ("$n", entries.Count));

        return new StoreWriteResult(
            StoreWriteStatus.Written, new RecordedOutcome(batch.IdempotencyKey, batch.Fingerprint, entries));
    }

    private static bool ChecksHold(SqliteConnection connection, SqliteTransaction transaction, StoreBatch batch)
    {
        foreach (var write in batch.Positions)
        {
            var version = Scalar(
                connection,
                transaction,
                "SELECT version FROM positions WHERE sku = $s AND location = $l;",
                ("$s", write.Key.Sku.Value),
                ("$l", write.Key.Location.Value)) as long? ?? 0;
            if (version != write.ExpectedVersion)
            {
                return false;
            }
        }

        foreach (var orderId in batch.NewOrderIds ?? [])
        {
            var taken = Scalar(
                connection, transaction, "SELECT 1 FROM order_lines WHERE order_id = $id LIMIT 1;", ("$id", orderId));
            if (taken is not null)
            {
                return false;
            }
        }

        foreach (var cart in batch.ExpectedCartVersions ?? new Dictionary<string, long>())
        {
            var version = Scalar(
                connection,
                transaction,
                "SELECT version FROM carts WHERE cart_id = $id;",
                ("$id", cart.Key)) as long? ?? 0;
            if (version != cart.Value)
            {
                return false;
            }
        }

        return true;
    }

    private static void PutPosition(SqliteConnection connection, SqliteTransaction transaction, PositionWrite write)
    {
        var p = write.Stored;
        Execute(
            connection,
            transaction,
            "INSERT INTO positions (sku, location, on_hand, committed, reserved, damaged, quality_control, "
            + "safety_stock, incoming, version) VALUES ($s, $l, $oh, $c, $r, $d, $qc, $ss, $in, $v) "
            + "ON CONFLICT (sku, location) DO UPDATE SET on_hand = excluded.on_hand, committed = excluded.committed, "
            + "reserved = excluded.reserved, damaged = excluded.damaged, quality_control = excluded.quality_control, "
            + "safety_stock = excluded.safety_stock, incoming = excluded.incoming, version = excluded.version;",
            ("$s", write.Key.Sku.Value),
            ("$l", write.Key.Location.Value),
            ("$oh", p.OnHand),
            ("$c", p.Committed),
            ("$r", p.Reserved),
            ("$d", p.Damaged),
            ("$qc", p.QualityControl),
            ("$ss", p.SafetyStock),
            ("$in", p.Incoming),
            ("$v", checked(write.ExpectedVersion + 1)));
    }

    private static void PutHold(SqliteConnection connection, SqliteTransaction transaction, Hold hold) =>
        Execute(
            connection,
            transaction,
            $"INSERT OR REPLACE INTO holds ({HoldColumns}) VALUES ($c, $l, $s, $loc, $q, $e, $eNs);",
            ("$c", hold.CartId),
            ("$l", hold.LineId),
            ("$s", hold.Key.Sku.Value),
            ("$loc", hold.Key.Location.Value),
            ("$q", hold.Quantity),
            ("$e", Ticks(hold.ExpiresAt)),
            ("$eNs", BelowTick(hold.ExpiresAt)));

    private static void PutOrderLine(SqliteConnection connection, SqliteTransaction transaction, OrderLine line) =>
        Execute(
            connection,
            transaction,
            "INSERT OR REPLACE INTO order_lines (order_id, line_id, sku, location, ordered, fulfilled, cancelled) "
            + "VALUES ($o, $l, $s, $loc, $ord, $f, $c);",
            ("$o", line.OrderId),
            ("$l", line.LineId),
            ("$s", line.Key.Sku.Value),
            ("$loc", line.Key.Location.Value),
            ("$ord", line.Ordered),
            ("$f", line.Fulfilled),
            ("$c", line.Cancelled));

    private static List<JournalEntry> Append(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<JournalEntry> entries)
    {
        var appended = new List<JournalEntry>(entries.Count);
        if (entries.Count == 0)
        {
            return appended;
        }

        var next = (long)Scalar(connection, transaction, "SELECT COALESCE(MAX(sequence), 0) + 1 FROM journal;")!;
        foreach (var entry in entries)
        {
            var numbered = entry with { Sequence = next++ };
            InsertEntry(connection, transaction, numbered);
            appended.Add(numbered);
        }

        return appended;
    }

    private static void InsertEntry(SqliteConnection connection, SqliteTransaction transaction, JournalEntry e) =>
        Execute(
            connection,
            transaction,
            $"INSERT INTO journal ({EntryColumns}) VALUES ($seq, $k, $kind, $s, $l, $oh, $c, $r, $d, $qc, $ss, $in, "
            + "$q, $at, $ref, $reason, $actor, $atNs);",
            ("$seq", e.Sequence),
            ("$k", e.IdempotencyKey),
            ("$kind", (int)e.Kind),
            ("$s", e.Key.Sku.Value),
            ("$l", e.Key.Location.Value),
            ("$oh", e.Change.OnHand),
            ("$c", e.Change.Committed),
            ("$r", e.Change.Reserved),
            ("$d", e.Change.Damaged),
            ("$qc", e.Change.QualityControl),
            ("$ss", e.Change.SafetyStock),
            ("$in", e.Change.Incoming),
            ("$q", e.Quantity),
            ("$at", Ticks(e.At)),
            ("$ref", e.Reference),
            ("$reason", e.Reason),
            ("$actor", e.Actor),
            ("$atNs", BelowTick(e.At)));
}
