using Inventory.Core.Orders;
using Inventory.Core.Returns;
using Inventory.Core.Stock;

namespace Inventory.Core.Ledger;

/// <content>Decisions for returns, inspections, damages, write-offs and refund restocks.</content>
public sealed partial class InventoryLedger
{
    private static LedgerResult? InitiateReturnLine(InitiateReturn command, LedgerWork work)
    {
        if (work.Snapshot.ReturnLines.Any(l => l.LineId == command.LineId))
        {
            return LedgerResult.Refused(
                command.IdempotencyKey,
                LedgerStatus.ReturnAlreadyExists,
                $"Return '{command.ReturnId}' line '{command.LineId}' was already initiated; nothing was changed.");
        }

        var key = new PositionKey(command.Sku, command.Location);
        work.Apply(
            EntryKind.ReturnExpected, key, new StockChange(Incoming: command.Quantity), command.Quantity,
            ReturnReference(command.ReturnId, command.LineId));
        work.PutReturnLine(new ReturnLine(command.ReturnId, command.LineId, key, command.Quantity, 0, 0));

        return null;
    }

    private static LedgerResult? ReceiveReturnLine(ReceiveReturn command, LedgerWork work)
    {
        var line = work.Snapshot.ReturnLines.FirstOrDefault(l => l.LineId == command.LineId);
        if (line is null)
        {
            return UnknownReturn(command, command.ReturnId, command.LineId);
        }

        long total = 0;
        foreach (var receipt in command.Receipts)
        {
            total = checked(total + receipt.Quantity);
        }

        if (total > line.Outstanding)
        {
            var shortfall = new StockShortfall(line.LineId, line.Key.Sku, line.Key.Location, total, line.Outstanding);

            return LedgerResult.Refused(
                command.IdempotencyKey,
                LedgerStatus.ExceedsExpectedReturn,
                $"Return '{line.ReturnId}' line '{line.LineId}' ({line.Key}) still expects {line.Outstanding} "
                + $"of {line.Expected} units; cannot receive {total}. Nothing was changed.",
                [shortfall]);
        }

        var reference = ReturnReference(line.ReturnId, line.LineId);
        foreach (var receipt in command.Receipts)
        {
            var kind = receipt.Condition == ReturnCondition.NotRestocked
                ? EntryKind.ReturnNotRestocked
                : EntryKind.Returned;
            work.Apply(
                kind, line.Key, ReceiptChange(receipt), receipt.Quantity, reference,
                ConditionReason(receipt.Condition));
        }

        work.PutReturnLine(line with { Received = checked(line.Received + total) });

        return null;
    }

    private static LedgerResult? CloseReturnLines(CloseReturn command, LedgerWork work)
    {
        var lines = work.Snapshot.ReturnLines;
        if (lines.Count == 0)
        {
            return UnknownReturn(command, command.ReturnId, null);
        }

        var missing = command.LineIds?.FirstOrDefault(id => lines.All(l => l.LineId != id));
        if (missing is not null)
        {
            return UnknownReturn(command, command.ReturnId, missing);
        }

        var reason = command.Closure.ToString().ToLowerInvariant();
        var selected = command.LineIds is null
            ? lines
            : lines.Where(l => command.LineIds.Contains(l.LineId, StringComparer.Ordinal)).ToList();
        foreach (var line in selected.Where(l => l.Outstanding > 0))
        {
            var outstanding = line.Outstanding;
            work.Apply(
                EntryKind.ReturnReleased, line.Key, new StockChange(Incoming: -outstanding), outstanding,
                ReturnReference(line.ReturnId, line.LineId), reason);
            work.PutReturnLine(line with { Released = checked(line.Released + outstanding) });
        }

        return null;
    }

