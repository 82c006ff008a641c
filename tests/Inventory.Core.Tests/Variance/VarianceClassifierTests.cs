using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;
using static Inventory.Core.Variance.VarianceSystem;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// One hand-built scenario per cause, each with its exact attribution, and one with every cause at once.
/// </summary>
public class VarianceClassifierTests
{
    [Fact]
    public void Classify_AgreeingSystems_ProduceNoFinding()
    {
        var report = Classify(
            [ChannelRow(A, 40), ChannelRow(B, 7)],
            [WarehouseRow(A, 40), new WarehouseSnapshotRow(B, Here, 10, 1, 1, 1)],
            [Order("e1", Channel, "o1", A, 2, 300), Order("e2", Warehouse, "o1", A, 2, 301)]);

        Assert.Empty(report.Findings);
        Assert.Equal(2, report.RowsCompared);
        Assert.Equal(2, report.RowsWithinTolerance);
        Assert.Equal(0, report.DiscrepancyUnits);
    }

    [Theory]
    [InlineData(100, 98, 2, 0, 0)]
    [InlineData(100, 95, 0, 5, 0)]
    [InlineData(100, 97, 2, 0, 1)]
    [InlineData(100, 94, 0, 5, 1)]
    public void Classify_DifferenceAgainstTolerance_FindsOnlyBeyondIt(
        long channel, long warehouse, long units, int percent, int expectedFindings)
    {
        var report = Classify([ChannelRow(A, channel)], [WarehouseRow(A, warehouse)], [], Options(units, percent));

        Assert.Equal(expectedFindings, report.Findings.Count);
    }

    [Fact]
    public void Classify_ChannelOrderNotYetInWarehouse_IsSyncTiming()
    {
        var report = Classify(
            [ChannelRow(A, 97)], [WarehouseRow(A, 100)], [Order("e1", Channel, "o1", A, 3, 595)]);

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal(new[] { "e1" }, part.Evidence);
        Assert.Equal((VarianceCause.SyncTiming, -3L, AttributionConfidence.High), Summary(part));
    }

    [Fact]
    public void Classify_OrderOvertakingTheSyncRead_IsSyncRace()
    {
        var report = Classify(
            [ChannelRow(A, 50)],
            [WarehouseRow(A, 46)],
            [
                Write("w1", A, 50, readMinute: 100, writeMinute: 105),
                Order("e1", Channel, "o1", A, 4, 102),
                Order("e2", Warehouse, "o1", A, 4, 103),
            ]);

        var finding = Only(report, A);
        var part = Assert.Single(finding.Parts);
        Assert.Equal(4, finding.Difference);
        Assert.Equal((VarianceCause.SyncRace, 4L, AttributionConfidence.High), Summary(part));
        Assert.Equal(new[] { "e1", "e2", "w1" }, part.Evidence);
    }

    [Fact]
    public void Classify_RestockAndOldDamageInWarehouseOnly_AreReturnsNotFlowing()
    {
        var report = Classify(
            [ChannelRow(A, 10)],
            [WarehouseRow(A, 9)],
            [Restock("e1", Warehouse, "r1", A, 2, 400), Damage("e2", Warehouse, "d1", A, 3, 200)]);

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal((VarianceCause.ReturnsNotFlowing, 1L, AttributionConfidence.High), Summary(part));
        Assert.Equal(new[] { "e1", "e2" }, part.Evidence);
    }

    [Fact]
    public void Classify_DamageEarlierTheSameBusinessDay_IsOnlySyncTiming()
    {
        var report = Classify([ChannelRow(A, 10)], [WarehouseRow(A, 7)], [Damage("e1", Warehouse, "d1", A, 3, 300)]);

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal((VarianceCause.SyncTiming, 3L, AttributionConfidence.Medium), Summary(part));
    }

