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
    private sealed class SnapshotReader(
        NpgsqlConnection connection, StoreQuery query, CancellationToken cancellationToken)
    {
        private readonly Dictionary<PositionKey, VersionedPosition> _positions = [];

        public async Task<StoreSnapshot> ReadAsync()
        {
            var holds = new List<Hold>();
            var carts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var cartId in query.CartIds.Distinct(StringComparer.Ordinal))
            {
                await using var command = Command(
                    connection,
                    $"SELECT {HoldColumns} FROM holds WHERE cart_id = @id;",
                    ("id", cartId));
                holds.AddRange(await ReadHoldsAsync(command, cancellationToken).ConfigureAwait(false));
                await using var version = Command(
                    connection, "SELECT version FROM carts WHERE cart_id = @id;", ("id", cartId));
                var found = await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                carts[cartId] = found is long v ? v : 0;
            }

            var lines = new List<OrderLine>();
            var bundleLines = new List<BundleOrderLine>();
            foreach (var orderId in query.OrderIds.Distinct(StringComparer.Ordinal))
            {
                bundleLines.AddRange(
                    await ReadBundleLinesAsync(connection, orderId, cancellationToken).ConfigureAwait(false));
                await using var command = Command(
                    connection,
                    "SELECT order_id, line_id, sku, location, ordered, fulfilled, cancelled FROM order_lines "
                    + "WHERE order_id = @id;",
                    ("id", orderId));
                lines.AddRange(await ReadOrderLinesAsync(command, cancellationToken).ConfigureAwait(false));
            }

            var returnLines = new List<ReturnLine>();
            foreach (var returnId in query.ReturnIds.Distinct(StringComparer.Ordinal))
            {
                returnLines.AddRange(
                    await ReadReturnLinesAsync(connection, returnId, cancellationToken).ConfigureAwait(false));
            }

            var keys = query.Positions.Concat(holds.Select(h => h.Key)).Concat(lines.Select(l => l.Key))
                .Concat(returnLines.Select(l => l.Key));
            foreach (var key in keys)
            {
                if (!_positions.ContainsKey(key))
                {
                    var position = await ReadPositionAsync(connection, key, query.Now, cancellationToken)
                        .ConfigureAwait(false);
                    _positions.Add(key, position);
                }
            }

            foreach (var sku in query.Skus)
            {
                await AddSkuAsync(sku).ConfigureAwait(false);
            }

            return new StoreSnapshot(_positions, holds, lines, carts)
            {
                BundleLines = bundleLines,
                ReturnLines = returnLines,
            };
        }

        private async Task AddSkuAsync(Sku sku)
        {
            await using var command = Command(
                connection,
                $"SELECT {PositionColumns} FROM positions p WHERE p.sku = @sku;",
                ("now", Ticks(query.Now)),
                ("nowNs", BelowTick(query.Now)),
                ("sku", sku.Value));
            foreach (var position in await ReadPositionsAsync(command, cancellationToken).ConfigureAwait(false))
            {
                _positions[position.Key] = position;
            }
        }
    }
}
