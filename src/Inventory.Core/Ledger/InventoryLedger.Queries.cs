using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;

namespace Inventory.Core.Ledger;

/// <content>What each command reads, and the dispatch to its decision.</content>
public sealed partial class InventoryLedger
{
    private StoreQuery Query(LedgerCommand command, Instant now) => command switch
    {
        ReceiveStock c => Positions(now, new PositionKey(c.Sku, c.Location)),
        SetCount c => Positions(now, new PositionKey(c.Sku, c.Location)),
        AdjustStock c => Positions(now, new PositionKey(c.Sku, c.Location)),
        ReserveCart c => ReserveQuery(now, c.CartId, c.Lines),
        ChangeReservation c => Carts(now, c.CartId),
        MoveReservation c => Carts(now, c.CartId),
        ReleaseReservation c => Carts(now, c.CartId),
        ExtendCart c => Carts(now, c.CartId),
        ExpireHolds c => Carts(now, c.CartId),
        CommitCart c => new StoreQuery(now, NoKeys, NoSkus, [c.CartId], [c.OrderId]),
        CommitBundleCart c => new StoreQuery(now, NoKeys, NoSkus, [c.CartId], [c.OrderId]),
        FulfilOrder c => Orders(now, c.OrderId),
        CancelOrder c => Orders(now, c.OrderId),
        PlaceExternalOrder c => new StoreQuery(
            now, c.Lines.Select(l => new PositionKey(l.Sku, l.Location)).ToList(), NoSkus, NoIds, [c.OrderId]),
        InitiateReturn c => Positions(now, new PositionKey(c.Sku, c.Location)) with { ReturnIds = [c.ReturnId] },
        ReceiveReturn c => Returns(now, c.ReturnId),
        CloseReturn c => Returns(now, c.ReturnId),
        CompleteInspection c => Positions(now, new PositionKey(c.Sku, c.Location)),
        WriteOffDamaged c => Positions(now, new PositionKey(c.Sku, c.Location)),
        ReportDamage c => Positions(now, new PositionKey(c.Sku, c.Location)),
        SetAvailable c => Positions(now, new PositionKey(c.Sku, c.Location)),
        RestockRefund c => Orders(now, c.OrderId) with { ReturnIds = [RestockRefund.RefundReturnId(c.OrderId)] },
        _ => throw new ArgumentException(
            $"Command type {command.GetType().Name} is not known to the ledger.", nameof(command)),
    };

    /// <summary>A second, wider read for commands whose SKU is known only from the cart's holds.</summary>
    private StoreQuery? Widen(LedgerCommand command, Instant now, StoreSnapshot first)
    {
        switch (command)
        {
            case ChangeReservation c:
                var lines = first.Holds.Where(h => h.LineId == c.LineId).ToList();
                if (lines.Count <= 1)
                {
                    return null;
                }

                return ReserveQuery(now, c.CartId, [new CartLine(c.LineId, lines[0].Key.Sku, c.Quantity)]);
            case MoveReservation c:
                var hold = first.Holds.FirstOrDefault(h => h.LineId == c.LineId);
                return hold is null
                    ? null
                    : new StoreQuery(now, [new PositionKey(hold.Key.Sku, c.To)], NoSkus, [c.CartId], NoIds);
            case RestockRefund { Restock: RefundRestock.Return, Location: { } location } c:
                var sold = first.OrderLines.FirstOrDefault(l => l.LineId == c.LineId);
                PositionKey? restockAt = sold is null ? null : new PositionKey(sold.Key.Sku, location);
                return restockAt is null || first.Positions.ContainsKey(restockAt.Value)
                    ? null
                    : new StoreQuery(now, [restockAt.Value], NoSkus, NoIds, [c.OrderId])
                    {
                        ReturnIds = [RestockRefund.RefundReturnId(c.OrderId)],
                    };
            default:
                return null;
        }
    }

    private LedgerResult? Decide(LedgerCommand command, LedgerWork work) => command switch
    {
        ReceiveStock c => Receive(c, work),
        SetCount c => Count(c, work),
        AdjustStock c => Adjust(c, work),
        ReserveCart c => Reserve(c, work),
        ChangeReservation c => Change(c, work),
        MoveReservation c => Move(c, work),
        ReleaseReservation c => Release(c, work),
        ExtendCart c => Extend(c, work),
        ExpireHolds c => Expire(c, work),
        CommitCart c => Commit(c, work),
        CommitBundleCart c => CommitBundles(c, work),
        FulfilOrder c => Fulfil(c, work),
        CancelOrder c => Cancel(c, work),
        PlaceExternalOrder c => PlaceExternal(c, work),
        InitiateReturn c => InitiateReturnLine(c, work),
        ReceiveReturn c => ReceiveReturnLine(c, work),
        CloseReturn c => CloseReturnLines(c, work),
        CompleteInspection c => Inspect(c, work),
        WriteOffDamaged c => WriteOff(c, work),
        ReportDamage c => Damage(c, work),
        RestockRefund c => Refund(c, work),
        SetAvailable c => SyncAvailable(c, work),
        _ => throw new ArgumentException(
            $"Command type {command.GetType().Name} is not known to the ledger.", nameof(command)),
    };

    private StoreQuery ReserveQuery(Instant now, string cartId, IReadOnlyList<CartLine> lines)
    {
        var keys = new List<PositionKey>();
        var skus = new List<Sku>();
        foreach (var line in lines)
        {
            if (line.Location is { } location)
            {
                keys.Add(new PositionKey(line.Sku, location));
            }
            else if (_locations.Count > 0)
            {
                keys.AddRange(_locations.Select(l => new PositionKey(line.Sku, l)));
            }
            else
            {
                skus.Add(line.Sku);
            }
        }

        return new StoreQuery(now, keys, skus, [cartId], NoIds);
    }

    private static StoreQuery Positions(Instant now, PositionKey key) => new(now, [key], NoSkus, NoIds, NoIds);

    private static StoreQuery Carts(Instant now, string cartId) => new(now, NoKeys, NoSkus, [cartId], NoIds);

    private static StoreQuery Orders(Instant now, string orderId) => new(now, NoKeys, NoSkus, NoIds, [orderId]);

    private static StoreQuery Returns(Instant now, string returnId) =>
        new(now, NoKeys, NoSkus, NoIds, NoIds) { ReturnIds = [returnId] };
}