    private static LedgerResult? Inspect(CompleteInspection command, LedgerWork work)
    {
        var key = new PositionKey(command.Sku, command.Location);
        var inspecting = work.Effective(key).QualityControl;
        if (command.Quantity > inspecting)
        {
            return NotEnoughIn(command, key, "quality control", command.Quantity, inspecting);
        }

        var damaged = command.Outcome == InspectionOutcome.Damaged ? command.Quantity : 0;
        var change = new StockChange(QualityControl: -command.Quantity, Damaged: damaged);
        var reason = command.Outcome == InspectionOutcome.Damaged ? "damaged" : "resellable";
        work.Apply(EntryKind.Inspected, key, change, command.Quantity, command.Reference, reason);

        return null;
    }

    private static LedgerResult? WriteOff(WriteOffDamaged command, LedgerWork work)
    {
        var key = new PositionKey(command.Sku, command.Location);
        var damaged = Math.Min(work.Effective(key).Damaged, work.Effective(key).OnHand);
        if (command.Quantity > damaged)
        {
            return NotEnoughIn(command, key, "damaged", command.Quantity, Math.Max(0, damaged));
        }

        var change = new StockChange(OnHand: -command.Quantity, Damaged: -command.Quantity);
        work.Apply(EntryKind.WrittenOff, key, change, command.Quantity, command.Reference, command.Reason);

        return null;
    }

    private static LedgerResult? Damage(ReportDamage command, LedgerWork work)
    {
        var key = new PositionKey(command.Sku, command.Location);
        var before = work.Effective(key);

        // Only units that are sellable or held by carts and orders can newly break; the other states already
        // keep their units out of available.
        var intact = checked(before.OnHand - before.Damaged - before.QualityControl - before.SafetyStock);
        if (command.Quantity > intact)
        {
            return NotEnoughIn(command, key, "intact stock", command.Quantity, Math.Max(0, intact));
        }

        work.Record(EntryKind.DamageReported, key, command.Quantity, command.Reference, command.ReportedAt);
        work.Apply(
            EntryKind.Damaged, key, new StockChange(Damaged: command.Quantity), command.Quantity, command.Reference);
        RecordOversell(work, key, command.Quantity, command.Reference);

        return null;
    }

    private static LedgerResult? Refund(RestockRefund command, LedgerWork work) => command.Restock switch
    {
        RefundRestock.Return => RefundReturn(command, work),
        RefundRestock.Cancel => RefundCancel(command, work),
        _ => null,
    };

    private static LedgerResult? RefundReturn(RestockRefund command, LedgerWork work)
    {
        var lines = work.Snapshot.OrderLines.Where(l => l.LineId == command.LineId).ToList();
        if (lines.Count == 0)
        {
            return UnknownOrder(command, command.OrderId, command.LineId);
        }

        var shipped = lines.Aggregate(0L, (sum, l) => checked(sum + l.Fulfilled));
        var restocked = work.Snapshot.ReturnLines.Where(l => l.LineId == command.LineId)
            .Aggregate(0L, (sum, l) => checked(sum + l.Received));
        var returnable = checked(shipped - restocked);
        var key = new PositionKey(lines[0].Key.Sku, command.Location!.Value);
        if (command.Quantity > returnable)
        {
            return LedgerResult.Refused(
                command.IdempotencyKey,
                LedgerStatus.ExceedsReturnable,
                $"Order '{command.OrderId}' line '{command.LineId}' ({key.Sku}) shipped {shipped} units and "
                + $"{restocked} were restocked already; cannot restock {command.Quantity}. Nothing was changed.",
                [new StockShortfall(command.LineId, key.Sku, key.Location, command.Quantity, returnable)]);
        }

        var returnId = RestockRefund.RefundReturnId(command.OrderId);
        var record = work.Snapshot.ReturnLines.FirstOrDefault(l => l.LineId == command.LineId && l.Key == key)
            ?? new ReturnLine(returnId, command.LineId, key, 0, 0, 0);
        work.Apply(
            EntryKind.Returned, key, new StockChange(OnHand: command.Quantity), command.Quantity,
            LedgerWork.OrderReference(command.OrderId, command.LineId), "refund");
        work.PutReturnLine(record with
        {
            Expected = checked(record.Expected + command.Quantity),
            Received = checked(record.Received + command.Quantity),
        });

        // Rewriting the sold line unchanged writes its position too, so two refunds of one line that restock at
        // different locations are serialised by that position's version and cannot both pass the check above.
        work.PutOrderLine(lines[0]);

        return null;
    }

