using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Inventory.Storage.Sqlite;

/// <content>Reading one consistent snapshot for a <see cref="StoreQuery"/>.</content>
public sealed partial class SqliteInventoryStore
{
    private sealed class SnapshotReader(SqliteConnection connection, SqliteTransaction transaction, StoreQuery query)
    {
        private readonly Dictionary<PositionKey, VersionedPosition> _positions = [];

        public StoreSnapshot Read()
        {
            var holds = new List<Hold>();
            var carts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var cartId in query.CartIds.Distinct(StringComparer.Ordinal))
            {
                holds.AddRange(CartHolds(cartId));
                var found = Scalar(
                    connection, transaction, "SELECT version FROM carts WHERE cart_id = $id;", ("$id", cartId));
                carts[cartId] = found is long v ? v : 0;
            }

            var lines = new List<OrderLine>();
            var bundleLines = new List<BundleOrderLine>();
            foreach (var orderId in query.OrderIds.Distinct(StringComparer.Ordinal))
            {
                lines.AddRange(OrderLines(orderId));
                bundleLines.AddRange(ReadBundleLines(connection, transaction, orderId));
            }

            var returnLines = ReturnLines();
            var keys = query.Positions.Concat(holds.Select(h => h.Key)).Concat(lines.Select(l => l.Key))
                .Concat(returnLines.Select(l => l.Key));
            foreach (var key in keys)
            {
                Add(key);
            }

            foreach (var sku in query.Skus)
            {
                AddSku(sku);
            }

            return new StoreSnapshot(_positions, holds, lines, carts)
            {
                BundleLines = bundleLines,
                ReturnLines = returnLines,
            };
        }

        private List<ReturnLine> ReturnLines() =>
            [
                .. query.ReturnIds.Distinct(StringComparer.Ordinal)
                    .SelectMany(returnId => ReadReturnLines(connection, transaction, returnId)),
            ];

        private List<Hold> CartHolds(string cartId)
        {
            using var command = Command(
                connection,
                transaction,
                $"SELECT {HoldColumns} FROM holds WHERE cart_id = $id;",
                ("$id", cartId));

            return ReadHolds(command);
        }

        private List<OrderLine> OrderLines(string orderId)
        {
            using var command = Command(
                connection,
                transaction,
                "SELECT order_id, line_id, sku, location, ordered, fulfilled, cancelled FROM order_lines "
                + "WHERE order_id = $id;",
                ("$id", orderId));

            return ReadOrderLines(command);
        }

        private void Add(PositionKey key)
        {
            if (!_positions.ContainsKey(key))
            {
                _positions.Add(key, ReadPosition(connection, transaction, key, query.Now));
            }
        }

        private void AddSku(Sku sku)
        {
            using var command = Command(
                connection,
                transaction,
                $"SELECT {PositionColumns} FROM positions p WHERE p.sku = $sku;",
                ("$now", Ticks(query.Now)),
                ("$nowNs", BelowTick(query.Now)),
                ("$sku", sku.Value));
            foreach (var position in ReadPositions(command))
            {
                _positions[position.Key] = position;
            }
        }
    }
}
