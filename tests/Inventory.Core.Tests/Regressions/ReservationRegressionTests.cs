using System.Collections.Concurrent;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Regressions;

/// <summary>One test per known failure of reservation systems, named after the rule that rules it out.</summary>
public sealed class ReservationRegressionTests
{
    [Fact]
    public async Task ExecuteAsync_ConcurrentCheckoutsForTheLastUnits_NeverSellMoreThanOnHand()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);
        var shipped = new ConcurrentBag<int>();

        await Concurrently.RunAsync(threads: 20, count: 20, async i =>
        {
            var reserved = await harness.Run(new ReserveCart($"r-{i}", $"cart-{i}", [Line("l1", "A", 1)]));
            if (reserved.IsApplied)
            {
                await harness.Apply(new CommitCart($"c-{i}", $"cart-{i}", $"order-{i}"));
                await harness.Apply(new FulfilOrder($"f-{i}", $"order-{i}"));
                shipped.Add(i);
            }
        });

        Assert.Equal(3, shipped.Count);
        Assert.Equal(Expect.Position(onHand: 0), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReserveCart_LinesSharingASku_AreCheckedAgainstOneRunningTotal()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 6);
        await harness.Receive("A", "W2", 4);

        var pooled = await harness.Reserve("c1", Line("l1", "A", 4), Line("l2", "A", 4), Line("l3", "A", 3));
        var pinned = await harness.Reserve("c2", Line("l1", "A", 4, "W1"), Line("l2", "A", 3, "W1"));
        var mixed = await harness.Reserve("c3", Line("l1", "A", 5, "W1"), Line("l2", "A", 6));

        Assert.Equal((3L, 2L), (pooled.Shortfalls.Single().Requested, pooled.Shortfalls.Single().Available));
        Assert.Equal((3L, 2L), (pinned.Shortfalls.Single().Requested, pinned.Shortfalls.Single().Available));
        Assert.Equal((6L, 5L), (mixed.Shortfalls.Single().Requested, mixed.Shortfalls.Single().Available));
        Assert.Equal(10, await harness.Available("A"));
    }

    [Fact]
    public async Task GetAvailableAsync_OneLocationNegative_IsClampedToZeroBeforeSumming()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 1);
        await harness.Receive("A", "W2", 3);
        await harness.PlaceExternal("ext", ExternalLine("x1", "A", "W1", 6));

        var total = await harness.Available("A");
        var tooMany = await harness.Reserve("c1", Line("l1", "A", 4));
        var exact = await harness.Reserve("c2", Line("l1", "A", 3));

        Assert.Equal(-5, (await harness.Position("A", "W1")).Available);
        Assert.Equal(3, total);
        Assert.Equal(3, Assert.Single(tooMany.Shortfalls).Available);
        Assert.True(exact.IsApplied, exact.Message);
        Assert.Equal(Expect.Position(onHand: 3, reserved: 3), await harness.Position("A", "W2"));
    }

    [Fact]
    public async Task GetAvailableAsync_LocationReachableSeveralWays_IsCountedOnce()
    {
        var harness = new LedgerHarness(o =>
        {
            o.Locations.Add(new LocationId("W1"));
            o.Locations.Add(new LocationId("W2"));
        });
        await harness.Receive("A", "W1", 5);
        await harness.Apply(new ReserveCart("r1", "cart", [Line("l1", "A", 2, "W1")]));

        var refused = await harness.Reserve("cart", Line("l2", "A", 3, "W1"), Line("l3", "A", 1));

        Assert.Equal(5, await harness.Available("A", "cart"));
        Assert.Equal(3, await harness.Available("A"));
        Assert.Equal(0, Assert.Single(refused.Shortfalls).Available);
        Assert.Equal(Expect.Position(onHand: 5, reserved: 2), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task CancelOrder_AfterPartialShipment_ReleasesOnlyTheUnshippedPart()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 6);
        await harness.Receive("A", "W2", 50);
        await harness.Reserve("cart", Line("l1", "A", 10));
        await harness.Apply(new CommitCart("commit", "cart", "order"));
        await harness.Apply(new FulfilOrder("ship", "order", [new FulfilmentLine("l1", 7)]));

        var cancel = await harness.Apply(new CancelOrder("cancel", "order"));

        var released = Assert.Single(cancel.Entries);
        Assert.Equal((Expect.Key("A", "W2"), 3L), (released.Key, released.Quantity));
        Assert.Equal(Expect.Position(onHand: 0), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 49), await harness.Position("A", "W2"));
    }

    [Fact]
    public async Task CancelOrder_AfterShipThenCancel_NeverCompensatesASecondTime()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.PlaceExternal("order", ExternalLine("x1", "A", "W1", 10));
        await harness.Apply(new FulfilOrder("ship", "order", [new FulfilmentLine("x1", 4)]));
        await harness.Apply(new CancelOrder("cancel-1", "order"));

        var second = await harness.Apply(new CancelOrder("cancel-2", "order"));
        var byLine = await harness.Apply(new CancelOrder("cancel-3", "order", ["x1"]));
        var shipRest = await harness.Run(new FulfilOrder("ship-rest", "order"));

        Assert.Empty(second.Entries);
        Assert.Empty(byLine.Entries);
        Assert.Empty(shipRest.Entries);
        Assert.Equal(Expect.Position(onHand: 6), await harness.Position("A", "W1"));
        Assert.Equal(6, (await harness.Position("A", "W1")).Available);
    }

    [Fact]
    public async Task MoveReservation_ToAnotherLocation_IsCheckedAgainstTheFullQuantityThere()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);
        await harness.Receive("A", "W2", 4);
        await harness.Reserve("cart", Line("l1", "A", 6));

        var refused = await harness.Run(new MoveReservation("move-1", "cart", "l1", new LocationId("W2")));
        await harness.Receive("A", "W2", 2);
        var moved = await harness.Run(new MoveReservation("move-2", "cart", "l1", new LocationId("W2")));

        Assert.Equal((6L, 4L), (refused.Shortfalls.Single().Requested, refused.Shortfalls.Single().Available));
        Assert.True(moved.IsApplied, moved.Message);
        Assert.Equal(Expect.Position(onHand: 3), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 6, reserved: 6), await harness.Position("A", "W2"));
    }

    [Fact]
    public async Task CancelOrder_AfterFulfilment_NeverTakesReservedBelowZero()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Reserve("cart", Line("l1", "A", 5));
        await harness.Apply(new CommitCart("commit", "cart", "order"));
        await harness.Apply(new FulfilOrder("ship", "order"));

        await harness.Apply(new CancelOrder("cancel", "order"));
        var release = await harness.Run(new ReleaseReservation("release", "cart"));
        harness.Clock.Advance(harness.Ttl * 2);
        var swept = await harness.Ledger.SweepExpiredAsync();

        Assert.Equal(LedgerStatus.UnknownReservation, release.Status);
        Assert.Equal(0, swept);
        Assert.Equal(Expect.Position(onHand: 5), await harness.Position("A", "W1"));
        var stored = await harness.Store.ReadAllPositionsAsync(harness.Clock.GetCurrentInstant());
        Assert.All(stored, p => Assert.True(p.Stored.HasNoNegativeState, p.Stored.ToString()));
    }

    [Fact]
    public async Task ReceiveStock_ReturnDeliveredTwice_RestocksOnce()
    {
        var harness = new LedgerHarness();
        var restock = new ReceiveStock("return-line-1", new Sku("A"), new LocationId("W1"), 2, ReceiptKind.Return);

        await harness.Apply(restock);
        var again = await harness.Apply(restock);

        Assert.True(again.IsReplay);
        Assert.Equal(Expect.Position(onHand: 2), await harness.Position("A", "W1"));
        Assert.Single(await harness.Journal(), e => e.Kind == EntryKind.Returned);
    }
}
