using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;
using static Inventory.Core.Variance.VarianceCause;

namespace Inventory.Core.Tests.Variance;

/// <summary>The fix sequence: stabilise the costliest cause, then root causes from the most upstream.</summary>
public class FixSequenceTests
{
    private static readonly VarianceCause[] _upstream =
        [SyncRace, SyncTiming, ReturnsNotFlowing, BundleMismodel, UnloggedAdjustment];

    [Fact]
    public void Build_MixedCauses_StabilisesCostliestThenFixesUpstreamFirst()
    {
        var findings = new[]
        {
            Finding(A, (UnloggedAdjustment, -9), (SyncTiming, 2), (Unexplained, 20)),
            Finding(B, (ReturnsNotFlowing, 3), (SyncRace, -1), (UnloggedAdjustment, 4), (BundleMismodel, 5)),
        };

        var steps = FixSequence.Build(findings);

        Assert.Equal(
            new[]
            {
                new FixStep(1, FixAction.Stabilise, UnloggedAdjustment, 13),
                new FixStep(2, FixAction.FixRootCause, SyncRace, 1),
                new FixStep(3, FixAction.FixRootCause, SyncTiming, 2),
                new FixStep(4, FixAction.FixRootCause, ReturnsNotFlowing, 3),
                new FixStep(5, FixAction.FixRootCause, BundleMismodel, 5),
            },
            steps);
    }

    [Fact]
    public void Build_TieForCostliest_StabilisesTheMoreUpstreamCause()
    {
        var steps = FixSequence.Build([Finding(A, (BundleMismodel, 6), (ReturnsNotFlowing, -6))]);

        Assert.Equal(
            new[]
            {
                new FixStep(1, FixAction.Stabilise, ReturnsNotFlowing, 6),
                new FixStep(2, FixAction.FixRootCause, BundleMismodel, 6),
            },
            steps);
    }

    [Fact]
    public void Build_OnlyUnexplainedOrNothing_HasNoStep()
    {
        Assert.Empty(FixSequence.Build([Finding(A, (Unexplained, 7))]));
        Assert.Empty(FixSequence.Build([]));
    }

    [Fact]
    public void Classify_AllCauses_CarriesTheSequence()
    {
        var report = Classify(
            [ChannelRow(A, 97), ChannelRow(B, 10)],
            [WarehouseRow(A, 100), WarehouseRow(B, 15)],
            [Order("e1", VarianceSystem.Channel, "o1", A, 3, 595),
                Adjust("e2", VarianceSystem.Warehouse, "adj1", B, 5, null, 100)]);

        Assert.Equal(
            new[]
            {
                new FixStep(1, FixAction.Stabilise, UnloggedAdjustment, 5),
                new FixStep(2, FixAction.FixRootCause, SyncTiming, 3),
            },
            report.Sequence);
    }

    [Property(MaxTest = 200)]
    public Property Steps_Meets_SumOfAttributedUnits() =>
        Prop.ForAll(Arb.From(Gen.ListOf(AnyFinding())), findings =>
        {
            var steps = FixSequence.Build(findings);
            var attributed = findings.SelectMany(f => f.Parts)
                .Where(p => p.Cause != Unexplained)
                .Sum(p => Math.Abs(p.Units));
            var roots = steps.Skip(1).Select(s => Array.IndexOf(_upstream, s.Cause)).ToList();

            return steps.Sum(s => s.Units) == attributed
                && steps.Select(s => s.Step).SequenceEqual(Enumerable.Range(1, steps.Count))
                && steps.Select(s => s.Cause).Distinct().Count() == steps.Count
                && roots.SequenceEqual(roots.Order())
                && steps.All(s => s.Units > 0 && s.Units <= steps[0].Units);
        });

    private static Gen<VarianceFinding> AnyFinding() =>
        from parts in Gen.ListOf(
            from cause in Gen.Elements(Enum.GetValues<VarianceCause>())
            from units in Gen.Choose(-50, 50)
            select (cause, (long)units))
        select Finding(A, [.. parts.Where(p => p.Item2 != 0)]);

    private static VarianceFinding Finding(Inventory.Core.Stock.Sku sku, params (VarianceCause, long)[] parts) =>
        new(sku, Here, 0, 0, [.. parts.Select(p => new VariancePart(p.Item1, p.Item2, [], Confidence))]);

    private const AttributionConfidence Confidence = AttributionConfidence.High;
}
