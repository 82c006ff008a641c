using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Return lines: stored with their batch, read back by return, and used by the ledger's returns.</content>
public abstract partial class InventoryStoreSpecification
{
    // Beyond 32 bits, so that a store keeping quantities in a narrower column is caught.
    private const long ManyUnits = 5_000_000_000;

    /// <summary>
    /// Return lines are stored with their batch and read back whole, by return: every field, one line per return,
    /// line id and position (the same line id at two positions is two lines), with the position of each line.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_ReturnLinesPut_ReadBackWithTheirReturnOnly()
    {
        var store = NewStore();
        var atW1 = new ReturnLine("r1", "l1", Key("A"), ManyUnits, 2, 1);
        var atW2 = new ReturnLine("r1", "l1", Key("A", "W2"), 3, 0, 3);
        var second = new ReturnLine("r1", "l2", Key("B"), 4, 4, 0);
        var otherReturn = new ReturnLine("r2", "l1", Key("B"), 7, 0, 0);
        var batch = Batch(
            "initiate",
            [
                new PositionWrite(Key("A"), 0, Incoming(ManyUnits - 3)),
                new PositionWrite(Key("A", "W2"), 0, StockPosition.Empty),
                new PositionWrite(Key("B"), 0, OnHand(4) with { Incoming = 7 }),
            ]) with { ReturnLinesPut = [atW1, atW2, second, otherReturn] };

        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(batch)).Status);
        var snapshot = await store.ReadAsync(Query(T0) with { ReturnIds = ["r1"] });
        var none = await store.ReadAsync(Query(T0) with { ReturnIds = ["r3"] });

        Assert.Equal([atW1, atW2, second], Ordered(snapshot.ReturnLines));
        Assert.Equal(ManyUnits - 3, Assert.Contains(Key("A"), snapshot.Positions).Stored.Incoming);
        Assert.Equal(1, Assert.Contains(Key("A", "W2"), snapshot.Positions).Version);
        Assert.Equal(OnHand(4) with { Incoming = 7 }, Assert.Contains(Key("B"), snapshot.Positions).Stored);
        Assert.Empty(none.ReturnLines);
    }

    /// <summary>
    /// A later put replaces the line with the same return, line id and position; a batch replayed under its key
    /// is refused as a duplicate and neither adds a line nor brings back the older figures.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_ReturnLinePutAgainThenReplayed_KeepsOneLineWithTheLatestFigures()
    {
        var store = NewStore();
        var initiated = new ReturnLine("r1", "l1", Key("A"), 5, 0, 0);
        var received = initiated with { Received = 3 };
        var initiate = Batch("initiate", [new PositionWrite(Key("A"), 0, Incoming(5))]) with
        {
            ReturnLinesPut = [initiated],
        };
        var receive = Batch("receive", [new PositionWrite(Key("A"), 1, OnHand(3) with { Incoming = 2 })]) with
        {
            ReturnLinesPut = [received],
        };

        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(initiate)).Status);
        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(receive)).Status);
        var replayed = await store.WriteAsync(initiate);
        var replayedAgain = await store.WriteAsync(receive);

        Assert.Equal(StoreWriteStatus.DuplicateKey, replayed.Status);
        Assert.Equal(StoreWriteStatus.DuplicateKey, replayedAgain.Status);
        var snapshot = await store.ReadAsync(Query(T0) with { ReturnIds = ["r1"] });
        Assert.Equal([received], snapshot.ReturnLines);
        Assert.Equal(2, Assert.Contains(Key("A"), snapshot.Positions).Version);
    }

    /// <summary>
    /// A batch refused for a stale position version writes none of its return lines: no new line appears and an
    /// existing line keeps its figures.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_ReturnLinesOfAStaleBatch_AreNotRecorded()
    {
        var store = NewStore();
        var initiated = new ReturnLine("r1", "l1", Key("A"), 5, 0, 0);
        var initiate = Batch("initiate", [new PositionWrite(Key("A"), 0, Incoming(5))]) with
        {
            ReturnLinesPut = [initiated],
        };
        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(initiate)).Status);
        var stale = Batch(
            "stale",
            [
                new PositionWrite(Key("A"), 0, OnHand(5)),
                new PositionWrite(Key("B"), 0, Incoming(2)),
            ]) with
        {
            ReturnLinesPut = [initiated with { Received = 5 }, new ReturnLine("r2", "l1", Key("B"), 2, 0, 0)],
        };

        Assert.Equal(StoreWriteStatus.VersionConflict, (await store.WriteAsync(stale)).Status);

        var snapshot = await store.ReadAsync(Query(T0) with { ReturnIds = ["r1", "r2"] });
        Assert.Equal([initiated], snapshot.ReturnLines);
        Assert.Null(await store.FindOutcomeAsync("stale"));
        Assert.Equal(0, (await store.GetPositionAsync(Key("B"), T0)).Version);
    }

    /// <summary>
    /// A return initiated, received in every condition, inspected and closed through the ledger moves stock
    /// exactly as over the in-memory store, refuses an over-receipt, and equals a replay of its journal.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_ReturnReceivedInspectedAndClosed_MovesStockAsInMemory()
    {
        var store = NewStore();
        var reference = new InMemoryInventoryStore();

        var statuses = await RunReturnScenarioAsync(store);
        var expected = await RunReturnScenarioAsync(reference);

        Assert.Equal(expected, statuses);
        Assert.Equal(LedgerStatus.ExceedsExpectedReturn, statuses[^2]);
        Assert.Equal(
            new StockPosition(14, 0, 0, 1, 0, 0, 0),
            (await store.GetPositionAsync(Key("A"), T0)).Stored);
        Assert.Equal(
            (await reference.ReadAllPositionsAsync(T0)).Select(p => (p.Key, p.Stored)).ToList(),
            (await store.ReadAllPositionsAsync(T0)).Select(p => (p.Key, p.Stored)).ToList());
        var lines = (await store.ReadAsync(Query(T0) with { ReturnIds = ["r1"] })).ReturnLines;
        Assert.Equal([new ReturnLine("r1", "l1", Key("A"), 6, 5, 1)], lines);
        await AssertPositionsEqualJournalReplayAsync(store);
    }

    /// <summary>
    /// Return commands repeated under their keys change stock once; a second initiation of one line under a new
    /// key is refused because the store gives the first one back.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_ReturnCommandsRepeated_ChangeStockOnce()
    {
        var store = NewStore();
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());
        var initiate = new InitiateReturn("initiate", "r1", "l1", new Sku("A"), W1, 4);
        var receive = new ReceiveReturn("receive", "r1", "l1", [new ReturnReceipt(ReturnCondition.Resellable, 3)]);

        await AppliedAsync(ledger, initiate);
        Assert.True((await ledger.ExecuteAsync(initiate)).IsReplay);
        await AppliedAsync(ledger, receive);
        Assert.True((await ledger.ExecuteAsync(receive)).IsReplay);
        var again = await ledger.ExecuteAsync(initiate with { IdempotencyKey = "initiate-again" });

        Assert.Equal(LedgerStatus.ReturnAlreadyExists, again.Status);
        Assert.Equal(new StockPosition(3, 0, 0, 0, 0, 0, 1), await ledger.GetPositionAsync(new Sku("A"), W1));
        var lines = (await store.ReadAsync(Query(T0) with { ReturnIds = ["r1"] })).ReturnLines;
        Assert.Equal([new ReturnLine("r1", "l1", Key("A"), 4, 3, 0)], lines);
        await AssertPositionsEqualJournalReplayAsync(store);
    }

    /// <summary>
    /// Refund restocks of a shipped order line are kept as return lines of the order's refund return, so restocks
    /// under new keys never put back more units than shipped, whatever location they restock at.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_RefundRestocksBeyondShipped_AreRefused()
    {
        var store = NewStore();
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());
        var w2 = new LocationId("W2");
        await AppliedAsync(ledger, new ReceiveStock("receive", new Sku("A"), W1, 10));
        await AppliedAsync(ledger, new ReserveCart("reserve", "cart", [new CartLine("l1", new Sku("A"), 3)]));
        await AppliedAsync(ledger, new CommitCart("commit", "cart", "order"));
        await AppliedAsync(ledger, new FulfilOrder("fulfil", "order", [new FulfilmentLine("l1", 3)]));

        await AppliedAsync(ledger, new RestockRefund("refund-1", "order", "l1", 2, RefundRestock.Return, W1));
        var over = await ledger.ExecuteAsync(new RestockRefund("refund-2", "order", "l1", 2, RefundRestock.Return, w2));
        await AppliedAsync(ledger, new RestockRefund("refund-3", "order", "l1", 1, RefundRestock.Return, w2));

        Assert.Equal(LedgerStatus.ExceedsReturnable, over.Status);
        Assert.Equal(9, (await ledger.GetPositionAsync(new Sku("A"), W1)).OnHand);
        Assert.Equal(1, (await ledger.GetPositionAsync(new Sku("A"), w2)).OnHand);
        var refundId = RestockRefund.RefundReturnId("order");
        var lines = (await store.ReadAsync(Query(T0) with { ReturnIds = [refundId] })).ReturnLines;
        ReturnLine[] expected =
        [
            new(refundId, "l1", Key("A"), 2, 2, 0),
            new(refundId, "l1", Key("A", "W2"), 1, 1, 0),
        ];
        Assert.Equal(expected, Ordered(lines));
        await AssertPositionsEqualJournalReplayAsync(store);
    }

    /// <summary>
    /// A return initiated through one store instance is received through another over the same database, and
    /// each instance sees the other's return lines.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_ReturnOnSeveralInstances_EachSeesTheOthersLines()
    {
        var store = NewStore();
        var second = SecondInstanceOrSkip(store);
        var clock = new SpecificationClock(T0);
        var first = new InventoryLedger(store, clock, new InventoryOptions());
        var other = new InventoryLedger(second, clock, new InventoryOptions());

        await AppliedAsync(first, new InitiateReturn("initiate", "r1", "l1", new Sku("A"), W1, 5));
        await AppliedAsync(other, new ReceiveReturn("receive", "r1", "l1", [Receipt(ReturnCondition.Resellable, 4)]));
        var over = await first.ExecuteAsync(
            new ReceiveReturn("receive-more", "r1", "l1", [Receipt(ReturnCondition.Resellable, 2)]));

        Assert.Equal(LedgerStatus.ExceedsExpectedReturn, over.Status);
        var expected = new ReturnLine("r1", "l1", Key("A"), 5, 4, 0);
        Assert.Equal([expected], (await store.ReadAsync(Query(T0) with { ReturnIds = ["r1"] })).ReturnLines);
        Assert.Equal([expected], (await second.ReadAsync(Query(T0) with { ReturnIds = ["r1"] })).ReturnLines);
        Assert.Equal(new StockPosition(4, 0, 0, 0, 0, 0, 1), await first.GetPositionAsync(new Sku("A"), W1));
    }

    /// <summary>
    /// Runs one return through a ledger over <paramref name="store"/> and gives every command's status, in order.
    /// </summary>
    private static async Task<List<LedgerStatus>> RunReturnScenarioAsync(IInventoryStore store)
    {
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());
        LedgerCommand[] commands =
        [
            new ReceiveStock("receive-stock", new Sku("A"), W1, 10),
            new InitiateReturn("initiate", "r1", "l1", new Sku("A"), W1, 6),
            new ReceiveReturn("receive-1", "r1", "l1", [Receipt(ReturnCondition.Resellable, 2)]),
            new ReceiveReturn(
                "receive-2",
                "r1",
                "l1",
                [Receipt(ReturnCondition.NeedsInspection, 2), Receipt(ReturnCondition.NotRestocked, 1)]),
            new CompleteInspection("inspect-ok", new Sku("A"), W1, 1, InspectionOutcome.Resellable),
            new CompleteInspection("inspect-bad", new Sku("A"), W1, 1, InspectionOutcome.Damaged),
            new ReceiveReturn("receive-over", "r1", "l1", [Receipt(ReturnCondition.Resellable, 2)]),
            new CloseReturn("close", "r1", ReturnClosure.Closed),
        ];
        var statuses = new List<LedgerStatus>();
        foreach (var command in commands)
        {
            statuses.Add((await ledger.ExecuteAsync(command)).Status);
        }

        return statuses;
    }

    private static ReturnReceipt Receipt(ReturnCondition condition, long quantity) => new(condition, quantity);

    private static StockPosition Incoming(long units) => StockPosition.Empty with { Incoming = units };

    private static List<ReturnLine> Ordered(IEnumerable<ReturnLine> lines) =>
        [.. lines.OrderBy(l => l.LineId, StringComparer.Ordinal).ThenBy(l => l.Key)];
}
