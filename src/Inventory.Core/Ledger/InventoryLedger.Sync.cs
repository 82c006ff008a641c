using Inventory.Core.Stock;

namespace Inventory.Core.Ledger;

/// <content>Decision for available figures reported by another system.</content>
public sealed partial class InventoryLedger
{
    private static LedgerResult? SyncAvailable(SetAvailable command, LedgerWork work)
    {
        var key = new PositionKey(command.Sku, command.Location);
        var before = work.Effective(key);
        var delta = checked(command.Available - before.Available);
        if (checked(before.OnHand + delta) < 0)
        {
            return LedgerResult.Refused(
                command.IdempotencyKey,
                LedgerStatus.InsufficientStock,
                $"Setting available of {key} to {command.Available} would take on hand from {before.OnHand} "
                + "below zero; nothing was changed.",
                [new StockShortfall(null, command.Sku, command.Location, -delta, before.OnHand)]);
        }

        if (delta != 0)
        {
            work.Apply(EntryKind.Counted, key, new StockChange(OnHand: delta), Math.Abs(delta), null, "available-sync");
        }

        return null;
    }
}
