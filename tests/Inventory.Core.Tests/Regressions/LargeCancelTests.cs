using System.Collections;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Regressions;

/// <summary>Cancelling many lines of one order reads the requested ids a bounded number of times,
/// not once per line.</summary>
public sealed class LargeCancelTests
{
    private const int LineCount = 5_000;

    [Fact]
    public async Task CancelOrder_FiveThousandLineIds_ReleasesEveryOpenUnitReadingTheIdsLinearly()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3 * LineCount);
        var lines = Enumerable.Range(0, LineCount).Select(i => ExternalLine($"l{i}", "A", "W1", 3)).ToArray();
        await harness.Apply(new PlaceExternalOrder("place", "o1", lines));
        await harness.Apply(new FulfilOrder("ship", "o1", [new FulfilmentLine("l7", 2)]));
        var ids = new CountingList(Enumerable.Range(0, LineCount).Select(i => $"l{i}").ToList());

        var result = await harness.Apply(new CancelOrder("cancel", "o1", ids));

        Assert.Equal(LineCount, result.Entries.Count);
        Assert.Equal(3L * LineCount - 2, result.Entries.Sum(e => e.Quantity));
        Assert.Equal(1, result.Entries.Single(e => e.Reference == "order:o1/l7").Quantity);
        Assert.Equal(Expect.Position(onHand: 3L * LineCount - 2), await harness.Position("A", "W1"));
        Assert.InRange(ids.Reads, LineCount, 20L * LineCount);
    }

    [Fact]
    public async Task CancelOrder_OneUnknownIdAmongThousands_RefusesNamingItAndChangesNothing()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", LineCount);
        var lines = Enumerable.Range(0, LineCount).Select(i => ExternalLine($"l{i}", "A", "W1", 1)).ToArray();
        await harness.Apply(new PlaceExternalOrder("place", "o1", lines));
        var ids = Enumerable.Range(0, LineCount).Select(i => i == 4_321 ? "nope" : $"l{i}").ToList();

        var result = await harness.Run(new CancelOrder("cancel", "o1", ids));

        Assert.Equal(LedgerStatus.UnknownOrder, result.Status);
        Assert.Contains("'nope'", result.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: LineCount, committed: LineCount), await harness.Position("A", "W1"));
    }

    /// <summary>A list that counts every item read from it, through the indexer or an enumerator.</summary>
    private sealed class CountingList(List<string> items) : IReadOnlyList<string>
    {
        public long Reads { get; private set; }

        public int Count => items.Count;

        public string this[int index]
        {
            get
            {
                Reads++;
                return items[index];
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var item in items)
            {
                Reads++;
                yield return item;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
