using Inventory.Core.Tests.Variance.Reference;
using Inventory.Core.Variance;
using NodaTime;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// The one full read decides which facts a report shows before it knows each pair's deciding sync write, from the
/// sums and first and last instants of each fact's changes per system. These cases sit on its edges: changes on
/// both sides of the write's cut-off, sums beyond 64 bits, instants beyond 64-bit nanoseconds. Each must give the
/// report of the reference model, which holds every event.
/// </summary>
public class FactSidesTests
{
    public static TheoryData<string, VarianceEvent[]> Logs() => new()
    {
        {
            "channel changes on both sides of the write, the later one still counted",
            [
                Write("w1", A, 100, 290, 300),
                Adjust("c1", VarianceSystem.Channel, "x1", A, -2, null, 100),
                Adjust("c2", VarianceSystem.Channel, "x1", A, -3, null, 500),
            ]
        },
        {
            "both sides straddle the write and their counted changes cancel",
            [
                Write("w1", A, 100, 250, 300),
                Order("c1", VarianceSystem.Channel, "o1", A, 4, 200),
                Order("c2", VarianceSystem.Channel, "o1", A, 3, 400),
                Order("h1", VarianceSystem.Warehouse, "o1", A, 9, 100),
                Order("h2", VarianceSystem.Warehouse, "o1", A, 3, 260),
            ]
        },
        {
            "a side whose changes add up beyond 64 bits, though the counted ones do not",
            [
                Write("w1", A, 100, 290, 300),
                Adjust("c1", VarianceSystem.Channel, "x1", A, long.MaxValue, "count", 100),
                Adjust("c2", VarianceSystem.Channel, "x1", A, long.MaxValue, "count", 200),
                Adjust("c3", VarianceSystem.Channel, "x1", A, 5, "count", 500),
            ]
        },
        {
            "a change dated beyond 64-bit nanoseconds from 1970",
            [
                Write("w1", A, 100, 290, 300),
                new AdjustmentEvent(
                    "c1", VarianceSystem.Channel, "x1", A, Here, 7, null, Instant.FromUtc(1601, 1, 1, 0, 0)),
                Adjust("c2", VarianceSystem.Channel, "x1", A, -2, null, 500),
            ]
        },
        {
            "no write at all: every change counts",
            [
                Adjust("c1", VarianceSystem.Channel, "x1", A, -2, null, 100),
                Adjust("h1", VarianceSystem.Warehouse, "x1", A, -2, null, 100),
                Adjust("c2", VarianceSystem.Channel, "x2", A, 4, null, 500),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void Classify_FactsAroundTheCutOff_MeetTheReferenceModel(string story, VarianceEvent[] events)
    {
        VarianceEvent[] log = [.. events];
        ChannelSnapshotRow[] channel = [ChannelRow(A, 90)];
        WarehouseSnapshotRow[] warehouse = [WarehouseRow(A, 100)];

        var streamed = new VarianceClassifier(Options()).Classify(channel, warehouse, () => log);
        var reference = new ReferenceClassifier(Options()).Classify(channel, warehouse, log);

        Assert.True(Describe(reference) == Describe(streamed), story);
        Assert.Equal(-10, Only(streamed, A).Parts.Sum(part => part.Units));
    }

    [Fact]
    public void Classify_ChannelChangesOnBothSidesOfTheWrite_AttributesOnlyTheCountedOne()
    {
        VarianceEvent[] log =
        [
            Write("w1", A, 100, 290, 300),
            Adjust("c1", VarianceSystem.Channel, "x1", A, -2, null, 100),
            Adjust("c2", VarianceSystem.Channel, "x1", A, -3, null, 500),
        ];

        var report = new VarianceClassifier(Options()).Classify([ChannelRow(A, 90)], [WarehouseRow(A, 100)], () => log);

        var adjustment = Assert.Single(Only(report, A).Parts, part => part.Cause == VarianceCause.UnloggedAdjustment);
        Assert.Equal(-3, adjustment.Units);
        Assert.Equal(["c1", "c2"], adjustment.Evidence);
    }

    [Fact]
    public void Classify_WriteLandingBeyond64BitNanosecondsAfterAnInRangeRead_StillHidesTheEarlierChannelChange()
    {
        // The write read the warehouse in 2026 and landed in 2299, past what 64-bit nanoseconds from 1970 hold:
        // the channel's order at minute 60 is before the write (not counted), the warehouse's at minute 120 is
        // after the read (counted), so order o1 moves the difference by 5 units.
        var landed = Instant.FromUtc(2299, 1, 1, 0, 0);
        var options = Options();
        options.AsOf = Instant.FromUtc(2300, 1, 1, 0, 0);
        VarianceEvent[] log =
        [
            new SyncWrite("s1", A, Here, 10, At(0), landed),
            Order("c1", VarianceSystem.Channel, "o1", A, 5, 60),
            Order("h1", VarianceSystem.Warehouse, "o1", A, 5, 120),
        ];
        ChannelSnapshotRow[] channel = [ChannelRow(A, 10)];
        WarehouseSnapshotRow[] warehouse = [WarehouseRow(A, 5)];

        var streamed = new VarianceClassifier(options).Classify(channel, warehouse, () => log);
        var reference = new ReferenceClassifier(options).Classify(channel, warehouse, log);

        var race = Assert.Single(Only(streamed, A).Parts);
        Assert.Equal(VarianceCause.SyncRace, race.Cause);
        Assert.Equal(5, race.Units);
        Assert.Equal(["c1", "h1", "s1"], race.Evidence);
        Assert.Equal(Describe(reference), Describe(streamed));
    }
}
