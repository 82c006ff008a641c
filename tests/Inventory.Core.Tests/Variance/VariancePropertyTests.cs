using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using Xunit.Sdk;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// Invariants of the classifier over generated stories whose faults are known by construction: the parts add up,
/// every unit lands on the cause that produced it, and the order of same-instant events never matters.
/// </summary>
public class VariancePropertyTests
{
    private static readonly VarianceCause[] _faults =
    [
        VarianceCause.SyncTiming, VarianceCause.SyncRace, VarianceCause.ReturnsNotFlowing,
        VarianceCause.BundleMismodel, VarianceCause.UnloggedAdjustment,
    ];

    private static readonly Sku[] _skus = [A, Kit];

    [Property(MaxTest = 300)]
    public Property PartsSum_Meets_Specification() =>
        Prop.ForAll(Arb.From(Stories(AnyCause())), story =>
        {
            var report = Classify(story.ChannelRows, story.WarehouseRows, story.Events);
            foreach (var sku in _skus)
            {
                var finding = report.Findings.SingleOrDefault(f => f.Sku == sku);
                Require((finding is null) == (story.Difference(sku) == 0), $"finding presence for {sku}");
                Require(finding is null || finding.Parts.Sum(p => p.Units) == finding.Difference, "parts sum");
                Require(finding is null || finding.Parts.All(p => p.Units != 0), "no empty part");
            }
        });

    [Property(MaxTest = 300)]
    public Property MixedFaults_AreEachAttributedExactly() =>
        Prop.ForAll(Arb.From(Stories(AnyCause())), RequireExactAttribution);

    [Property(MaxTest = 100)]
    public Property SingleFault_Meets_NoOtherCause() =>
        Prop.ForAll(
            Arb.From(Gen.Elements(_faults).SelectMany(cause => Stories(Gen.Constant<VarianceCause?>(cause)))),
            RequireExactAttribution);

    [Property(MaxTest = 200)]
    public Property SameInstantPermutation_Meets_NoChange() =>
        Prop.ForAll(
            Arb.From(Stories(AnyCause()).SelectMany(s => Gen.Choose(0, int.MaxValue).Select(seed => (s, seed)))),
            pair =>
            {
                var (story, seed) = pair;
                var random = new Random(seed);
                var shuffled = story.Events
                    .GroupBy(e => e.At)
                    .SelectMany(g => g.OrderBy(_ => random.Next()))
                    .ToList();
                var ordered = story.Events.OrderBy(e => e.At).ToList();

                var expected = Describe(Classify(story.ChannelRows, story.WarehouseRows, ordered));
                var actual = Describe(Classify(story.ChannelRows, story.WarehouseRows, shuffled));

                Require(expected == actual, "same-instant order changed the report");
            });

    [Fact]
    public void Stories_CoverEveryCause_WithNonZeroUnits()
    {
        var stories = Stories(AnyCause()).Sample(50, 40);

        foreach (var cause in _faults)
        {
            Assert.Contains(stories, s => _skus.Any(sku => s.Expected(sku, cause) != 0));
        }
    }

    private static void RequireExactAttribution(FaultStory story)
    {
        var report = Classify(story.ChannelRows, story.WarehouseRows, story.Events);
        foreach (var sku in _skus)
        {
            var finding = report.Findings.SingleOrDefault(f => f.Sku == sku);

            // Faults that cancel out leave the systems agreeing, and agreement is never a finding.
            if (story.Difference(sku) == 0)
            {
                Require(finding is null, $"{sku} agrees yet has a finding");
                continue;
            }

            var parts = finding?.Parts ?? [];
            foreach (var cause in Enum.GetValues<VarianceCause>())
            {
                var units = parts.Where(p => p.Cause == cause).Sum(p => p.Units);
                Require(units == story.Expected(sku, cause), $"{sku} {cause}: {units} vs {story.Expected(sku, cause)}");
            }
        }
    }

    private static Gen<VarianceCause?> AnyCause() =>
        Gen.Elements<VarianceCause?>([null, .. _faults.Select(c => (VarianceCause?)c)]);

    private static Gen<FaultStory> Stories(Gen<VarianceCause?> causes) =>
        from specs in Gen.ListOf(Spec(causes))
        from noise in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-5, 5)))
        select new FaultStory([.. specs], noise);

    private static Gen<FaultSpec> Spec(Gen<VarianceCause?> causes) =>
        from cause in causes
        from quantity in Gen.Choose(1, 9)
        from minute in Gen.Choose(0, 1000)
        from variant in Gen.Choose(0, 11)
        select new FaultSpec(cause, quantity, minute, variant);

    private static void Require(bool holds, string what)
    {
        if (!holds)
        {
            throw new XunitException(what);
        }
    }
}