    [Fact]
    public void Classify_BundleDeductedAsParentInWarehouse_IsBundleMismodelOnEverySku()
    {
        var kit = new[] { new BundleComponent(A, 2), new BundleComponent(B, 1) };
        var report = Classify(
            [ChannelRow(A, 14), ChannelRow(B, 7), ChannelRow(Kit, 5)],
            [WarehouseRow(A, 20), WarehouseRow(B, 10), WarehouseRow(Kit, 2)],
            [Bundle("e1", Channel, "o1", 3, 300, kit), Bundle("e2", Warehouse, "o1", 3, 305)]);

        Assert.Equal((VarianceCause.BundleMismodel, -6L, AttributionConfidence.High), Single(report, A));
        Assert.Equal((VarianceCause.BundleMismodel, -3L, AttributionConfidence.High), Single(report, B));
        Assert.Equal((VarianceCause.BundleMismodel, 3L, AttributionConfidence.High), Single(report, Kit));
    }

    [Fact]
    public void Classify_BundleLinesWhoseJoinedIdsCoincide_StayTwoLines()
    {
        // Order "o1\u001fP" with parent Q, and order "o1" with parent "P\u001fQ": two different bundle lines whose
        // order id and parent SKU, joined with the unit separator, read the same.
        var report = Classify(
            [ChannelRow(A, 9)],
            [WarehouseRow(A, 8)],
            [
                new BundleSale(
                    "e1", Channel, "o1\u001fP", new Sku("Q"), Here, 1, [new BundleComponent(A, 1)], At(300)),
                new BundleSale(
                    "e2", Warehouse, "o1", new Sku("P\u001fQ"), Here, 1, [new BundleComponent(A, 2)], At(305)),
            ]);

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal((VarianceCause.SyncTiming, 1L), (part.Cause, part.Units));
        Assert.Equal(["e1", "e2"], part.Evidence.Order());
    }

