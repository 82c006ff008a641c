using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;

namespace Inventory.Core.Tests.Stock;

public sealed class StockCommandTests
{
    private static readonly Sku A = new("A");
    private static readonly LocationId W1 = new("W1");

    [Fact]
    public async Task ReceiveStock_Return_AddsOnHandWithAReturnedEntry()
    {
        var harness = new LedgerHarness();

        var result = await harness.Apply(new ReceiveStock("rma-1", A, W1, 2, ReceiptKind.Return, "rma:1"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.Returned, 2L, "rma:1"), (entry.Kind, entry.Quantity, entry.Reference));
        Assert.Equal(Expect.Position(onHand: 2), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task SetCount_BelowCommitted_RecordsOversellOfTheGap()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.PlaceExternal("ext", LedgerHarness.ExternalLine("x1", "A", "W1", 8));

        var result = await harness.Apply(new SetCount("count", A, W1, 5, "alice"));

        var counted = Assert.Single(result.Entries, e => e.Kind == EntryKind.Counted);
        Assert.Equal((-5L, 5L, "alice"), (counted.Change.OnHand, counted.Quantity, counted.Actor));
        Assert.Equal(3, Assert.Single(result.Oversells).Quantity);
        Assert.Equal(Expect.Position(onHand: 5, committed: 8), await harness.Position("A", "W1"));
        Assert.Equal(-3, (await harness.Position("A", "W1")).Available);
    }

    [Fact]
    public async Task SetCount_AboveCommitted_RecordsNoOversell()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.PlaceExternal("ext", LedgerHarness.ExternalLine("x1", "A", "W1", 4));

        var result = await harness.Apply(new SetCount("count", A, W1, 12));

        Assert.Empty(result.Oversells);
        Assert.Equal(2, Assert.Single(result.Entries).Change.OnHand);
        Assert.Equal(Expect.Position(onHand: 12, committed: 4), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task SetCount_DamagedBucket_SetsTheBucketAndMovesOnHandWithIt()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 100);
        await harness.Apply(new AdjustStock("dmg", A, W1, 8, StockBucket.Damaged));

        var result = await harness.Apply(new SetCount("count", A, W1, 5, "alice", StockBucket.Damaged, "damaged"));

        var counted = Assert.Single(result.Entries);
        Assert.Equal(
            (EntryKind.Counted, new StockChange(OnHand: -3, Damaged: -3), 3L, "damaged", "alice"),
            (counted.Kind, counted.Change, counted.Quantity, counted.Reason, counted.Actor));
        Assert.Equal(Expect.Position(onHand: 105, damaged: 5), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task SetCount_SameKeyForAnotherBucket_ThrowsKeyConflict()
    {
        var harness = new LedgerHarness();
        await harness.Apply(new SetCount("count", A, W1, 5, Bucket: StockBucket.Damaged));

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            () => harness.Run(new SetCount("count", A, W1, 5, Bucket: StockBucket.QualityControl)));

        Assert.Equal(Expect.Position(onHand: 5, damaged: 5), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task AdjustStock_BelowZero_IsRefusedAndChangesNothing()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);

        var result = await harness.Run(new AdjustStock("shrink", A, W1, -5, Reason: "shrinkage", Operator: "bob"));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal((5L, 3L), (shortfall.Requested, shortfall.Available));
        Assert.Contains("removes 5, has 3", result.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 3), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task AdjustStock_DownToZero_AppliesWithReasonAndOperator()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);

        var result = await harness.Apply(new AdjustStock("shrink", A, W1, -3, Reason: "shrinkage", Operator: "bob"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.Adjusted, 3L), (entry.Kind, entry.Quantity));
        Assert.Equal(("shrinkage", "bob"), (entry.Reason, entry.Actor));
        Assert.Equal(Expect.Position(onHand: 0), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task AdjustStock_IntoDamaged_KeepsOnHandOutOfAvailable()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);

        await harness.Apply(new AdjustStock("damage", A, W1, 1, StockBucket.Damaged, "damaged", "bob"));

        var position = await harness.Position("A", "W1");
        Assert.Equal(Expect.Position(onHand: 4, damaged: 1), position);
        Assert.Equal(3, position.Available);
    }

    [Fact]
    public async Task AdjustStock_DamagedBelowZero_IsRefused()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);

        var result = await harness.Run(new AdjustStock("undamage", A, W1, -1, StockBucket.Damaged));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(Expect.Position(onHand: 3), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReceiveStock_LongMaxValueTwice_ThrowsInvalidCommandAndKeepsTheFirstFigure()
    {
        var harness = new LedgerHarness();
        await harness.Apply(new ReceiveStock("first", A, W1, long.MaxValue));

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            () => harness.Run(new ReceiveStock("second", A, W1, long.MaxValue)));

        var named = "'second' [receive 8:Purchase 1:A 2:W1 9223372036854775807 ~]";
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("beyond the 64-bit range", error.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: long.MaxValue), await harness.Position("A", "W1"));
        Assert.Null(await harness.Store.FindOutcomeAsync("second"));
        Assert.Equal(1, harness.Store.JournalLength);
    }
}
