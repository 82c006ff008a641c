using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using NodaTime;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Reservations;

public sealed class ReservationExpiryTests
{
    private static readonly Duration Ttl = Duration.FromMinutes(20);

    [Fact]
    public async Task GetPositionAsync_HoldReachesItsExpiry_StopsCountingAtOnce()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl - Duration.FromSeconds(1));
        Assert.Equal(Expect.Position(onHand: 10, reserved: 4), await harness.Position("A", "W1"));

        harness.Clock.Advance(Duration.FromSeconds(1));

        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
        Assert.Equal(10, await harness.Available("A"));
    }

    [Fact]
    public async Task ReserveCart_OtherCartsHoldHasExpired_CanTakeThoseUnits()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl);

        var result = await harness.Reserve("cart-2", Line("l1", "A", 10));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(Expect.Position(onHand: 10, reserved: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task SweepExpiredAsync_ExpiredHolds_RemovesThemWithExpiredEntries()
    {
        var harness = await ReservedFourOfTenAsync();
        await harness.Receive("B", "W1", 5);
        await harness.Reserve("cart-2", Line("l1", "B", 2));
        harness.Clock.Advance(Ttl);

        var removed = await harness.Ledger.SweepExpiredAsync();

        Assert.Equal(2, removed);
        var expired = (await harness.Journal()).Where(e => e.Kind == EntryKind.Expired).ToList();
        Assert.Equal([("A", 4L), ("B", 2L)], expired.Select(e => (e.Key.Sku.Value, e.Quantity)).Order());
        Assert.All(expired, e => Assert.Equal(-e.Quantity, e.Change.Reserved));
        var stored = await harness.Store.GetPositionAsync(Expect.Key("A", "W1"), harness.Clock.GetCurrentInstant());
        Assert.Equal(Expect.Position(onHand: 10), stored.Stored);
        Assert.Equal(0, stored.ExpiredReserved);
    }

    [Fact]
    public async Task SweepExpiredAsync_RunTwice_RemovesNothingTheSecondTime()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl);
        await harness.Ledger.SweepExpiredAsync();
        var journalLength = harness.Store.JournalLength;

        var removed = await harness.Ledger.SweepExpiredAsync();

        Assert.Equal(0, removed);
        Assert.Equal(journalLength, harness.Store.JournalLength);
    }

    [Fact]
    public async Task SweepExpiredAsync_LiveHolds_LeavesThemInPlace()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl - Duration.FromMinutes(1));

        var removed = await harness.Ledger.SweepExpiredAsync();

        Assert.Equal(0, removed);
        Assert.Equal(Expect.Position(onHand: 10, reserved: 4), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ExtendCart_BeforeExpiry_SlidesTheExpiryFromNow()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Duration.FromMinutes(15));

        await harness.Apply(new ExtendCart("extend", "cart"));
        harness.Clock.Advance(Duration.FromMinutes(19));

        Assert.Equal(Expect.Position(onHand: 10, reserved: 4), await harness.Position("A", "W1"));
        harness.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReserveCart_AnotherLineOnTheSameCart_SlidesTheExistingHoldsToo()
    {
        var harness = await ReservedFourOfTenAsync();
        await harness.Receive("B", "W1", 5);
        harness.Clock.Advance(Duration.FromMinutes(15));

        await harness.Reserve("cart", Line("l2", "B", 1));
        harness.Clock.Advance(Duration.FromMinutes(10));

        Assert.Equal(Expect.Position(onHand: 10, reserved: 4), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 5, reserved: 1), await harness.Position("B", "W1"));
    }

    [Fact]
    public async Task ChangeReservation_OneLine_SlidesTheCartsOtherLines()
    {
        var harness = await ReservedFourOfTenAsync();
        await harness.Receive("B", "W1", 5);
        await harness.Reserve("cart", Line("l2", "B", 2));
        harness.Clock.Advance(Duration.FromMinutes(15));

        await harness.Apply(new ChangeReservation("change", "cart", "l2", 3));
        harness.Clock.Advance(Duration.FromMinutes(19));

        Assert.Equal(Expect.Position(onHand: 10, reserved: 4), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 5, reserved: 3), await harness.Position("B", "W1"));
        harness.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(15, await harness.Available("A") + await harness.Available("B"));
    }

    [Fact]
    public async Task ReleaseReservation_ExpiredHold_RecordsItAsExpired()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl);

        var result = await harness.Apply(new ReleaseReservation("release", "cart"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.Expired, 4L), (entry.Kind, entry.Quantity));
        Assert.Equal(0, (await harness.Ledger.Store.GetPositionAsync(Expect.Key("A", "W1"), LedgerHarness.Start))
            .Stored.Reserved);
    }

    [Fact]
    public async Task ExtendCart_AfterExpiry_IsRefusedAndTheHoldStaysGone()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl);

        var result = await harness.Run(new ExtendCart("extend", "cart"));

        Assert.Equal(LedgerStatus.ReservationExpired, result.Status);
        Assert.Contains("line 'l1'", result.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReserveCart_NewLineAfterExpiry_DoesNotReviveTheExpiredLine()
    {
        var harness = await ReservedFourOfTenAsync();
        await harness.Receive("B", "W1", 5);
        harness.Clock.Advance(Ttl);

        var result = await harness.Reserve("cart", Line("l2", "B", 1));

        Assert.True(result.IsApplied, result.Message);
        var expired = Assert.Single(result.Entries, e => e.Kind == EntryKind.Expired);
        Assert.Equal(4, expired.Quantity);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
        var order = await harness.Commit("cart", "order");
        Assert.True(order.IsApplied, order.Message);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 5, committed: 1), await harness.Position("B", "W1"));
    }

    [Fact]
    public async Task ChangeReservation_AfterExpiry_IsRefused()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl);

        var result = await harness.Run(new ChangeReservation("change", "cart", "l1", 2));

        Assert.Equal(LedgerStatus.ReservationExpired, result.Status);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task CommitCart_HoldExpired_IsRefusedAndCommitsNothing()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl + Duration.FromMinutes(1));

        var result = await harness.Commit("cart", "order");

        Assert.Equal(LedgerStatus.ReservationExpired, result.Status);
        Assert.Contains("cart", result.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
        var fulfil = await harness.Run(new FulfilOrder("ship", "order"));
        Assert.Equal(LedgerStatus.UnknownOrder, fulfil.Status);
    }

    [Fact]
    public async Task CommitCart_JustBeforeExpiry_CommitsTheHold()
    {
        var harness = await ReservedFourOfTenAsync();
        harness.Clock.Advance(Ttl - Duration.FromSeconds(1));

        var result = await harness.Commit("cart", "order");

        Assert.True(result.IsApplied, result.Message);
        harness.Clock.Advance(Duration.FromHours(1));
        Assert.Equal(Expect.Position(onHand: 10, committed: 4), await harness.Position("A", "W1"));
    }

    private static async Task<LedgerHarness> ReservedFourOfTenAsync()
    {
        var harness = new LedgerHarness(o => o.ReservationTtl = Ttl);
        await harness.Receive("A", "W1", 10);
        var reserved = await harness.Reserve("cart", Line("l1", "A", 4));
        Assert.True(reserved.IsApplied, reserved.Message);

        return harness;
    }
}
