using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Variance.Reference;
using Inventory.Core.Variance;
using Xunit.Sdk;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// The streaming classifier gives exactly the report of the reference model (which holds every event) on random
/// event logs: shared and repeated fact ids, same-instant events, several writers, bundles at every level, events
/// after the snapshot, and now and then a malformed event.
/// </summary>
public class StreamingEquivalencePropertyTests
{
    private static readonly Sku[] _skus = [A, B, Kit];

    private static readonly LocationId[] _locations = [Here, new("L2")];

    private static readonly string[] _ids = ["x1", "x2", "x3", "x4"];

    [Property(MaxTest = 400)]
    public Property ReReadableSource_Meets_ReferenceModel() =>
        Prop.ForAll(Arb.From(Logs()), log =>
            Require(Outcome(() => Reference(log)), Outcome(() => Streamed(log, oneShot: false))));

    [Property(MaxTest = 150)]
    public Property OneShotSequence_Meets_ReferenceModel() =>
        Prop.ForAll(Arb.From(Logs()), log =>
            Require(Outcome(() => Reference(log)), Outcome(() => Streamed(log, oneShot: true))));

    [Property(MaxTest = 150)]
    public Property EventLogLeavingOutAllItMay_Meets_ReferenceModel() =>
        Prop.ForAll(Arb.From(Logs()), log =>
            Require(Outcome(() => Reference(log)), Outcome(() => new VarianceClassifier(Options(log.Tolerance))
                .Classify(log.Channel, log.Warehouse, new FilteringLog(log.Events)))));

    [Property(MaxTest = 300)]
    public Property PositionedLog_Meets_ReferenceModel() =>
        Prop.ForAll(Arb.From(Logs()), Arb.From(Gen.Choose(1, 1000)), (log, spacing) =>
            Require(Outcome(() => Reference(log)), Outcome(() => new VarianceClassifier(Options(log.Tolerance))
                .Classify(log.Channel, log.Warehouse, new PositionedLog(log.Events, spacing)))));

    [Fact]
    public void Logs_ReachEveryCause_AndEveryConfidence()
    {
        var logs = Logs().Sample(60, 40);
        var parts = logs.Where(Valid).Select(Reference).SelectMany(r => r.Findings).SelectMany(f => f.Parts);

        var seen = parts.Select(p => (p.Cause, p.Confidence)).ToHashSet();

        foreach (var cause in Enum.GetValues<VarianceCause>())
        {
            Assert.Contains(seen, s => s.Cause == cause);
        }

        Assert.Contains(seen, s => s.Confidence == AttributionConfidence.Medium);
        Assert.Contains(seen, s => s is { Cause: VarianceCause.SyncRace, Confidence: AttributionConfidence.High });
        Assert.Contains(logs, log => !Valid(log));
    }

    [Fact]
    public void Classify_ReopenedFactAfterItsSumReturnedToZero_KeepsBothSidesAndAllEvidence()
    {
        // Order x1 nets to zero after its first two events, then a late channel event reopens it.
        var log = new Log(
            [
                Order("c1", VarianceSystem.Channel, "x1", A, 2, 300),
                Order("w1", VarianceSystem.Warehouse, "x1", A, 2, 300),
                Order("c2", VarianceSystem.Channel, "x1", A, 3, 590),
            ],
            [new(A, Here, 95)],
            [new(A, Here, 98, 0, 0, 0)],
            0);

        var part = Assert.Single(Only(Streamed(log, oneShot: false), A).Parts);

        Assert.Equal(VarianceCause.Unexplained, part.Cause);
        Assert.Equal(-3, part.Units);
        Assert.Equal(AttributionConfidence.Low, part.Confidence);
        Assert.Equal(["c1", "c2", "w1"], part.Evidence);
        Assert.Equal(Describe(Reference(log)), Describe(Streamed(log, oneShot: false)));
    }

    private static bool Valid(Log log) => log.Events.All(e => e is not OrderEvent { Quantity: 0 });

    private static VarianceReport Reference(Log log) =>
        new ReferenceClassifier(Options(log.Tolerance)).Classify(log.Channel, log.Warehouse, log.Events);

    private static VarianceReport Streamed(Log log, bool oneShot)
    {
        var classifier = new VarianceClassifier(Options(log.Tolerance));

        return oneShot
            ? classifier.Classify(log.Channel, log.Warehouse, log.Events.Select(e => e))
            : classifier.Classify(log.Channel, log.Warehouse, () => log.Events);
    }

    private static string Outcome(Func<VarianceReport> classify)
    {
        try
        {
            return Describe(classify());
        }
        catch (VarianceInputException ex)
        {
            return "refused: " + ex.Message;
        }
    }

    private static void Require(string expected, string actual)
    {
        if (expected != actual)
        {
            throw new XunitException($"reference:\n{expected}\nstreamed:\n{actual}");
        }
    }

