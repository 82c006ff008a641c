using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>The journal: sequence numbers, every field kept, and paging.</content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>Entries are numbered 1, 2, 3 ... across batches in write order, every field kept exactly.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_EntriesOverSeveralBatches_NumbersThemContiguouslyFromOne()
    {
        var store = NewStore();
        var at = Instant.FromUnixTimeTicks(T0.ToUnixTimeTicks() + 1234567);
        var full = new JournalEntry(
            0, "k2", EntryKind.Adjusted, Key("B", "W2"), new StockChange(-1, 2, -3, 4, -5, 6, -7), 9, at,
            "cart:c1/l1", "damaged in transit ✓", "operator-7");
        var bare = Entry(Key("B", "W2"), EntryKind.Oversold, default, long.MaxValue, "k2");
        await SeedAsync(store, Key("A"), 10, "k1");

        await store.WriteAsync(Batch("k2", [new PositionWrite(Key("B", "W2"), 0, OnHand(1))], [full, bare]));
        var journal = await store.ReadJournalAsync(0, 100);

        Assert.Equal([1L, 2, 3], journal.Select(e => e.Sequence).ToList());
        Assert.Equal(full with { Sequence = 2 }, journal[1]);
        Assert.Equal(bare with { Sequence = 3 }, journal[2]);
        Assert.Null(journal[2].Reference);
    }

    /// <summary>Paging reads entries after a sequence number, at most the count asked for.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task ReadJournalAsync_Paging_ReturnsEntriesAfterSequenceUpToMax()
    {
        var store = NewStore();
        for (var i = 1; i <= 7; i++)
        {
            await SeedAsync(store, Key($"S{i}"), i, $"k{i}");
        }

        var first = await store.ReadJournalAsync(0, 3);
        var middle = await store.ReadJournalAsync(3, 3);
        var last = await store.ReadJournalAsync(6, 3);
        var beyond = await store.ReadJournalAsync(7, 3);

        Assert.Equal([1L, 2, 3], first.Select(e => e.Sequence).ToList());
        Assert.Equal([4L, 5, 6], middle.Select(e => e.Sequence).ToList());
        Assert.Equal([7L], last.Select(e => e.Sequence).ToList());
        Assert.Equal(["k4", "k5", "k6"], middle.Select(e => e.IdempotencyKey).ToList());
        Assert.Empty(beyond);
    }
}
