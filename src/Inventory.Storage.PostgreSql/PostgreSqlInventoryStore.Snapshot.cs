using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Npgsql;

namespace Inventory.Storage.PostgreSql;

/// <content>Reading one consistent snapshot for a <see cref="StoreQuery"/>.</content>
public sealed partial class PostgreSqlInventoryStore
{
    /// <summary>
    /// Reads a snapshot: the transaction's start, the outcome recorded under the query's idempotency key, the carts'
    /// holds and versions, the orders' lines and every position the query names or its holds and lines call for go
    /// in one batch, so one round trip; bundle and return lines, which only some commands need, follow in the same
    /// transaction. When <c>beginsItself</c> is false the caller has begun the transaction and commits it.
    /// </summary>
    private sealed class SnapshotReader(
        NpgsqlConnection connection, StoreQuery query, CancellationToken cancellationToken, bool beginsItself)
    {
        private readonly Dictionary<PositionKey, VersionedPosition> _positions = [];
        private readonly List<Hold> _holds = [];
        private readonly Dictionary<string, long> _carts = new(StringComparer.Ordinal);
        private readonly List<OrderLine> _lines = [];
        private readonly string[] _cartIds = Distinct(query.CartIds);
        private readonly string[] _orderIds = Distinct(query.OrderIds);
        private readonly string[] _returnIds = Distinct(query.ReturnIds);
        private RecordedOutcome? _outcome;

        public async Task<StoreSnapshot> ReadAsync()
        {
            var rest = _orderIds.Length > 0 || _returnIds.Length > 0;
            await using (var batch = SnapshotBatch(commitToo: beginsItself && !rest))
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await ReadRowsAsync(reader).ConfigureAwait(false);
            }

            var bundleLines = new List<BundleOrderLine>();
            var returnLines = new List<ReturnLine>();
            if (rest)
            {
                foreach (var orderId in _orderIds)
                {
                    bundleLines.AddRange(
                        await ReadBundleLinesAsync(connection, orderId, cancellationToken).ConfigureAwait(false));
                }

                foreach (var returnId in _returnIds)
                {
                    returnLines.AddRange(
                        await ReadReturnLinesAsync(connection, returnId, cancellationToken).ConfigureAwait(false));
                }

                if (beginsItself)
                {
                    await ExecuteAsync(connection, cancellationToken, "COMMIT").ConfigureAwait(false);
                }
            }

            // A key named by the query, a hold or a line that has no row yet reads as an empty position at version 0.
            var keys = query.Positions.Concat(_holds.Select(h => h.Key)).Concat(_lines.Select(l => l.Key))
                .Concat(returnLines.Select(l => l.Key));
            foreach (var key in keys)
            {
                _positions.TryAdd(key, new VersionedPosition(key, StockPosition.Empty, 0, 0));
            }

            foreach (var cartId in _cartIds)
            {
                _carts.TryAdd(cartId, 0);
            }

            return new StoreSnapshot(_positions, _holds, _lines, _carts)
            {
                BundleLines = bundleLines,
                ReturnLines = returnLines,
                KeyLookedUp = query.IdempotencyKey is not null,
                Outcome = _outcome,
            };
        }

        private static string[] Distinct(IReadOnlyCollection<string> ids) =>
            [.. ids.Distinct(StringComparer.Ordinal)];

        private NpgsqlBatch SnapshotBatch(bool commitToo)
        {
            var batch = new NpgsqlBatch(connection);
            if (beginsItself)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
            }

            if (query.IdempotencyKey is { } key)
            {
                batch.BatchCommands.Add(BatchCommand(OutcomeSql, ("key", key)));
            }

            if (_cartIds.Length > 0)
            {
                batch.BatchCommands.Add(BatchCommand(
                    $"SELECT {HoldColumns} FROM holds WHERE cart_id = ANY(@ids)", ("ids", _cartIds)));
                batch.BatchCommands.Add(BatchCommand(
                    "SELECT cart_id, version FROM carts WHERE cart_id = ANY(@ids)", ("ids", _cartIds)));
            }

            if (_orderIds.Length > 0)
            {
                batch.BatchCommands.Add(BatchCommand(
                    "SELECT order_id, line_id, sku, location, ordered, fulfilled, cancelled FROM order_lines "
                    + "WHERE order_id = ANY(@ids)",
                    ("ids", _orderIds)));
            }

            if (PositionsSql() is { } positions)
            {
                batch.BatchCommands.Add(BatchCommand(
                    positions,
                    ("now", Ticks(query.Now)),
                    ("nowNs", BelowTick(query.Now)),
                    ("ks", query.Positions.Select(k => k.Sku.Value).ToArray()),
                    ("kl", query.Positions.Select(k => k.Location.Value).ToArray()),
                    ("skus", query.Skus.Select(s => s.Value).Distinct(StringComparer.Ordinal).ToArray()),
                    ("carts", _cartIds),
                    ("orders", _orderIds),
                    ("returns", _returnIds)));
            }

            if (commitToo)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            }

            return batch;
        }

        /// <summary>
        /// Gets one statement for every position the snapshot needs, one indexed branch per source of keys; null when
        /// it needs none.
        /// </summary>
        private string? PositionsSql()
        {
            var sources = new List<string>();
            if (query.Positions.Count > 0)
            {
                sources.Add("SELECT * FROM unnest(@ks::text[], @kl::text[])");
            }

            if (_cartIds.Length > 0)
            {
                sources.Add("SELECT sku, location FROM holds WHERE cart_id = ANY(@carts)");
            }

            if (_orderIds.Length > 0)
            {
                sources.Add("SELECT sku, location FROM order_lines WHERE order_id = ANY(@orders)");
            }

            if (_returnIds.Length > 0)
            {
                sources.Add("SELECT sku, location FROM return_lines WHERE return_id = ANY(@returns)");
            }

            var branches = new List<string>();
            if (sources.Count > 0)
            {
                branches.Add(
                    $"SELECT {PositionColumns} FROM positions p WHERE (p.sku, p.location) IN ("
                    + string.Join(" UNION ", sources) + ")");
            }

            if (query.Skus.Count > 0)
            {
                branches.Add($"SELECT {PositionColumns} FROM positions p WHERE p.sku = ANY(@skus)");
            }

            return branches.Count == 0 ? null : string.Join(" UNION ALL ", branches);
        }

        /// <summary>Reads the batch's result sets, told apart by their first column.</summary>
        private async Task ReadRowsAsync(NpgsqlDataReader reader)
        {
            do
            {
                if (reader.FieldCount == 0)
                {
                    continue;
                }

                switch (reader.GetName(0))
                {
                    case "fingerprint":
                        _outcome = await ReadOutcomeRowsAsync(reader, query.IdempotencyKey!, cancellationToken)
                            .ConfigureAwait(false);
                        break;
                    case "cart_id" when reader.FieldCount == 2:
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            _carts[reader.GetString(0)] = reader.GetInt64(1);
                        }

                        break;
                    case "cart_id":
                        _holds.AddRange(await ReadHoldRowsAsync(reader, cancellationToken).ConfigureAwait(false));
                        break;
                    case "order_id":
                        _lines.AddRange(await ReadOrderLineRowsAsync(reader, cancellationToken).ConfigureAwait(false));
                        break;
                    default:
                        foreach (var position in await ReadPositionRowsAsync(reader, cancellationToken)
                                     .ConfigureAwait(false))
                        {
                            _positions[position.Key] = position;
                        }

                        break;
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }
    }
}
