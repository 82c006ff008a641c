using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Reservations;

public sealed class ReservationChangeTests
{
    [Fact]
    public async Task MoveReservation_TargetHasLessThanTheFullQuantity_IsRefusedAndChangesNothing()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Receive("A", "W2", 4);
        await harness.Reserve("cart", Line("l1", "A", 5, "W1"));

        var result = await harness.Run(new MoveReservation("move", "cart", "l1", new LocationId("W2")));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(new LocationId("W2"), shortfall.Location);
        Assert.Equal((5L, 4L), (shortfall.Requested, shortfall.Available));
        Assert.Equal(Expect.Position(onHand: 10, reserved: 5), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 4), await harness.Position("A", "W2"));
    }

    [Fact]
    public async Task MoveReservation_TargetHasTheFullQuantity_MovesTheWholeHold()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Receive("A", "W2", 5);
        await harness.Reserve("cart", Line("l1", "A", 5, "W1"));

        var result = await harness.Run(new MoveReservation("move", "cart", "l1", new LocationId("W2")));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 5, reserved: 5), await harness.Position("A", "W2"));
    }

    [Fact]
    public async Task ChangeReservation_Increase_IsCheckedAgainstWhatIsLeft()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Reserve("cart", Line("l1", "A", 4));
        await harness.Reserve("other", Line("l1", "A", 3));

        var refused = await harness.Run(new ChangeReservation("grow-8", "cart", "l1", 8));
        var applied = await harness.Run(new ChangeReservation("grow-7", "cart", "l1", 7));

        Assert.Equal(LedgerStatus.InsufficientStock, refused.Status);
        Assert.Equal(7, Assert.Single(refused.Shortfalls).Available);
        Assert.True(applied.IsApplied, applied.Message);
        Assert.Equal(Expect.Position(onHand: 10, reserved: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ChangeReservation_Decrease_ReturnsTheDifferenceToAvailable()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Reserve("cart", Line("l1", "A", 6));

        var result = await harness.Run(new ChangeReservation("shrink", "cart", "l1", 2));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(Expect.Position(onHand: 10, reserved: 2), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ChangeReservation_LineSplitOverTwoLocations_ReallocatesAcrossLocations()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);
        await harness.Receive("A", "W2", 4);
        await harness.Reserve("cart", Line("l1", "A", 5));

        var result = await harness.Run(new ChangeReservation("grow", "cart", "l1", 7));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(Expect.Position(onHand: 3, reserved: 3), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 4, reserved: 4), await harness.Position("A", "W2"));
    }

    [Fact]
    public async Task ReleaseReservation_OneLine_ReleasesOnlyThatLine()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Reserve("cart", Line("l1", "A", 2), Line("l2", "A", 3));

        var result = await harness.Run(new ReleaseReservation("release", "cart", "l2"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.Released, 3L), (entry.Kind, entry.Quantity));
        Assert.Equal(Expect.Position(onHand: 10, reserved: 2), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReleaseReservation_WholeCart_ReleasesEveryLine()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Reserve("cart", Line("l1", "A", 2), Line("l2", "A", 3));

        await harness.Apply(new ReleaseReservation("release", "cart"));

        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReleaseReservation_UnknownCart_IsRefusedAsUnknownReservation()
    {
        var harness = new LedgerHarness();

        var result = await harness.Run(new ReleaseReservation("release", "nobody"));

        Assert.Equal(LedgerStatus.UnknownReservation, result.Status);
        Assert.Contains("'nobody'", result.Message, StringComparison.Ordinal);
    }
}
