using Inventory.Core.Ledger;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;

namespace Inventory.Core.Tests.Returns;

public sealed class ReturnLifecycleTests
{
    private static readonly Sku Mug = new("MUG");
    private static readonly LocationId Returns = new("RET");

    [Fact]
    public async Task InitiateReturn_FiveUnits_CountsThemAsIncomingOnly()
    {
        var harness = await HarnessWithReturnOfFiveAsync();

        var position = await harness.Position("MUG", "RET");

        Assert.Equal(new StockPosition(10, 0, 0, 0, 0, 0, Incoming: 5), position);
        Assert.Equal(10, position.Available);
    }

    [Fact]
    public async Task ReceiveReturn_OneGroupPerCondition_MovesEachGroupToItsState()
    {
        var harness = await HarnessWithReturnOfFiveAsync();

        var result = await harness.Apply(Receive(
            "rcv", (ReturnCondition.Resellable, 1), (ReturnCondition.NeedsInspection, 2),
            (ReturnCondition.Damaged, 1), (ReturnCondition.NotRestocked, 1)));

        var position = await harness.Position("MUG", "RET");
        Assert.Equal(new StockPosition(14, 0, 0, Damaged: 1, QualityControl: 2, 0, Incoming: 0), position);
        Assert.Equal(11, position.Available);
        Assert.Equal(
            [EntryKind.Returned, EntryKind.Returned, EntryKind.Returned, EntryKind.ReturnNotRestocked],
            result.Entries.Select(e => e.Kind));
        Assert.Equal(new StockChange(Incoming: -1), result.Entries[3].Change);
        Assert.Equal("return:R1/L1", result.Entries[0].Reference);
    }

    [Fact]
    public async Task ReceiveReturn_ResellableUnits_AddToAvailableAndLeaveIncoming()
    {
        var harness = await HarnessWithReturnOfFiveAsync();

        await harness.Apply(Receive("rcv", (ReturnCondition.Resellable, 3)));

        Assert.Equal(new StockPosition(13, 0, 0, 0, 0, 0, Incoming: 2), await harness.Position("MUG", "RET"));
    }

    [Fact]
    public async Task ReceiveReturn_MoreThanInitiated_IsRefusedAndChangesNothing()
    {
        var harness = await HarnessWithReturnOfFiveAsync();
        await harness.Apply(Receive("rcv-1", (ReturnCondition.Resellable, 4)));

        var result = await harness.Run(Receive("rcv-2", (ReturnCondition.Damaged, 1), (ReturnCondition.Resellable, 1)));

        Assert.Equal(LedgerStatus.ExceedsExpectedReturn, result.Status);
        Assert.Contains("still expects 1 of 5 units; cannot receive 2", result.Message, StringComparison.Ordinal);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal((2L, 1L), (shortfall.Requested, shortfall.Available));
        Assert.Equal(new StockPosition(14, 0, 0, 0, 0, 0, Incoming: 1), await harness.Position("MUG", "RET"));
    }

    [Fact]
    public async Task ReceiveReturn_UnknownLine_IsRefusedAsUnknownReturn()
    {
        var harness = await HarnessWithReturnOfFiveAsync();

        var result = await harness.Run(new ReceiveReturn(
            "rcv", "R1", "L9", [new ReturnReceipt(ReturnCondition.Resellable, 1)]));

        Assert.Equal(LedgerStatus.UnknownReturn, result.Status);
        Assert.Contains("Return 'R1' has no line 'L9'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveReturn_WebhookDeliveredTwice_ChangesStockOnce()
    {
        var harness = await HarnessWithReturnOfFiveAsync();

        var first = await harness.Apply(Receive("aftership:rcv-77", (ReturnCondition.Resellable, 2)));
        var second = await harness.Apply(Receive("aftership:rcv-77", (ReturnCondition.Resellable, 2)));

        Assert.False(first.IsReplay);
        Assert.True(second.IsReplay);
        Assert.Equal(new StockPosition(12, 0, 0, 0, 0, 0, Incoming: 3), await harness.Position("MUG", "RET"));
    }

    [Fact]
    public async Task InitiateReturn_SameLineTwiceUnderNewKeys_IsRefusedTheSecondTime()
    {
        var harness = await HarnessWithReturnOfFiveAsync();

        var result = await harness.Run(new InitiateReturn("init-again", "R1", "L1", Mug, Returns, 5));

        Assert.Equal(LedgerStatus.ReturnAlreadyExists, result.Status);
        Assert.Equal(5, (await harness.Position("MUG", "RET")).Incoming);
    }

    [Theory]
    [InlineData(ReturnClosure.Cancelled, "cancelled")]
    [InlineData(ReturnClosure.Expired, "expired")]
    public async Task CloseReturn_AfterPartReceived_ReleasesOnlyTheOutstandingIncoming(
        ReturnClosure closure, string reason)
    {
        var harness = await HarnessWithReturnOfFiveAsync();
        await harness.Apply(Receive("rcv", (ReturnCondition.Resellable, 2)));

        var result = await harness.Apply(new CloseReturn("close", "R1", closure));
        var again = await harness.Apply(new CloseReturn("close-again", "R1", closure));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.ReturnReleased, 3L, reason), (entry.Kind, entry.Quantity, entry.Reason));
        Assert.Empty(again.Entries);
        Assert.Equal(new StockPosition(12, 0, 0, 0, 0, 0, Incoming: 0), await harness.Position("MUG", "RET"));
        var late = await harness.Run(Receive("rcv-late", (ReturnCondition.Resellable, 1)));
        Assert.Equal(LedgerStatus.ExceedsExpectedReturn, late.Status);
    }