    private static Gen<Log> Logs() =>
        from events in Gen.ListOf(Event())
        from channel in Gen.ListOf(Row()).Select(rows => rows.DistinctBy(r => (r.Sku, r.Location)))
        from warehouse in Gen.ListOf(Row()).Select(rows => rows.DistinctBy(r => (r.Sku, r.Location)))
        from tolerance in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        select new Log(
            [.. events],
            [.. channel.Select(r => new ChannelSnapshotRow(r.Sku, r.Location, r.Count))],
            [.. warehouse.Select(r => new WarehouseSnapshotRow(r.Sku, r.Location, r.Count, 0, 0, 0))],
            tolerance);

    private static Gen<(Sku Sku, LocationId Location, long Count)> Row() =>
        from sku in Gen.Elements(_skus)
        from location in Gen.Elements(_locations)
        from count in Gen.Choose(90, 110)
        select (sku, location, (long)count);

    private static Gen<VarianceEvent> Event() =>
        from kind in Gen.Choose(0, 99)
        from id in Gen.Choose(0, 30).Select(i => $"e{i}")
        from system in Gen.Elements(VarianceSystem.Channel, VarianceSystem.Warehouse)
        from fact in Gen.Elements(_ids)
        from sku in Gen.Elements(_skus)
        from location in Gen.Elements(_locations)
        from quantity in Gen.Choose(1, 4)
        from minute in Gen.Elements(0, 100, 110, 200, 239, 241, 500, 590, 595, 600, 601)
        from lag in Gen.Elements(0, 10, 120)
        from per in Gen.Choose(1, 3)
        select Build(kind, id, system, fact, sku, location, quantity, minute, lag, per);

    private static VarianceEvent Build(
        int kind, string id, VarianceSystem system, string fact, Sku sku, LocationId location,
        long quantity, int minute, int lag, int per) => kind switch
        {
            < 25 => new OrderEvent(id, system, fact, sku, location, quantity, At(minute)),
            < 35 => new SyncWrite(id, sku, location, 100, At(Math.Max(0, minute - lag)), At(minute)),
            < 45 => new ReturnEvent(
                id, system, fact, sku, location, (ReturnStage)(quantity % 3), quantity, At(minute)),
            < 55 => new DamageEvent(id, system, fact, sku, location, quantity, At(minute)),
            < 70 => new AdjustmentEvent(
                id, system, fact, sku, location, per == 2 ? -quantity : quantity, per == 1 ? null : "count",
                At(minute)),
            < 99 => new BundleSale(id, system, fact, Kit, location, quantity, Components(per, sku), At(minute)),
            _ => new OrderEvent(id, system, fact, sku, location, 0, At(minute)),
        };

    private static BundleComponent[] Components(int per, Sku sku) => per switch
    {
        1 => [],
        2 => [new(A, 1), new(B, 2)],
        _ => [new(sku == Kit ? A : sku, per)],
    };

    /// <summary>
    /// A log that takes every hint: asked for sync writes, it yields nothing else; asked for some pairs, it yields
    /// only bundle sales and the events of those pairs.
    /// </summary>
    private sealed class FilteringLog(List<VarianceEvent> events) : IVarianceEventLog
    {
        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) =>
            syncWritesOnly ? events.OfType<SyncWrite>() : events;

        public IEnumerable<VarianceEvent> OpenFor(IReadOnlySet<PositionKey> pairs, bool syncWritesOnly) =>
            Open(syncWritesOnly).Where(
                item => item is null or BundleSale || pairs.Contains(new(item.Sku, item.Location)));
    }

    /// <summary>
    /// A log that gives its events positions spaced <paramref name="spacing"/> apart and yields, at positions,
    /// exactly the events asked for; it records what it was asked.
    /// </summary>
    public sealed class PositionedLog(List<VarianceEvent> events, long spacing) : IPositionedVarianceEventLog
    {
        public List<IReadOnlyList<long>> Asked { get; } = [];

        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) =>
            throw new InvalidOperationException("A positioned log is read through its positions.");

        public IEnumerable<PositionedEvent> OpenPositioned() =>
            events.Select((item, index) => new PositionedEvent(7 + (index * spacing), item));

        public IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions)
        {
            Asked.Add(positions);
            foreach (var position in positions)
            {
                yield return events[checked((int)((position - 7) / spacing))];
            }
        }
    }

    /// <summary>One generated reconciliation.</summary>
    public sealed record Log(
        List<VarianceEvent> Events,
        ChannelSnapshotRow[] Channel,
        WarehouseSnapshotRow[] Warehouse,
        long Tolerance)
    {
        public override string ToString() =>
            $"{Events.Count} events, {Channel.Length}/{Warehouse.Length} rows, tolerance {Tolerance}: " +
            string.Join("; ", Events);
    }
}
