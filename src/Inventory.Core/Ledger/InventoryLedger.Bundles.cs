using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;

namespace Inventory.Core.Ledger;

/// <content>Decisions for bundles: commit a cart and record its bundle lines on the order.</content>
public sealed partial class InventoryLedger
{
    /// <summary>Gets the bundle lines recorded on an order, as sold.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The recorded bundle lines; empty when the order is unknown or has none.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="orderId"/> is null or blank.</exception>
    public async ValueTask<IReadOnlyList<BundleOrderLine>> GetBundleLinesAsync(
        string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var query = Orders(_clock.GetCurrentInstant(), orderId);
        var snapshot = await _store.ReadAsync(query, cancellationToken).ConfigureAwait(false);

        return snapshot.BundleLines;
    }

    private static LedgerResult? CommitBundles(CommitBundleCart command, LedgerWork work)
    {
        var refusal = Commit(new CommitCart(command.IdempotencyKey, command.CartId, command.OrderId), work);
        if (refusal is not null)
        {
            return refusal;
        }

        foreach (var sale in command.Sales)
        {
            var mismatch = UnheldComponent(command, sale, work.Snapshot.Holds);
            if (mismatch is not null)
            {
                return mismatch;
            }

            RecordSale(command.OrderId, sale, work);
        }

        return null;
    }

    private static void RecordSale(string orderId, BundleSale sale, LedgerWork work)
    {
        var reference = LedgerWork.OrderReference(orderId, sale.LineId);
        var reason = $"bundle {sale.Bundle} x {sale.Quantity}, version {sale.Definition.Span()}";
        foreach (var component in sale.PerBundle)
        {
            var lineId = sale.ComponentLineId(component.Sku);
            foreach (var hold in work.Snapshot.Holds)
            {
                if (IsComponentHold(hold, lineId, component.Sku))
                {
                    work.Apply(EntryKind.BundleSold, hold.Key, default, hold.Quantity, reference, reason);
                }
            }
        }

        work.PutBundleLine(BundleOrderLine.FromSale(orderId, sale));
    }

    /// <summary>Refuses a sale whose components the cart does not hold exactly, under the sale's line ids.</summary>
    private static LedgerResult? UnheldComponent(CommitBundleCart command, BundleSale sale, IReadOnlyList<Hold> holds)
    {
        foreach (var component in sale.PerBundle)
        {
            var lineId = sale.ComponentLineId(component.Sku);
            var wanted = checked(component.Quantity * sale.Quantity);
            long held = 0;
            foreach (var hold in holds)
            {
                held = IsComponentHold(hold, lineId, component.Sku) ? checked(held + hold.Quantity) : held;
            }

            if (held != wanted)
            {
                return LedgerResult.Refused(
                    command.IdempotencyKey,
                    LedgerStatus.UnknownReservation,
                    $"Cart '{command.CartId}' holds {held} units of {component.Sku} under line '{lineId}'; bundle "
                    + $"line '{sale.LineId}' ({sale.Quantity} x {sale.Bundle}) calls for {wanted}. "
                    + "Nothing was changed.");
            }
        }

        return null;
    }

    private static bool IsComponentHold(Hold hold, string lineId, Sku component) =>
        hold.Key.Sku.Equals(component) && string.Equals(hold.LineId, lineId, StringComparison.Ordinal);
}
