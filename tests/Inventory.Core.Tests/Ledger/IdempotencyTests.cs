using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Ledger;

public sealed class IdempotencyTests
{
    private static readonly Sku A = new("A");
    private static readonly LocationId W1 = new("W1");

    [Fact]
    public async Task ExecuteAsync_SameReceiptTwice_ReturnsTheFirstEntriesAndAddsStockOnce()
    {
        var harness = new LedgerHarness();
        var receipt = new ReceiveStock("po-1", A, W1, 10);

        var first = await harness.Run(receipt);
        var second = await harness.Run(receipt with { });

        Assert.False(first.IsReplay);
        Assert.True(second.IsReplay);
        Assert.Equal(LedgerStatus.Applied, second.Status);
        Assert.Equal(first.Entries, second.Entries);
        Assert.Contains("repeated key", second.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
        Assert.Equal(1, harness.Store.JournalLength);
    }

    [Fact]
    public async Task ExecuteAsync_SameReservationTwice_HoldsOnce()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        var reserve = new ReserveCart("cart-event-1", "cart", [Line("l1", "A", 4)]);

        var first = await harness.Run(reserve);
        var second = await harness.Run(reserve);

        Assert.True(second.IsReplay);
        Assert.Equal(first.Entries.Select(e => e.Sequence), second.Entries.Select(e => e.Sequence));
        Assert.Equal(Expect.Position(onHand: 10, reserved: 4), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ExecuteAsync_ReplayAfterLaterChanges_StillReturnsTheFirstResult()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        var reserve = new ReserveCart("cart-event-1", "cart", [Line("l1", "A", 4)]);
        var first = await harness.Run(reserve);
        await harness.Apply(new ReleaseReservation("release", "cart"));

        var again = await harness.Run(reserve);

        Assert.True(again.IsReplay);
        Assert.Equal(first.Entries, again.Entries);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ExecuteAsync_SameKeyWithDifferentCommand_ThrowsKeyConflictNamingBoth()
    {
        var harness = new LedgerHarness();
        await harness.Run(new ReceiveStock("po-1", A, W1, 10));

        var error = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            () => harness.Run(new ReceiveStock("po-1", A, W1, 11)));

        Assert.Equal("po-1", error.IdempotencyKey);
        Assert.Contains("1:A 2:W1 10 ~", error.Message, StringComparison.Ordinal);
        Assert.Contains("1:A 2:W1 11 ~", error.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ExecuteAsync_SameKeyOnAnotherCommandType_ThrowsKeyConflict()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Run(new ReserveCart("event-7", "cart", [Line("l1", "A", 1)]));

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            () => harness.Run(new ReleaseReservation("event-7", "cart")));

        Assert.Equal(Expect.Position(onHand: 10, reserved: 1), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ExecuteAsync_RefusedCommand_LeavesNoTraceAndTheKeySucceedsLater()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 2);
        var reserve = new ReserveCart("cart-event-1", "cart", [Line("l1", "A", 5)]);

        var refused = await harness.Run(reserve);
        var lengthAfterRefusal = harness.Store.JournalLength;
        var recorded = await harness.Store.FindOutcomeAsync("cart-event-1");
        await harness.Receive("A", "W1", 3);
        var retried = await harness.Run(reserve);

        Assert.Equal(LedgerStatus.InsufficientStock, refused.Status);
        Assert.Equal(1, lengthAfterRefusal);
        Assert.Null(recorded);
        Assert.True(retried.IsApplied, retried.Message);
        Assert.False(retried.IsReplay);
        Assert.Equal(Expect.Position(onHand: 5, reserved: 5), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ExecuteAsync_CancelDeliveredTwice_CompensatesOnce()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.PlaceExternal("order", ExternalLine("x1", "A", "W1", 4));
        var cancel = new CancelOrder("cancel-event", "order");

        await harness.Apply(cancel);
        var again = await harness.Apply(cancel);

        Assert.True(again.IsReplay);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
    }
}
