using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Adjustments;
using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Adjustments;

/// <summary>The policy's verdict against a reference reading of the rules, over random requests.</summary>
public sealed class AdjustmentPolicyPropertyTests
{
    private static readonly AdjustmentPolicy Policy = new(AdjustmentPolicyOptions.CreateDefault());

    private static readonly string?[] Codes = [null, "", "shrinkage", "received", "correction", "damaged", "nope"];
    private static readonly string?[] People = [null, " ", "alice", "bob"];

    [Property(MaxTest = 1000)]
    public Property Evaluate_Meets_Specification() =>
        Prop.ForAll(
            Cases().ToArbitrary(),
            c =>
            {
                var request = Requests.Change(1, reason: c.Code, by: c.By, bucket: c.Bucket)
                    with { Quantity = c.Quantity, Approver = c.Approver, Note = "n", Reference = "r" };

                var decision = Policy.Evaluate(request, Requests.OnHand(c.OnHand));

                return decision.Verdict == Expected(c)
                    && decision.Findings.Count == (decision.IsAllowed ? 0 : Bits(decision.Rules));
            });

    private static Gen<Case> Cases() =>
        from code in Gen.Elements(Codes)
        from who in Gen.Elements(People)
        from approver in Gen.Elements(People)
        from quantity in Gen.Choose(-200, 200)
        from onHand in Gen.Choose(0, 400)
        from bucket in Gen.Elements(StockBucket.Available, StockBucket.Damaged)
        select new Case(code, who, approver, quantity, onHand, bucket);

    private static AdjustmentVerdict Expected(Case c)
    {
        var (code, by, approver, quantity, onHand, bucket) = c;
        var known = code is "shrinkage" or "received" or "correction" or "damaged";
        var direction = code switch
        {
            "shrinkage" => quantity < 0,
            "received" => quantity > 0,
            _ => true,
        };
        var wantedBucket = code == "damaged" ? StockBucket.Damaged : StockBucket.Available;
        var self = !string.IsNullOrWhiteSpace(by) && approver == by;
        if (!known || string.IsNullOrWhiteSpace(by) || quantity == 0 || !direction || bucket != wantedBucket || self)
        {
            return AdjustmentVerdict.Refused;
        }

        var size = Math.Abs(quantity);
        var above = code switch
        {
            "shrinkage" => size > 25 || size * 100 > 10 * onHand,
            "received" => size > 1000,
            "correction" => size > 50 || size * 100 > 20 * onHand,
            _ => size > 50,
        };

        return above && string.IsNullOrWhiteSpace(approver)
            ? AdjustmentVerdict.NeedsApproval
            : AdjustmentVerdict.Allowed;
    }

    /// <summary>One random request and the on-hand units it meets.</summary>
    public sealed record Case(
        string? Code, string? By, string? Approver, long Quantity, long OnHand, StockBucket Bucket);

    private static int Bits(AdjustmentRules rules) => System.Numerics.BitOperations.PopCount((uint)rules);
}
