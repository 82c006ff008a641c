using Inventory.Core.Ledger;
using Inventory.Core.Adjustments;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;

namespace Inventory.Core.Tests.Adjustments;

public sealed class ManualAdjustmentsTests
{
    private readonly LedgerHarness _harness = new();
    private readonly AdjustmentLog _log = new();
    private readonly ManualAdjustments _adjustments;

    public ManualAdjustmentsTests()
    {
        var policy = new AdjustmentPolicy(AdjustmentPolicyOptions.CreateDefault());
        _adjustments = new ManualAdjustments(_harness.Ledger, policy, _log);
    }

    [Fact]
    public async Task SubmitAsync_Allowed_ReachesTheLedgerAsAnAdjustmentWithReasonAndOperator()
    {
        await _harness.Receive("A", "W1", 100);

        var outcome = await _adjustments.SubmitAsync("adj-1", Requests.Change(-4, reason: ReasonCodes.Shrinkage));

        Assert.True(outcome.IsApplied);
        var entry = Assert.Single(outcome.Result!.Entries);
        Assert.Equal(
            (EntryKind.Adjusted, -4L, "shrinkage", "alice"),
            (entry.Kind, entry.Change.OnHand, entry.Reason, entry.Actor));
        Assert.Equal(Expect.Position(onHand: 96), await _harness.Position("A", "W1"));
        Assert.Equal(1L, Assert.Single(_log.Entries).Sequence);
    }

    [Fact]
    public async Task SubmitAsync_NeedsApproval_ChangesNothingAndLogsNothing()
    {
        await _harness.Receive("A", "W1", 1000);

        var outcome = await _adjustments.SubmitAsync("adj-1", Requests.Change(-300));

        Assert.Equal(AdjustmentVerdict.NeedsApproval, outcome.Decision.Verdict);
        Assert.Null(outcome.Result);
        Assert.Equal(Expect.Position(onHand: 1000), await _harness.Position("A", "W1"));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task SubmitAsync_Refused_ChangesNothing()
    {
        await _harness.Receive("A", "W1", 10);

        var outcome = await _adjustments.SubmitAsync("adj-1", Requests.Change(-2, by: " "));

        Assert.Equal(AdjustmentRules.MissingOperator, outcome.Decision.Rules);
        Assert.False(outcome.IsApplied);
        Assert.Equal(Expect.Position(onHand: 10), await _harness.Position("A", "W1"));
    }

    [Fact]
    public async Task SubmitAsync_ApprovedLargeChange_IsApplied()
    {
        await _harness.Receive("A", "W1", 1000);

        var outcome = await _adjustments.SubmitAsync("adj-1", Requests.Change(-300) with { Approver = "bob" });

        Assert.True(outcome.IsApplied, outcome.Result?.Message);
        Assert.Equal(Expect.Position(onHand: 700), await _harness.Position("A", "W1"));
        Assert.Equal("bob", Assert.Single(_log.Entries).Request.Approver);
    }

    [Fact]
    public async Task SubmitAsync_AvailableCount_BecomesAPhysicalCount()
    {
        await _harness.Receive("A", "W1", 50);

        var outcome = await _adjustments.SubmitAsync("count-1", Requests.Count(45));

        var entry = Assert.Single(outcome.Result!.Entries);
        Assert.Equal((EntryKind.Counted, -5L, "alice"), (entry.Kind, entry.Change.OnHand, entry.Actor));
        Assert.Equal(Expect.Position(onHand: 45), await _harness.Position("A", "W1"));
    }

    [Fact]
    public async Task SubmitAsync_DamagedCount_MovesOnHandAndDamagedTogether()
    {
        await _harness.Receive("A", "W1", 50);
        await _adjustments.SubmitAsync(
            "dmg-1", Requests.Change(3, reason: ReasonCodes.Damaged, bucket: StockBucket.Damaged));

        var recount = Requests.Count(1, ReasonCodes.Damaged, StockBucket.Damaged);

        var outcome = await _adjustments.SubmitAsync("dmg-2", recount);

        Assert.True(outcome.IsApplied, outcome.Result?.Message);
        Assert.Equal(Expect.Position(onHand: 51, damaged: 1), await _harness.Position("A", "W1"));
        Assert.Equal(2, _log.Entries.Count);
    }

    [Fact]
    public async Task SubmitAsync_SameKeyTwice_AppliesAndLogsOnce()
    {
        await _harness.Receive("A", "W1", 100);
        var request = Requests.Change(-4, reason: ReasonCodes.Shrinkage);

        await _adjustments.SubmitAsync("adj-1", request);
        var again = await _adjustments.SubmitAsync("adj-1", request);

        Assert.True(again.Result!.IsReplay);
        Assert.Equal(Expect.Position(onHand: 96), await _harness.Position("A", "W1"));
        Assert.Single(_log.Entries);
    }

    [Fact]
    public async Task SubmitAsync_SameKeyAfterStockChanged_ReturnsTheFirstResultInsteadOfJudgingAgain()
    {
        await _harness.Receive("A", "W1", 100);
        var request = Requests.Change(-4, reason: ReasonCodes.Shrinkage);
        var first = await _adjustments.SubmitAsync("adj-1", request);
        var large = await _adjustments.SubmitAsync("adj-2", Requests.Change(-90) with { Approver = "bob" });

        var again = await _adjustments.SubmitAsync("adj-1", request);

        Assert.True(first.IsApplied && large.IsApplied, $"{first.Decision} / {large.Decision}");
        Assert.Equal((true, true, -4L), (again.IsApplied, again.Result!.IsReplay, again.Decision.Change));
        Assert.Equal(first.Result!.Entries, again.Result.Entries);
        Assert.Null(again.LogEntry);
        Assert.Equal(Expect.Position(onHand: 6), await _harness.Position("A", "W1"));
        Assert.Equal(2, _log.Entries.Count);
    }

    [Fact]
    public async Task SubmitAsync_MatchingDamagedCountTwiceWithOneKey_LogsOnce()
    {
        await _harness.Receive("A", "W1", 50);
        var count = Requests.Count(0, ReasonCodes.Damaged, StockBucket.Damaged);

        var first = await _adjustments.SubmitAsync("dmg-count", count);
        var again = await _adjustments.SubmitAsync("dmg-count", count);

        Assert.Equal(1L, first.LogEntry!.Sequence);
        Assert.Equal((true, 0L), (again.Decision.IsAllowed, again.Decision.Change));
        Assert.Null(again.LogEntry);
        Assert.Single(_log.Entries);
    }

    [Fact]
    public async Task SubmitAsync_MatchingCountKeyReusedForAnotherRequest_ThrowsKeyConflict()
    {
        await _harness.Receive("A", "W1", 50);
        await _adjustments.SubmitAsync("dmg-count", Requests.Count(0, ReasonCodes.Damaged, StockBucket.Damaged));

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => _adjustments.SubmitAsync(
            "dmg-count", Requests.Count(0, ReasonCodes.Damaged, StockBucket.QualityControl)).AsTask());

        Assert.Single(_log.Entries);
    }
}