    private static LedgerResult? RefundCancel(RestockRefund command, LedgerWork work)
    {
        var lines = work.Snapshot.OrderLines
            .Where(l => l.LineId == command.LineId && (command.Location is null || l.Key.Location == command.Location))
            .ToList();
        if (lines.Count == 0)
        {
            return UnknownOrder(command, command.OrderId, command.LineId);
        }

        var open = lines.Aggregate(0L, (sum, l) => checked(sum + l.Open));
        if (command.Quantity > open)
        {
            return LedgerResult.Refused(
                command.IdempotencyKey,
                LedgerStatus.ExceedsOpenQuantity,
                $"Order '{command.OrderId}' line '{command.LineId}' ({lines[0].Key.Sku}) has {open} units open; "
                + $"a refund cannot release {command.Quantity}. Nothing was changed.",
                [new StockShortfall(command.LineId, lines[0].Key.Sku, command.Location, command.Quantity, open)]);
        }

        ReleaseOpen(work, lines, command.Quantity);

        return null;
    }

    private static void ReleaseOpen(LedgerWork work, List<OrderLine> lines, long quantity)
    {
        var remaining = quantity;
        foreach (var line in lines)
        {
            var take = Math.Min(line.Open, remaining);
            if (take == 0)
            {
                continue;
            }

            remaining -= take;
            work.Apply(
                EntryKind.Cancelled, line.Key, new StockChange(Committed: -take), take,
                LedgerWork.OrderReference(line.OrderId, line.LineId), "refund");
            work.PutOrderLine(line with { Cancelled = checked(line.Cancelled + take) });
        }
    }

    private static StockChange ReceiptChange(ReturnReceipt receipt) => receipt.Condition switch
    {
        ReturnCondition.Resellable => new StockChange(OnHand: receipt.Quantity, Incoming: -receipt.Quantity),
        ReturnCondition.NeedsInspection => new StockChange(
            OnHand: receipt.Quantity, QualityControl: receipt.Quantity, Incoming: -receipt.Quantity),
        ReturnCondition.Damaged => new StockChange(
            OnHand: receipt.Quantity, Damaged: receipt.Quantity, Incoming: -receipt.Quantity),
        ReturnCondition.NotRestocked => new StockChange(Incoming: -receipt.Quantity),
        _ => throw new ArgumentOutOfRangeException(nameof(receipt), receipt.Condition, "Unknown return condition."),
    };

    private static string ConditionReason(ReturnCondition condition) => condition switch
    {
        ReturnCondition.Resellable => "resellable",
        ReturnCondition.NeedsInspection => "needs-inspection",
        ReturnCondition.Damaged => "damaged",
        _ => "not-restocked",
    };

    private static string ReturnReference(string returnId, string lineId) => $"return:{returnId}/{lineId}";

    private static LedgerResult UnknownReturn(LedgerCommand command, string returnId, string? lineId) =>
        LedgerResult.Refused(
            command.IdempotencyKey,
            LedgerStatus.UnknownReturn,
            lineId is null
                ? $"Return '{returnId}' is not known; nothing was changed."
                : $"Return '{returnId}' has no line '{lineId}'; nothing was changed.");

    private static LedgerResult NotEnoughIn(
        LedgerCommand command, PositionKey key, string state, long requested, long has) =>
        LedgerResult.Refused(
            command.IdempotencyKey,
            LedgerStatus.InsufficientStock,
            $"'{command.IdempotencyKey}' needs {requested} units in {state} of {key}, which has {has}; "
            + "nothing was changed.",
            [new StockShortfall(null, key.Sku, key.Location, requested, has)]);
}
