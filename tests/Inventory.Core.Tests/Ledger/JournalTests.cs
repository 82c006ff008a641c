using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using NodaTime;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Ledger;

public sealed class JournalTests
{
    [Fact]
    public async Task ReadJournalAsync_AfterMixedSequence_FoldsToEveryStoredPosition()
    {
        var harness = await MixedSequenceAsync();

        var journal = await harness.Journal();
        var folded = journal
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.Aggregate(StockPosition.Empty, (p, e) => p.Apply(e.Change)));
        var stored = await harness.Store.ReadAllPositionsAsync(harness.Clock.GetCurrentInstant());

        Assert.Equal(stored.Select(p => p.Key).Order(), folded.Keys.Order());
        Assert.All(stored, p => Assert.Equal(p.Stored, folded[p.Key]));
        Assert.Equal(Expect.Position(onHand: 9, committed: 2, reserved: 3), folded[Expect.Key("A", "W1")]);
    }

    [Fact]
    public async Task ReadJournalAsync_AfterMixedSequence_NumbersEntriesWithoutGaps()
    {
        var harness = await MixedSequenceAsync();

        var journal = await harness.Journal();

        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
        Assert.Equal(journal.Count, harness.Store.JournalLength);
    }

    [Fact]
    public async Task ReadJournalAsync_Paged_ReturnsTheSameEntriesAsOneRead()
    {
        var harness = await MixedSequenceAsync();
        var whole = await harness.Journal();

        var paged = new List<JournalEntry>();
        for (long after = 0; ; after = paged[^1].Sequence)
        {
            var page = await harness.Store.ReadJournalAsync(after, 3);
            if (page.Count == 0)
            {
                break;
            }

            paged.AddRange(page);
        }

        Assert.Equal(whole, paged);
    }

    private static async Task<LedgerHarness> MixedSequenceAsync()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Receive("A", "W2", 4);
        await harness.Receive("B", "W1", 6);
        await harness.Apply(new ReserveCart("r1", "c1", [Line("l1", "A", 12), Line("l2", "B", 2)]));
        await harness.Apply(new CommitCart("o1", "c1", "order-1"));
        await harness.Apply(new FulfilOrder("f1", "order-1", [new FulfilmentLine("l1", 8, new LocationId("W1"))]));
        await harness.Apply(new CancelOrder("x1", "order-1", ["l2"]));
        await harness.Apply(new ReserveCart("r2", "c2", [Line("l1", "A", 1, "W2")]));
        harness.Clock.Advance(harness.Ttl);
        await harness.Ledger.SweepExpiredAsync();
        await harness.Apply(new ReceiveStock("ret", new Sku("A"), new LocationId("W1"), 7, ReceiptKind.Return));
        await harness.Apply(new ReserveCart("r3", "c3", [Line("l1", "A", 3, "W1")]));
        await harness.Apply(new SetCount("count", new Sku("B"), new LocationId("W1"), 5));
        await harness.Apply(new AdjustStock("adj", new Sku("A"), new LocationId("W2"), -1, Reason: "shrinkage"));
        await harness.PlaceExternal("order-2", ExternalLine("e1", "B", "W1", 7));
        harness.Clock.Advance(Duration.FromMinutes(1));

        return harness;
    }
}
