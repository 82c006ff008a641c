using Inventory.Core.Stock;

namespace Inventory.Core.Ledger;

/// <content>Decisions for receipts, counts and manual adjustments.</content>
public sealed partial class InventoryLedger
{
    private static LedgerResult? Receive(ReceiveStock command, LedgerWork work)
    {
        var kind = command.Kind == ReceiptKind.Return ? EntryKind.Returned : EntryKind.Received;
        work.Apply(
            kind,
            new PositionKey(command.Sku, command.Location),
            new StockChange(OnHand: command.Quantity),
            command.Quantity,
            command.Reference);

        return null;
    }

    private static LedgerResult? Count(SetCount command, LedgerWork work)
    {
        var key = new PositionKey(command.Sku, command.Location);
        var before = work.Effective(key);
        var delta = checked(command.Counted - BucketUnits(command.Bucket, before));

        work.Apply(
            EntryKind.Counted,
            key,
            BucketChange(command.Bucket, delta),
            Math.Abs(delta),
            null,
            command.Reason,
            command.Counter);
        if (command.Bucket == StockBucket.Available)
        {
            RecordOversell(work, key, removed: -delta, reference: null);
        }

        return null;
    }

    private static LedgerResult? Adjust(AdjustStock command, LedgerWork work)
    {
        var key = new PositionKey(command.Sku, command.Location);
        var before = work.Effective(key);
        var change = BucketChange(command.Bucket, command.Quantity);
        var after = before.Apply(change);
        var bucketAfter = BucketUnits(command.Bucket, after);

        if (after.OnHand < 0 || bucketAfter < 0)
        {
            var had = Math.Max(0, Math.Min(before.OnHand, BucketUnits(command.Bucket, before)));
            var shortfall = new StockShortfall(null, command.Sku, command.Location, -command.Quantity, had);

            return LedgerResult.Refused(
                command.IdempotencyKey,
                LedgerStatus.InsufficientStock,
                $"Adjustment '{command.IdempotencyKey}' would take {command.Bucket} of {key} below zero "
                + $"(removes {-command.Quantity}, has {had}); nothing was changed.",
                [shortfall]);
        }

        work.Apply(
            EntryKind.Adjusted, key, change, Math.Abs(command.Quantity), null, command.Reason, command.Operator);
        if (command.Bucket == StockBucket.Available)
        {
            RecordOversell(work, key, removed: -command.Quantity, reference: null);
        }

        return null;
    }

    /// <summary>Records an oversell when an outside event removed units and left available below zero.</summary>
    private static void RecordOversell(LedgerWork work, PositionKey key, long removed, string? reference)
    {
        var available = work.Effective(key).Available;
        if (removed > 0 && available < 0)
        {
            // Compared without negating available: at long.MinValue its negation does not exist, while the
            // oversold units (at most the units removed) always do.
            var oversold = available < -removed ? removed : -available;
            work.Record(EntryKind.Oversold, key, oversold, reference);
        }
    }

    private static StockChange BucketChange(StockBucket bucket, long quantity) => bucket switch
    {
        StockBucket.Available => new StockChange(OnHand: quantity),
        StockBucket.Damaged => new StockChange(OnHand: quantity, Damaged: quantity),
        StockBucket.QualityControl => new StockChange(OnHand: quantity, QualityControl: quantity),
        StockBucket.SafetyStock => new StockChange(OnHand: quantity, SafetyStock: quantity),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Unknown stock bucket."),
    };

    private static long BucketUnits(StockBucket bucket, StockPosition position) => bucket switch
    {
        StockBucket.Available => position.OnHand,
        StockBucket.Damaged => position.Damaged,
        StockBucket.QualityControl => position.QualityControl,
        StockBucket.SafetyStock => position.SafetyStock,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Unknown stock bucket."),
    };
}
