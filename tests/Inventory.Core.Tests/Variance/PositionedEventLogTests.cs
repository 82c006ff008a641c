using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// A log that gives positions is read a second time at the positions of the shown facts' events and of the bundle
/// sales only, and a log that breaks the positions' contract is refused by name.
/// </summary>
public class PositionedEventLogTests
{
    private static readonly List<VarianceEvent> _events =
    [
        new SyncWrite("w1", A, Here, 100, At(100), At(110)),
        Order("c-before", VarianceSystem.Channel, "o1", A, 2, 50),
        Order("w-before", VarianceSystem.Warehouse, "o1", A, 2, 50),
        Order("c-late", VarianceSystem.Channel, "o2", A, 3, 300),
        Order("c-other", VarianceSystem.Channel, "o3", B, 1, 300),
        new BundleSale("k1", VarianceSystem.Channel, "o4", Kit, Here, 1, [], At(60)),
    ];

    [Fact]
    public void Classify_PositionedLog_AsksOnlyForShownFactsAndBundleSales()
    {
        var log = new StreamingEquivalencePropertyTests.PositionedLog(_events, 10);

        var report = Classify(log);

        // Positions are 7 + 10 x index: the late channel order (index 3) is the one shown fact at A; B agrees and
        // the order before the write nets to zero, so only the bundle sale (index 5) is asked for beside it.
        Assert.Equal([37L, 57L], Assert.Single(log.Asked));
        var part = Assert.Single(Assert.Single(report.Findings, f => f.Sku == A).Parts);
        Assert.Equal(["c-late"], part.Evidence);
    }

    [Fact]
    public void Classify_PositionedLog_GivesTheReportOfAPlainLog()
    {
        var positioned = Classify(new StreamingEquivalencePropertyTests.PositionedLog(_events, 3));
        var plain = new VarianceClassifier(Options(0)).Classify(Channel(), Warehouse(), _events);

        Assert.Equal(Describe(plain), Describe(positioned));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Classify_PositionsThatDoNotRise_AreRefusedByName(long spacing)
    {
        var error = Assert.Throws<VarianceInputException>(() => Classify(new SkewedLog(_events, spacing)));

        Assert.Contains("positions must rise strictly", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Classify_LogYieldingOtherThanTheAskedEvents_IsRefusedByName(int extra)
    {
        var log = new MiscountingLog(_events, extra);

        var error = Assert.Throws<VarianceInputException>(() => Classify(log));

        Assert.Contains(extra < 0 ? "yielded 1 of the 2 events asked for" : "more than the 2 events", error.Message);
        Assert.Contains("changed between its two reads", error.Message);
    }

    [Theory]
    [InlineData("reason removed")]
    [InlineData("reason added")]
    public void Classify_AdjustmentWhoseReasonChangedBetweenReads_IsRefusedByName(string change)
    {
        var adjustment = new AdjustmentEvent(
            "a1", VarianceSystem.Warehouse, "adj-1", A, Here, -3, change == "reason added" ? null : "count", At(300));
        var changed = adjustment with { Reason = change == "reason added" ? "count" : null };
        List<VarianceEvent> first = [adjustment];
        var log = new ChangingLog(first, [changed]);

        var error = Assert.Throws<VarianceInputException>(() => Classify(log));

        Assert.Contains("yielded a1", error.Message);
    }

    [Theory]
    [InlineData("quantity")]
    [InlineData("id")]
    [InlineData("instant")]
    public void Classify_LogYieldingAnotherEventAtAPosition_IsRefusedByName(string change)
    {
        // The second read of a log that changed: as many events as asked for, but the late order is not the same.
        var late = (OrderEvent)_events[3];
        var changed = change switch
        {
            "quantity" => late with { Quantity = 4 },
            "id" => late with { Id = "c-later" },
            _ => late with { At = At(301) },
        };
        var log = new ChangingLog(_events, [.. _events.Select(e => ReferenceEquals(e, late) ? changed : e)]);

        var error = Assert.Throws<VarianceInputException>(() => Classify(log));

        Assert.Contains($"at position 3, which is not the event its full read found there", error.Message);
    }

    private static VarianceReport Classify(IVarianceEventLog log) =>
        new VarianceClassifier(Options(0)).Classify(Channel(), Warehouse(), log);

    private static ChannelSnapshotRow[] Channel() => [new(A, Here, 95), new(B, Here, 99)];

    private static WarehouseSnapshotRow[] Warehouse() => [new(A, Here, 98, 0, 0, 0), new(B, Here, 99, 0, 0, 0)];

    /// <summary>A log whose positions stop rising after the second event: by 0 (a repeat) or going back.</summary>
    private sealed class SkewedLog(List<VarianceEvent> events, long step) : IPositionedVarianceEventLog
    {
        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => events;

        public IEnumerable<PositionedEvent> OpenPositioned() =>
            events.Select((item, index) => new PositionedEvent(index < 2 ? index * 10 : 10 + step, item));

        public IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions) => events;
    }

    /// <summary>A log whose events at positions come from another list, as if it changed between reads.</summary>
    private sealed class ChangingLog(List<VarianceEvent> first, List<VarianceEvent> second)
        : IPositionedVarianceEventLog
    {
        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => first;

        public IEnumerable<PositionedEvent> OpenPositioned() =>
            first.Select((item, index) => new PositionedEvent(index, item));

        public IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions) =>
            positions.Select(position => second[(int)position]);
    }

    /// <summary>A log that yields one event fewer (-1) or one more (1) than it is asked for.</summary>
    private sealed class MiscountingLog(List<VarianceEvent> events, int extra) : IPositionedVarianceEventLog
    {
        public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => events;

        public IEnumerable<PositionedEvent> OpenPositioned() =>
            events.Select((item, index) => new PositionedEvent(index, item));

        public IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions) =>
            positions.Select(position => events[(int)position]).Concat(events).Take(positions.Count + extra);
    }
}
