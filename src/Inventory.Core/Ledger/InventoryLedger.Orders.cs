using Inventory.Core.Orders;
using Inventory.Core.Stock;

namespace Inventory.Core.Ledger;

/// <content>Decisions for orders: commit a cart, fulfil, cancel, and orders from other channels.</content>
public sealed partial class InventoryLedger
{
    private static LedgerResult? Commit(CommitCart command, LedgerWork work)
    {
        if (work.Snapshot.OrderLines.Count > 0)
        {
            return OrderExists(command, command.OrderId);
        }

        var holds = work.Snapshot.Holds;
        if (holds.Count == 0)
        {
            return UnknownReservation(command, command.CartId, null);
        }

        if (holds.Any(h => h.IsExpiredAt(work.Now)))
        {
            return Expired(command, command.CartId, holds, work.Now);
        }

        work.CreateOrder(command.OrderId);

        foreach (var hold in holds)
        {
            var reference = LedgerWork.OrderReference(command.OrderId, hold.LineId);
            work.DropHold(hold);
            work.Apply(
                EntryKind.Committed, hold.Key, new StockChange(Committed: hold.Quantity, Reserved: -hold.Quantity),
                hold.Quantity, reference);
            work.PutOrderLine(new OrderLine(command.OrderId, hold.LineId, hold.Key, hold.Quantity, 0, 0));
        }

        return null;
    }

    private static LedgerResult? Fulfil(FulfilOrder command, LedgerWork work)
    {
        if (work.Snapshot.OrderLines.Count == 0)
        {
            return UnknownOrder(command, command.OrderId, null);
        }

        if (command.Lines is null)
        {
            FulfilEverythingOpen(work);
            return null;
        }

        var lines = work.Snapshot.OrderLines.ToList();
        var byLineId = IndexByLineId(lines);
        foreach (var request in command.Lines)
        {
            var refusal = FulfilLine(command, work, lines, byLineId, request);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>
    /// Ships every open unit, line by line in order. Each line's own open units meet its request in full (lines
    /// before it that share its id and location are already shipped), so no index of line ids is needed.
    /// </summary>
    private static void FulfilEverythingOpen(LedgerWork work)
    {
        foreach (var line in work.Snapshot.OrderLines)
        {
            var take = line.Open;
            if (take <= 0)
            {
                continue;
            }

            var shipped = line with { Fulfilled = checked(line.Fulfilled + take) };
            work.Apply(
                EntryKind.Fulfilled, line.Key, new StockChange(OnHand: -take, Committed: -take), take,
                LedgerWork.OrderReference(line.OrderId, line.LineId));
            work.PutOrderLine(shipped);
        }
    }

    /// <summary>Maps each line id to the indexes of its lines, in order, so a large order is not
    /// scanned per line.</summary>
    private static Dictionary<string, List<int>> IndexByLineId(List<OrderLine> lines)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!index.TryGetValue(lines[i].LineId, out var positions))
            {
                positions = [];
                index.Add(lines[i].LineId, positions);
            }

            positions.Add(i);
        }

