using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;
using static Inventory.Core.Tests.Variance.VarianceWorld;
using static Inventory.Core.Variance.VarianceSystem;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// A count change that no event explains, found against the previous day's counts taken at the window's start.
/// </summary>
public class UnloggedDriftTests
{
    [Fact]
    public void Classify_WarehouseCountChangedWithoutEvent_IsUnloggedAdjustment()
    {
        VarianceEvent[] events = [Order("e1", Channel, "o1", A, 3, 300), Order("e2", Warehouse, "o1", A, 3, 302)];

        var without = Classify([ChannelRow(A, 97)], [WarehouseRow(A, 92)], events);
        var with = Classify([ChannelRow(A, 97)], [WarehouseRow(A, 92)], events, WithPrevious((A, 100, 100)));

        Assert.Equal(new[] { (VarianceCause.Unexplained, 5L) }, Units(without));
        Assert.Equal(new[] { (VarianceCause.UnloggedAdjustment, 5L) }, Units(with));
        Assert.Equal(AttributionConfidence.Medium, Only(with, A).Parts[0].Confidence);
    }

    [Fact]
    public void Classify_DifferenceCarriedFromYesterday_StaysUnexplained()
    {
        var report = Classify([ChannelRow(A, 100)], [WarehouseRow(A, 93)], [], WithPrevious((A, 100, 98)));

        Assert.Equal(new[] { (VarianceCause.UnloggedAdjustment, 5L), (VarianceCause.Unexplained, 2L) }, Units(report));
    }

    [Fact]
    public void Classify_ChannelCountChangedWithoutEvent_IsUnloggedAdjustment()
    {
        var report = Classify([ChannelRow(A, 53)], [WarehouseRow(A, 50)], [], WithPrevious((A, 50, 50)));

        Assert.Equal(new[] { (VarianceCause.UnloggedAdjustment, 3L) }, Units(report));
    }

    [Fact]
    public void Classify_PositionWithSyncWrite_IsLeftAlone()
    {
        var report = Classify(
            [ChannelRow(A, 53)], [WarehouseRow(A, 50)], [Write("w1", A, 53, 100, 101)], WithPrevious((A, 50, 50)));

        Assert.Equal(new[] { (VarianceCause.Unexplained, 3L) }, Units(report));
    }

    [Fact]
    public void Classify_LoggedAndUnloggedChanges_MergeIntoOnePart()
    {
        var report = Classify(
            [ChannelRow(A, 50)],
            [WarehouseRow(A, 42)],
            [Adjust("e1", Warehouse, "adj1", A, -6, null, 200)],
            WithPrevious((A, 50, 50)));

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal((VarianceCause.UnloggedAdjustment, 8L, AttributionConfidence.Medium), (part.Cause, part.Units,
            part.Confidence));
        Assert.Equal(new[] { "e1" }, part.Evidence);
        Assert.Equal(new FixStep(1, FixAction.Stabilise, VarianceCause.UnloggedAdjustment, 8), report.Sequence[0]);
    }

    [Fact]
    public void Classify_EventsBeforeThePreviousSnapshot_AreAlreadyInItsCounts()
    {
        var options = WithPrevious((A, 100, 97));
        options.Previous = options.Previous! with { AsOf = At(100) };

        var report = Classify([ChannelRow(A, 100)], [WarehouseRow(A, 97)], [Order("e1", Warehouse, "o1", A, 3, 50)],
            options);

        Assert.Equal(new[] { (VarianceCause.SyncTiming, 3L) }, Units(report));
    }

    [Fact]
    public void Validate_PreviousNotBeforeAsOf_IsAProblem()
    {
        var options = WithPrevious((A, 1, 1));
        options.Previous = options.Previous! with { AsOf = AsOf };

        var error = Assert.Throws<InventoryOptionsException>(() => new VarianceClassifier(options));

        Assert.Equal(
            $"Previous.AsOf {AsOf} must be before AsOf {AsOf}.", Assert.Single(error.Problems));
    }

    [Fact]
    public void Validate_PreviousWithoutRows_IsAProblem()
    {
        var options = Options();
        options.Previous = new PreviousSnapshot(Start, null!, []);

        var error = Assert.Throws<InventoryOptionsException>(() => new VarianceClassifier(options));

        Assert.Equal(
            "Previous.Channel and Previous.Warehouse must both be set (empty lists for no rows).",
            Assert.Single(error.Problems));
    }

    [Fact]
    public void Classify_PreviousRowRepeated_Throws()
    {
        var options = WithPrevious((A, 1, 1), (A, 2, 2));

        var error = Assert.Throws<VarianceInputException>(
            () => Classify([ChannelRow(A, 5)], [WarehouseRow(A, 1)], [], options));

        Assert.Equal("The previous channel snapshot lists A at L1 more than once.", error.Message);
    }

    [Property(MaxTest = 300)]
    public Property PartsSum_WithPrevious_Meets_Specification() =>
        Prop.ForAll(
            Arb.From(
                from counts in Gen.Choose(0, 40).Four()
                from events in Gen.ListOf(
                    from kind in Gen.Choose(0, 2)
                    from system in Gen.Elements(Channel, Warehouse)
                    from minute in Gen.Choose(0, 650)
                    from units in Gen.Choose(1, 5)
                    select Story(kind, system, minute, units))
                select (counts, events)),
            input =>
            {
                var ((c0, w0, c, w), events) = input;
                var report = Classify([ChannelRow(A, c)], [WarehouseRow(A, w)], events, WithPrevious((A, c0, w0)));

                return report.Findings.Count == (c == w ? 0 : 1)
                    && report.Findings.All(f => f.Parts.Sum(p => p.Units) == f.Difference)
                    && report.Findings.All(f => f.Parts.All(p => p.Units != 0));
            });

    private static VarianceEvent Story(int kind, VarianceSystem system, int minute, int units) => kind switch
    {
        0 => Order($"o{minute}{system}", system, $"o{minute}", A, units, minute),
        1 => Adjust($"a{minute}{system}", system, $"a{minute}", A, -units, minute % 2 == 0 ? null : "count", minute),
        _ => Write($"w{minute}", A, units, minute, minute + 1),
    };

    private static VarianceOptions WithPrevious(params (Sku Sku, long Channel, long Warehouse)[] rows)
    {
        var options = Options();
        options.Previous = new PreviousSnapshot(
            Start,
            [.. rows.Select(r => new ChannelSnapshotRow(r.Sku, Here, r.Channel))],
            [.. rows.Select(r => new WarehouseSnapshotRow(r.Sku, Here, r.Warehouse, 0, 0, 0))]);

        return options;
    }

    private static (VarianceCause, long)[] Units(VarianceReport report) =>
        [.. Only(report, A).Parts.Select(p => (p.Cause, p.Units))];
}
