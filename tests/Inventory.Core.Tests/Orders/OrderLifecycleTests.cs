using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Orders;

public sealed class OrderLifecycleTests
{
    [Fact]
    public async Task CommitCart_LiveHolds_MovesReservedToCommitted()
    {
        var harness = await OrderOfTenFromHundredAsync();

        Assert.Equal(Expect.Position(onHand: 100, committed: 10), await harness.Position("A", "W1"));
        Assert.Equal(90, await harness.Available("A"));
    }

    [Fact]
    public async Task FulfilOrder_PartOfTheLine_TakesCommittedAndOnHandDown()
    {
        var harness = await OrderOfTenFromHundredAsync();

        var result = await harness.Apply(new FulfilOrder("ship-7", "order", [new FulfilmentLine("l1", 7)]));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.Fulfilled, 7L), (entry.Kind, entry.Quantity));
        Assert.Equal(Expect.Position(onHand: 93, committed: 3), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task CancelOrder_AfterSevenOfTenShipped_ReleasesOnlyTheOpenThree()
    {
        var harness = await OrderOfTenFromHundredAsync();
        await harness.Apply(new FulfilOrder("ship-7", "order", [new FulfilmentLine("l1", 7)]));

        var result = await harness.Apply(new CancelOrder("cancel", "order"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.Cancelled, 3L), (entry.Kind, entry.Quantity));
        Assert.Equal(-3, entry.Change.Committed);
        Assert.Equal(0, entry.Change.OnHand);
        Assert.Equal(Expect.Position(onHand: 93), await harness.Position("A", "W1"));
        Assert.Equal(93, await harness.Available("A"));
    }

    [Fact]
    public async Task CancelOrder_AfterEverythingShipped_CompensatesNothing()
    {
        var harness = await OrderOfTenFromHundredAsync();
        await harness.Apply(new FulfilOrder("ship-all", "order"));

        var result = await harness.Apply(new CancelOrder("cancel", "order"));
        var again = await harness.Apply(new CancelOrder("cancel-again", "order"));

        Assert.Empty(result.Entries);
        Assert.Empty(again.Entries);
        Assert.Equal(Expect.Position(onHand: 90), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task FulfilOrder_AfterCancel_IsRefusedAsExceedingTheOpenQuantity()
    {
        var harness = await OrderOfTenFromHundredAsync();
        await harness.Apply(new FulfilOrder("ship-7", "order", [new FulfilmentLine("l1", 7)]));
        await harness.Apply(new CancelOrder("cancel", "order"));

        var result = await harness.Run(new FulfilOrder("ship-3", "order", [new FulfilmentLine("l1", 3)]));

        Assert.Equal(LedgerStatus.ExceedsOpenQuantity, result.Status);
        Assert.Equal((3L, 0L), (Assert.Single(result.Shortfalls).Requested, result.Shortfalls[0].Available));
        Assert.Equal(Expect.Position(onHand: 93), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task FulfilOrder_MoreThanOpen_IsRefusedAndShipsNothing()
    {
        var harness = await OrderOfTenFromHundredAsync();

        var result = await harness.Run(new FulfilOrder("ship-11", "order", [new FulfilmentLine("l1", 11)]));

        Assert.Equal(LedgerStatus.ExceedsOpenQuantity, result.Status);
        Assert.Contains("has 10 units open; cannot ship 11", result.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 100, committed: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task CancelOrder_UnknownLine_IsRefusedNamingTheLineAndChangesNothing()
    {
        var harness = await OrderOfTenFromHundredAsync();

        var result = await harness.Run(new CancelOrder("cancel", "order", ["l1", "l9"]));

        Assert.Equal(LedgerStatus.UnknownOrder, result.Status);
        Assert.Equal("Order 'order' has no line 'l9'; nothing was changed.", result.Message);
        Assert.Equal(Expect.Position(onHand: 100, committed: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task CommitCart_CartWithoutHolds_IsRefusedAsUnknownReservation()
    {
        var harness = new LedgerHarness();

        var result = await harness.Commit("empty-cart", "order");

        Assert.Equal(LedgerStatus.UnknownReservation, result.Status);
        Assert.Equal("Cart 'empty-cart' holds nothing; nothing was changed.", result.Message);
    }

    [Fact]
    public async Task CommitCart_OrderIdAlreadyUsed_IsRefused()
    {
        var harness = await OrderOfTenFromHundredAsync();
        await harness.Reserve("cart-2", Line("l1", "A", 1));

        var result = await harness.Commit("cart-2", "order");

        Assert.Equal(LedgerStatus.OrderAlreadyExists, result.Status);
        Assert.Equal(Expect.Position(onHand: 100, committed: 10, reserved: 1), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task FulfilOrder_ArrivesBeforeItsCommit_IsRefusedThenAppliesWithTheSameKey()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Reserve("cart", Line("l1", "A", 4));
        var early = new FulfilOrder("ship-event-1", "order");

        var first = await harness.Run(early);
        await harness.Commit("cart", "order");
        var retried = await harness.Run(early);

        Assert.Equal(LedgerStatus.UnknownOrder, first.Status);
        Assert.True(retried.IsApplied, retried.Message);
        Assert.False(retried.IsReplay);
        Assert.Equal(Expect.Position(onHand: 6), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task PlaceExternalOrder_ShortOfStock_RecordsOversellWithTheShortfall()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);

        var result = await harness.PlaceExternal("ext", ExternalLine("x1", "A", "W1", 5));

        Assert.True(result.IsApplied, result.Message);
        var oversell = Assert.Single(result.Oversells);
        Assert.Equal(2, oversell.Quantity);
        Assert.Equal(Expect.Key("A", "W1"), oversell.Key);
        Assert.True(oversell.Change.IsZero);
        Assert.Equal(Expect.Position(onHand: 3, committed: 5), await harness.Position("A", "W1"));
        Assert.Equal(-2, (await harness.Position("A", "W1")).Available);
        Assert.Equal(0, await harness.Available("A"));
    }

    [Fact]
    public async Task PlaceExternalOrder_EnoughStock_CommitsWithoutOversell()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 5);

        var result = await harness.PlaceExternal("ext", ExternalLine("x1", "A", "W1", 5));

        Assert.Empty(result.Oversells);
        Assert.Equal(Expect.Position(onHand: 5, committed: 5), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReserveCart_AfterExternalOversell_IsRefusedWithNothingAvailable()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);
        await harness.PlaceExternal("ext", ExternalLine("x1", "A", "W1", 5));

        var result = await harness.Reserve("cart", Line("l1", "A", 1, "W1"));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(0, Assert.Single(result.Shortfalls).Available);
    }

    private static async Task<LedgerHarness> OrderOfTenFromHundredAsync()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 100);
        await harness.Apply(new ReserveCart("reserve", "cart", [Line("l1", "A", 10)]));
        await harness.Apply(new CommitCart("commit", "cart", "order"));

        return harness;
    }
}