    [Fact]
    public void Classify_BundleUnitsBeyondSixtyFourBits_IsRefusedNamingTheEvent()
    {
        var sale = Bundle("e9", Channel, "o1", long.MaxValue, 300, new BundleComponent(A, 2));

        var error = Assert.Throws<VarianceInputException>(
            () => Classify([ChannelRow(A, 1)], [WarehouseRow(A, 1)], [sale]));

        Assert.Contains("Event 'e9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_BundleWithWrongQuantityPerKit_IsBundleMismodel()
    {
        var report = Classify(
            [ChannelRow(A, 14)],
            [WarehouseRow(A, 17)],
            [
                Bundle("e1", Channel, "o1", 3, 300, new BundleComponent(A, 2)),
                Bundle("e2", Warehouse, "o1", 3, 305, new BundleComponent(A, 1)),
            ]);

        Assert.Equal((VarianceCause.BundleMismodel, -3L, AttributionConfidence.High), Single(report, A));
    }

    [Fact]
    public void Classify_AdjustmentWithoutReason_IsUnloggedAdjustment()
    {
        var report = Classify(
            [ChannelRow(A, 50)], [WarehouseRow(A, 45)], [Adjust("e1", Warehouse, "a1", A, -5, null, 360)]);

        Assert.Equal((VarianceCause.UnloggedAdjustment, 5L, AttributionConfidence.High), Single(report, A));
    }

    [Fact]
    public void Classify_DifferenceWithoutEvents_IsUnexplained()
    {
        var report = Classify([ChannelRow(A, 10)], [WarehouseRow(A, 7)], [Order("e1", Channel, "o1", B, 1, 300)]);

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal((VarianceCause.Unexplained, 3L, AttributionConfidence.Low), Summary(part));
        Assert.Empty(part.Evidence);
    }

    [Fact]
    public void Classify_StaleWriteLandingAfterAFresherOne_IsSyncRaceCitingBothWrites()
    {
        var report = Classify(
            [ChannelRow(A, 52)],
            [WarehouseRow(A, 50)],
            [
                Write("w1", A, 50, readMinute: 100, writeMinute: 130),
                Write("w2", A, 52, readMinute: 90, writeMinute: 140),
                Order("e1", Channel, "o1", A, 2, 94),
                Order("e2", Warehouse, "o1", A, 2, 95),
            ]);

        var part = Assert.Single(Only(report, A).Parts);
        Assert.Equal((VarianceCause.SyncRace, 2L, AttributionConfidence.High), Summary(part));
        Assert.Equal(new[] { "e1", "e2", "w1", "w2" }, part.Evidence);
    }

    [Theory]
    [InlineData(590, VarianceCause.SyncTiming, AttributionConfidence.Medium)]
    [InlineData(300, VarianceCause.UnloggedAdjustment, AttributionConfidence.Low)]
    public void Classify_ReasonedAdjustmentInOneSystemOnly_DependsOnTheLag(
        int minute, VarianceCause cause, AttributionConfidence confidence)
    {
        var report = Classify(
            [ChannelRow(A, 50)], [WarehouseRow(A, 46)], [Adjust("e1", Warehouse, "a1", A, -4, "shrinkage", minute)]);

        Assert.Equal((cause, 4L, confidence), Single(report, A));
    }

    [Fact]
    public void Classify_EveryCauseAtOnce_AttributesEachExactly()
    {
        var report = Classify([ChannelRow(A, 96)], [WarehouseRow(A, 93)], AllCauses());

        var finding = Only(report, A);
        Assert.Equal(3, finding.Difference);
        Assert.Equal(
            new (VarianceCause, long)[]
            {
                (VarianceCause.SyncTiming, -3), (VarianceCause.SyncRace, 4), (VarianceCause.ReturnsNotFlowing, -2),
                (VarianceCause.BundleMismodel, -2), (VarianceCause.UnloggedAdjustment, 5),
                (VarianceCause.Unexplained, 1),
            },
            finding.Parts.Select(p => (p.Cause, p.Units)));
        Assert.Equal(finding.Difference, finding.Parts.Sum(p => p.Units));
    }

    [Fact]
    public void Classify_EventsAfterTheSnapshot_AreIgnored()
    {
        var report = Classify(
            [ChannelRow(A, 97)],
            [WarehouseRow(A, 100)],
            [Order("e1", Channel, "o1", A, 3, 595), Order("e2", Channel, "o2", A, 9, 601)]);

        Assert.Equal((VarianceCause.SyncTiming, -3L, AttributionConfidence.High), Single(report, A));
    }

    [Fact]
    public void Classify_CountedChangesBeyond64Bits_AreRefusedNamingThePair()
    {
        VarianceEvent[] events =
        [
            Adjust("c1", Channel, "x", A, long.MaxValue, "count", 100),
            Adjust("w1", Warehouse, "x", A, long.MaxValue, "count", 101),
            Adjust("c2", Channel, "x", A, 1, "count", 102),
            Adjust("w2", Warehouse, "x", A, 1, "count", 103),
        ];

        var error = Assert.Throws<VarianceInputException>(
            () => Classify([ChannelRow(A, 10)], [WarehouseRow(A, 5)], events));

        Assert.Equal(new PositionKey(A, Here), error.Position);
        Assert.Contains("A @ L1", error.Message, StringComparison.Ordinal);
        Assert.Contains("64 bits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Channel)]
    [InlineData(Warehouse)]
    public void Classify_UnitsSoldOrShippedBeyond64Bits_AreRefusedNamingTheEvent(VarianceSystem system)
    {
        VarianceEvent[] events =
        [
            Order("e1", system, "o1", A, long.MaxValue, 100),
            Order("e2", system, "o2", A, 1, 101),
        ];

        var error = Assert.Throws<VarianceInputException>(
            () => Classify([ChannelRow(A, 10)], [WarehouseRow(A, 10)], events));

        Assert.Equal(new PositionKey(A, Here), error.Position);
        Assert.StartsWith("Event e2 (A @ L1)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 0, 10_000)]
    [InlineData(-3, 0, 10_000)]
    [InlineData(0, 4, 10_000)]
    [InlineData(110, 100, 909)]
    [InlineData(0, 0, 0)]
    public void Classify_HeroDiscrepancy_IsPerUnitOfTheLargerCount(long channel, long warehouse, long points)
    {
        var options = Options();
        options.HeroSkus.Add(A);

        var report = Classify([ChannelRow(A, channel)], [WarehouseRow(A, warehouse)], [], options);

        Assert.Equal(points, report.HeroDiscrepancyBasisPoints);
    }

    [Fact]
    public void Classify_HeroSkusByUnitsSold_ReportsTheirDiscrepancyInBasisPoints()
    {
        var options = Options();
        options.HeroTopCount = 1;

        var report = Classify(
            [ChannelRow(A, 97), ChannelRow(B, 10)],
            [WarehouseRow(A, 100), WarehouseRow(B, 10)],
            [
                Order("e1", Channel, "o1", A, 3, 595),
                Order("e2", Channel, "o2", B, 1, 300),
                Order("e3", Warehouse, "o2", B, 1, 301),
            ],
            options);

        Assert.Equal(new[] { A }, report.HeroSkus);
        Assert.Equal(300, report.HeroDiscrepancyBasisPoints);
        Assert.Equal(3, report.DiscrepancyUnits);
    }

    [Fact]
    public void Classify_RepeatedSnapshotRow_ThrowsNamingTheRow()
    {
        var error = Assert.Throws<VarianceInputException>(
            () => Classify([ChannelRow(A, 1), ChannelRow(A, 2)], [], []));

        Assert.Contains("A @ L1", error.Message);
    }

    [Fact]
    public void Classify_NonPositiveOrderQuantity_ThrowsNamingEventAndField()
    {
        var error = Assert.Throws<VarianceInputException>(
            () => Classify([ChannelRow(A, 1)], [WarehouseRow(A, 1)], [Order("bad-1", Channel, "o1", A, 0, 10)]));

        Assert.Contains("'bad-1'", error.Message);
        Assert.Contains("Quantity", error.Message);
    }

    [Fact]
    public void Classify_WriteBeforeItsRead_ThrowsNamingTheEvent()
    {
        var error = Assert.Throws<VarianceInputException>(
            () => Classify(
                [ChannelRow(A, 1)], [WarehouseRow(A, 1)], [Write("w9", A, 1, readMinute: 20, writeMinute: 10)]));

        Assert.Contains("'w9'", error.Message);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryProblem()
    {
        var options = new VarianceOptions { ToleranceUnits = -1, TolerancePercent = 101 };

        var error = Assert.Throws<InventoryOptionsException>(() => new VarianceClassifier(options));

        Assert.Equal(3, error.Problems.Count);
    }

    internal static VarianceEvent[] AllCauses() =>
    [
        Write("w1", A, 100, readMinute: 120, writeMinute: 125),
        Order("race-c", Channel, "o1", A, 4, 122),
        Order("race-w", Warehouse, "o1", A, 4, 123),
        Order("late-c", Channel, "o2", A, 3, 590),
        Restock("ret-w", Warehouse, "r1", A, 2, 300),
        Adjust("adj-w", Warehouse, "a1", A, -5, null, 330),
        Bundle("kit-c", Channel, "o3", 1, 400, new BundleComponent(A, 2)),
        Bundle("kit-w", Warehouse, "o3", 1, 401),
    ];

    private static (VarianceCause, long, AttributionConfidence) Single(VarianceReport report, Sku sku) =>
        Summary(Assert.Single(Only(report, sku).Parts));

    private static (VarianceCause, long, AttributionConfidence) Summary(VariancePart part) =>
        (part.Cause, part.Units, part.Confidence);
}
