using Inventory.Core.Adjustments;
using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Adjustments;

public sealed class AdjustmentPolicyTests
{
    private static readonly AdjustmentPolicy Defaults = new(AdjustmentPolicyOptions.CreateDefault());

    [Fact]
    public void CreateDefault_HoldsTheTenStorefrontCodes()
    {
        string[] expected =
        [
            "correction", "cycle_count_available", "damaged", "other", "promotion", "quality_control", "received",
            "restock", "safety_stock", "shrinkage",
        ];

        Assert.Equal(expected, Defaults.Codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_WithinLimits_IsAllowedWithTheChange()
    {
        var decision = Defaults.Evaluate(Requests.Change(-7), Requests.OnHand(100));

        Assert.Equal(
            (AdjustmentVerdict.Allowed, AdjustmentRules.None, -7L),
            (decision.Verdict, decision.Rules, decision.Change));
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void Evaluate_Allowed_AllocatesNothing()
    {
        var request = Requests.Change(-7, reason: ReasonCodes.Shrinkage) with { Approver = "bob" };
        var position = Requests.OnHand(100);
        Assert.True(Defaults.Evaluate(request, position).IsAllowed);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var allowed = 0;
        for (var i = 0; i < 1000; i++)
        {
            allowed += Defaults.Evaluate(request, position).IsAllowed ? 1 : 0;
        }

        Assert.Equal((1000, 0L), (allowed, GC.GetAllocatedBytesForCurrentThread() - before));
    }

    [Fact]
    public void Evaluate_NoReasonAndNoOperator_IsRefusedNamingBoth()
    {
        var decision = Defaults.Evaluate(Requests.Change(5, reason: " ", by: null), Requests.OnHand(100));

        Assert.Equal(AdjustmentVerdict.Refused, decision.Verdict);
        Assert.Equal(AdjustmentRules.MissingReason | AdjustmentRules.MissingOperator, decision.Rules);
        Assert.Equal(2, decision.Findings.Count);
        Assert.Contains("No reason code was given for A @ W1.", decision.Findings);
    }

    [Fact]
    public void Evaluate_CodeOutsideTheCatalogue_IsRefused()
    {
        var decision = Defaults.Evaluate(Requests.Change(5, reason: "oops"), Requests.OnHand(100));

        Assert.Equal(AdjustmentRules.UnknownReason, decision.Rules);
        Assert.Equal("Reason code 'oops' is not in the catalogue.", Assert.Single(decision.Findings));
    }

    [Theory]
    [InlineData(ReasonCodes.Shrinkage, 5)]
    [InlineData(ReasonCodes.Received, -5)]
    [InlineData(ReasonCodes.Restock, -1)]
    public void Evaluate_DirectionTheCodeForbids_IsRefused(string code, long quantity)
    {
        var request = Requests.Change(quantity, reason: code) with { Reference = "doc-1" };

        var decision = Defaults.Evaluate(request, Requests.OnHand(100));

        Assert.Equal(AdjustmentRules.DirectionNotAllowed, decision.Rules);
    }

    [Fact]
    public void Evaluate_BucketOtherThanTheCodes_IsRefused()
    {
        var decision = Defaults.Evaluate(Requests.Change(-2, reason: ReasonCodes.Damaged), Requests.OnHand(100));

        Assert.Equal(AdjustmentRules.WrongBucket, decision.Rules);
        Assert.Equal(
            "Reason code 'damaged' moves the Damaged bucket; the request moves Available.", decision.Findings[0]);
    }

    [Fact]
    public void Evaluate_NoteRequiredButBlank_IsRefused()
    {
        var blank = Requests.Change(3, reason: ReasonCodes.Correction) with { Note = "  " };
        var noted = blank with { Note = "miscounted shelf 4" };

        Assert.Equal(AdjustmentRules.MissingNote, Defaults.Evaluate(blank, Requests.OnHand(100)).Rules);
        Assert.True(Defaults.Evaluate(noted, Requests.OnHand(100)).IsAllowed);
    }

    [Fact]
    public void Evaluate_ReferenceRequiredButMissing_IsRefused()
    {
        var bare = Requests.Change(3, reason: ReasonCodes.Received);

        Assert.Equal(AdjustmentRules.MissingReference, Defaults.Evaluate(bare, Requests.OnHand(100)).Rules);
        Assert.True(Defaults.Evaluate(bare with { Reference = "PO-9" }, Requests.OnHand(100)).IsAllowed);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData(" ALICE ")]
    public void Evaluate_ApprovedByTheOperatorThemself_IsRefused(string approver)
    {
        var small = Requests.Change(-1) with { Approver = approver };
        var large = Requests.Change(-500) with { Approver = approver };

        Assert.Equal(AdjustmentRules.SelfApproval, Defaults.Evaluate(small, Requests.OnHand(1000)).Rules);
        Assert.Equal(AdjustmentVerdict.Refused, Defaults.Evaluate(large, Requests.OnHand(1000)).Verdict);
    }

    [Theory]
    [InlineData(-100, AdjustmentVerdict.Allowed)]
    [InlineData(-101, AdjustmentVerdict.NeedsApproval)]
    [InlineData(101, AdjustmentVerdict.NeedsApproval)]
    public void Evaluate_AgainstTheUnitLimit_NeedsApprovalOnlyAboveIt(long quantity, AdjustmentVerdict expected)
    {
        var decision = Defaults.Evaluate(Requests.Change(quantity), Requests.OnHand(1000));

        Assert.Equal(expected, decision.Verdict);
    }

    [Theory]
    [InlineData(-10, 100, AdjustmentVerdict.Allowed)]
    [InlineData(-11, 100, AdjustmentVerdict.NeedsApproval)]
    [InlineData(-1, 9, AdjustmentVerdict.NeedsApproval)]
    [InlineData(-1, 10, AdjustmentVerdict.Allowed)]
    public void Evaluate_AgainstThePercentLimit_NeedsApprovalOnlyAboveIt(
        long quantity, long onHand, AdjustmentVerdict expected)
    {
        var request = Requests.Change(quantity, reason: ReasonCodes.Shrinkage);

        var decision = Defaults.Evaluate(request, Requests.OnHand(onHand));

        Assert.Equal(expected, decision.Verdict);
    }

    [Fact]
    public void Evaluate_AboveALimit_SaysWhy()
    {
        var decision = Defaults.Evaluate(Requests.Change(-30, reason: ReasonCodes.Shrinkage), Requests.OnHand(1000));

        Assert.Equal(AdjustmentRules.ApprovalRequired, decision.Rules);
        Assert.Equal(
            "The change of -30 units of A @ W1 (on hand 1000) is above reason code 'shrinkage''s approval limit "
            + "(25 units or 10% of on hand); a second person must approve it.",
            Assert.Single(decision.Findings));
    }

    [Fact]
    public void Evaluate_AboveALimitApprovedBySomeoneElse_IsAllowed()
    {
        var request = Requests.Change(-30, reason: ReasonCodes.Shrinkage) with { Approver = "bob" };

        var decision = Defaults.Evaluate(request, Requests.OnHand(1000));

        Assert.Equal((AdjustmentVerdict.Allowed, -30L), (decision.Verdict, decision.Change));
    }

    [Fact]
    public void Evaluate_NothingOnHandAndAPercentLimit_NeedsApproval()
    {
        var decision = Defaults.Evaluate(Requests.Change(-1, reason: ReasonCodes.Shrinkage), Requests.OnHand(0));

        Assert.Equal(AdjustmentVerdict.NeedsApproval, decision.Verdict);
    }

    [Fact]
    public void Evaluate_Count_ChangeIsTheCountLessOnHand()
    {
        var decision = Defaults.Evaluate(Requests.Count(90), Requests.OnHand(100));

        Assert.Equal((AdjustmentVerdict.Allowed, -10L), (decision.Verdict, decision.Change));
    }

    [Fact]
    public void Evaluate_CountOfTheDamagedBucket_IsMeasuredAgainstDamagedUnits()
    {
        var decision = Defaults.Evaluate(
            Requests.Count(2, ReasonCodes.Damaged, StockBucket.Damaged), Requests.OnHand(100, damaged: 7));

        Assert.Equal((AdjustmentVerdict.Allowed, -5L), (decision.Verdict, decision.Change));
    }

    [Theory]
    [InlineData(AdjustmentMode.Delta, 0)]
    [InlineData(AdjustmentMode.Count, -1)]
    [InlineData(AdjustmentMode.Delta, long.MinValue)]
    public void Evaluate_MalformedQuantity_IsRefused(AdjustmentMode mode, long quantity)
    {
        var request = Requests.Change(1) with { Mode = mode, Quantity = quantity };

        Assert.Equal(AdjustmentRules.InvalidQuantity, Defaults.Evaluate(request, Requests.OnHand(10)).Rules);
    }

    [Fact]
    public void Evaluate_EveryRuleBrokenAtOnce_ListsEachRule()
    {
        var request = Requests.Change(40, reason: ReasonCodes.Promotion, bucket: StockBucket.SafetyStock)
            with { Approver = "Alice" };

        var decision = Defaults.Evaluate(request, Requests.OnHand(10));

        var expected = AdjustmentRules.DirectionNotAllowed | AdjustmentRules.WrongBucket
            | AdjustmentRules.MissingReference | AdjustmentRules.SelfApproval;
        Assert.Equal((AdjustmentVerdict.Refused, expected), (decision.Verdict, decision.Rules));
        Assert.Equal(4, decision.Findings.Count);
    }

    [Fact]
    public void Evaluate_AboveALimitAndBreakingARule_IsRefusedNotSentForApproval()
    {
        var request = Requests.Change(-500, reason: ReasonCodes.Correction);

        var decision = Defaults.Evaluate(request, Requests.OnHand(1000));

        Assert.Equal((AdjustmentVerdict.Refused, AdjustmentRules.MissingNote), (decision.Verdict, decision.Rules));
    }

    [Fact]
    public void Evaluate_IntegratorCode_FollowsItsOwnPolicy()
    {
        var options = AdjustmentPolicyOptions.CreateDefault();
        options.Policies["sync_fix"] =
            new ReasonPolicy { Direction = AdjustmentDirection.Increase, ApprovalAboveUnits = 5 };
        var policy = new AdjustmentPolicy(options);

        Assert.True(policy.Evaluate(Requests.Change(5, reason: "sync_fix"), Requests.OnHand(100)).IsAllowed);
        Assert.Equal(
            AdjustmentVerdict.NeedsApproval,
            policy.Evaluate(Requests.Change(6, reason: "sync_fix"), Requests.OnHand(100)).Verdict);
        Assert.Equal(
            AdjustmentRules.DirectionNotAllowed,
            policy.Evaluate(Requests.Change(-1, reason: "sync_fix"), Requests.OnHand(100)).Rules);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblemTogether()
    {
        var options = new AdjustmentPolicyOptions();
        options.Policies["Bad Code"] = new ReasonPolicy();
        options.Policies["neg"] = new ReasonPolicy
        {
            Direction = AdjustmentDirection.None,
            Bucket = (StockBucket)9,
            ApprovalAboveUnits = -1,
            ApprovalAbovePercentOfOnHand = -5,
        };
        options.Policies["empty"] = null!;

        var error = Assert.Throws<AdjustmentPolicyException>(() => new AdjustmentPolicy(options));

        Assert.Equal(6, error.Problems.Count);
        Assert.Contains(
            "Reason code 'Bad Code' must be 1 to 64 lower case letters, digits or underscores.", error.Problems);
        Assert.Contains("Reason code 'neg': ApprovalAboveUnits must be 0 or more (was -1).", error.Problems);
        Assert.Contains("Reason code 'empty': the policy is null; give it a ReasonPolicy.", error.Problems);
    }

    [Fact]
    public void Constructor_EmptyCatalogue_IsRefused()
    {
        var error = Assert.Throws<AdjustmentPolicyException>(() => new AdjustmentPolicy(new AdjustmentPolicyOptions()));

        Assert.Equal("The catalogue holds no reason code; add at least one policy.", Assert.Single(error.Problems));
    }
}