        return index;
    }

    private static LedgerResult? FulfilLine(
        FulfilOrder command, LedgerWork work, List<OrderLine> lines, Dictionary<string, List<int>> byLineId,
        FulfilmentLine request)
    {
        var matching = Matching(lines, byLineId, request);
        if (matching.Count == 0)
        {
            return UnknownOrder(command, command.OrderId, request.LineId);
        }

        long open = 0;
        foreach (var index in matching)
        {
            open = checked(open + lines[index].Open);
        }

        if (request.Quantity > open)
        {
            var first = lines[matching[0]].Key;
            var shortfall = new StockShortfall(request.LineId, first.Sku, request.Location, request.Quantity, open);

            return LedgerResult.Refused(
                command.IdempotencyKey,
                LedgerStatus.ExceedsOpenQuantity,
                $"Order '{command.OrderId}' line '{request.LineId}' ({first.Sku}) has {open} units open; "
                + $"cannot ship {request.Quantity}. Nothing was changed.",
                [shortfall]);
        }

        var remaining = request.Quantity;
        foreach (var index in matching)
        {
            var take = Math.Min(lines[index].Open, remaining);
            if (take == 0)
            {
                continue;
            }

            var line = lines[index] with { Fulfilled = checked(lines[index].Fulfilled + take) };
            lines[index] = line;
            remaining -= take;
            work.Apply(
                EntryKind.Fulfilled, line.Key, new StockChange(OnHand: -take, Committed: -take), take,
                LedgerWork.OrderReference(line.OrderId, line.LineId));
            work.PutOrderLine(line);
        }

        return null;
    }

    private static List<int> Matching(
        List<OrderLine> lines, Dictionary<string, List<int>> byLineId, FulfilmentLine request)
    {
        if (!byLineId.TryGetValue(request.LineId, out var positions))
        {
            return [];
        }

        if (request.Location is not { } location)
        {
            return positions;
        }

        var matching = new List<int>(positions.Count);
        foreach (var index in positions)
        {
            if (lines[index].Key.Location == location)
            {
                matching.Add(index);
            }
        }

        return matching;
    }

    private static LedgerResult? Cancel(CancelOrder command, LedgerWork work)
    {
        var lines = work.Snapshot.OrderLines;
        if (lines.Count == 0)
        {
            return UnknownOrder(command, command.OrderId, null);
        }

        HashSet<string>? selected = null;
        if (command.LineIds is { } ids)
        {
            selected = new HashSet<string>(ids, StringComparer.Ordinal);
            var missing = FirstUnknownLine(ids, lines);
            if (missing is not null)
            {
                return UnknownOrder(command, command.OrderId, missing);
            }
        }

        foreach (var line in lines)
        {
            if (line.Open <= 0 || (selected is not null && !selected.Contains(line.LineId)))
            {
                continue;
            }

            var open = line.Open;
            work.Apply(
                EntryKind.Cancelled, line.Key, new StockChange(Committed: -open), open,
                LedgerWork.OrderReference(line.OrderId, line.LineId));
            work.PutOrderLine(line with { Cancelled = checked(line.Cancelled + open) });
        }

        return null;
    }

    /// <summary>Gets the first requested line id the order does not have, in one pass over each list.</summary>
    private static string? FirstUnknownLine(IReadOnlyList<string> ids, IReadOnlyList<OrderLine> lines)
    {
        var known = new HashSet<string>(lines.Count, StringComparer.Ordinal);
        foreach (var line in lines)
        {
            known.Add(line.LineId);
        }

        foreach (var id in ids)
        {
            if (!known.Contains(id))
            {
                return id;
            }
        }

        return null;
    }

    private static LedgerResult? PlaceExternal(PlaceExternalOrder command, LedgerWork work)
    {
        if (work.Snapshot.OrderLines.Count > 0)
        {
            return OrderExists(command, command.OrderId);
        }

        work.CreateOrder(command.OrderId);
        foreach (var line in command.Lines)
        {
            var key = new PositionKey(line.Sku, line.Location);
            var reference = LedgerWork.OrderReference(command.OrderId, line.LineId);
            work.Apply(EntryKind.Committed, key, new StockChange(Committed: line.Quantity), line.Quantity, reference);
            RecordOversell(work, key, line.Quantity, reference);
            work.PutOrderLine(new OrderLine(command.OrderId, line.LineId, key, line.Quantity, 0, 0));
        }

        return null;
    }

    private static LedgerResult UnknownOrder(LedgerCommand command, string orderId, string? lineId) =>
        LedgerResult.Refused(
            command.IdempotencyKey,
            LedgerStatus.UnknownOrder,
            lineId is null
                ? $"Order '{orderId}' is not known; nothing was changed."
                : $"Order '{orderId}' has no line '{lineId}'; nothing was changed.");

    private static LedgerResult OrderExists(LedgerCommand command, string orderId) =>
        LedgerResult.Refused(
            command.IdempotencyKey,
            LedgerStatus.OrderAlreadyExists,
            $"Order '{orderId}' already exists; use a new order id. Nothing was changed.");
}