    [Fact]
    public async Task CloseReturn_UnknownReturn_IsRefused()
    {
        var harness = new LedgerHarness();

        var result = await harness.Run(new CloseReturn("close", "R404", ReturnClosure.Expired));

        Assert.Equal(LedgerStatus.UnknownReturn, result.Status);
        Assert.Contains("Return 'R404' is not known", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InspectionOutcome.Resellable, 12L, 0L)]
    [InlineData(InspectionOutcome.Damaged, 10L, 2L)]
    public async Task CompleteInspection_TwoUnitsInQualityControl_MovesThemByOutcome(
        InspectionOutcome outcome, long available, long damaged)
    {
        var harness = await HarnessWithReturnOfFiveAsync();
        await harness.Apply(Receive("rcv", (ReturnCondition.NeedsInspection, 2)));

        await harness.Apply(new CompleteInspection("qc", Mug, Returns, 2, outcome, "return:R1/L1"));

        var position = await harness.Position("MUG", "RET");
        Assert.Equal(
            (available, damaged, 0L, 12L),
            (position.Available, position.Damaged, position.QualityControl, position.OnHand));
    }

    [Fact]
    public async Task CompleteInspection_MoreThanInQualityControl_IsRefused()
    {
        var harness = await HarnessWithReturnOfFiveAsync();
        await harness.Apply(Receive("rcv", (ReturnCondition.NeedsInspection, 2)));

        var result = await harness.Run(new CompleteInspection("qc", Mug, Returns, 3, InspectionOutcome.Resellable));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Contains(
            "needs 3 units in quality control of MUG @ RET, which has 2",
            result.Message,
            StringComparison.Ordinal);
        Assert.Equal(2, (await harness.Position("MUG", "RET")).QualityControl);
    }

    [Fact]
    public async Task WriteOffDamaged_AfterDamagedReceipt_TakesDamagedAndOnHandDown()
    {
        var harness = await HarnessWithReturnOfFiveAsync();
        await harness.Apply(Receive("rcv", (ReturnCondition.Damaged, 3)));

        var result = await harness.Apply(new WriteOffDamaged("wo", Mug, Returns, 2, "smashed"));
        var refused = await harness.Run(new WriteOffDamaged("wo-2", Mug, Returns, 2));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.WrittenOff, new StockChange(OnHand: -2, Damaged: -2)), (entry.Kind, entry.Change));
        Assert.Equal(LedgerStatus.InsufficientStock, refused.Status);
        Assert.Equal(new StockPosition(11, 0, 0, Damaged: 1, 0, 0, Incoming: 2), await harness.Position("MUG", "RET"));
    }

    private static async Task<LedgerHarness> HarnessWithReturnOfFiveAsync()
    {
        var harness = new LedgerHarness();
        await harness.Receive("MUG", "RET", 10);
        await harness.Apply(new InitiateReturn("init", "R1", "L1", Mug, Returns, 5));

        return harness;
    }

    private static ReceiveReturn Receive(string key, params (ReturnCondition Condition, long Quantity)[] groups) =>
        new(key, "R1", "L1", groups.Select(g => new ReturnReceipt(g.Condition, g.Quantity)).ToList());
}
