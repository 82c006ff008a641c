using Inventory.Core.Ledger;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Returns;

public sealed class SetAvailableTests
{
    private static readonly Sku Mug = new("MUG");
    private static readonly LocationId W1 = new("W1");

    [Fact]
    public async Task SetAvailable_WithCommittedUnits_ChangesOnHandByTheDifferenceOnly()
    {
        var harness = new LedgerHarness();
        await harness.Receive("MUG", "W1", 10);
        await harness.PlaceExternal("o1", ExternalLine("l1", "MUG", "W1", 3));

        var result = await harness.Apply(new SetAvailable("level-1", Mug, W1, 4));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.Counted, -3L, "available-sync"), (entry.Kind, entry.Change.OnHand, entry.Reason));
        Assert.Equal(Expect.Position(onHand: 7, committed: 3), await harness.Position("MUG", "W1"));
    }

    [Fact]
    public async Task SetAvailable_FigureThatWouldTakeOnHandBelowZero_IsRefused()
    {
        var harness = new LedgerHarness();
        await harness.Receive("MUG", "W1", 2);

        var result = await harness.Run(new SetAvailable("level-1", Mug, W1, -5));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Contains("would take on hand from 2 below zero", result.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 2), await harness.Position("MUG", "W1"));
    }

    [Fact]
    public async Task CloseReturn_Closed_ReleasesWhatNeverArrivedWithTheReasonClosed()
    {
        var harness = new LedgerHarness();
        await harness.Apply(new InitiateReturn("init", "R1", "L1", Mug, W1, 3));
        await harness.Apply(new ReceiveReturn("rcv", "R1", "L1", [new ReturnReceipt(ReturnCondition.Resellable, 1)]));

        var result = await harness.Apply(new CloseReturn("close", "R1", ReturnClosure.Closed));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.ReturnReleased, 2L, "closed"), (entry.Kind, entry.Quantity, entry.Reason));
        Assert.Equal(Expect.Position(onHand: 1), await harness.Position("MUG", "W1"));
    }
}
