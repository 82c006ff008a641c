using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Core.Tests.Support;
using NodaTime;

namespace Inventory.Core.Tests.Storage;

public sealed class CompactJournalTests
{
    private static readonly Instant At = LedgerHarness.Start;

    [Fact]
    public void Read_EveryField_ComesBackEqualWithItsSequence()
    {
        var journal = new CompactJournal();
        var change = new StockChange(OnHand: -3, Committed: 2, Reserved: long.MinValue + 1, Incoming: long.MaxValue);
        var entry = new JournalEntry(
            0, "key-1", EntryKind.Adjusted, Expect.Key("SKU", "W1"), change, 42, At, "count:7/1", "found", "ops");

        var sequence = journal.Append(entry);

        Assert.Equal(1, sequence);
        Assert.Equal(entry with { Sequence = 1 }, journal.Read(1));
    }

    [Fact]
    public void Read_NullAndEmptyTexts_KeepTheirDifference()
    {
        var journal = new CompactJournal();
        var bare = new JournalEntry(0, "k", EntryKind.Received, Expect.Key("A", "W1"), default, 1, At);
        var empty = bare with { Reference = string.Empty, Reason = string.Empty, Actor = string.Empty };

        journal.Append(bare);
        journal.Append(empty);

        var read = journal.Read(1, 2);
        Assert.Equal([bare with { Sequence = 1 }, empty with { Sequence = 2 }], read);
        Assert.Null(read[0].Reference);
        Assert.Equal(string.Empty, read[1].Reference);
    }

    [Fact]
    public void Read_ReferencesAcrossTextChunks_ComeBackWhole()
    {
        var journal = new CompactJournal();
        var key = Expect.Key("A", "W1");
        // Longer than one text chunk, and no two neighbours alike, so a shifted copy cannot pass.
        var longer = string.Create((1 << 20) + 17, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        var texts = new[] { "cart:c1/1", longer, "order:o1/1", new string('y', 3) };
        foreach (var text in texts)
        {
            journal.Append(new JournalEntry(0, "k", EntryKind.Reserved, key, default, 1, At, text));
        }

        var read = journal.Read(1, texts.Length);

        Assert.Equal(texts, read.Select(e => e.Reference));
        Assert.Equal([1L, 2, 3, 4], read.Select(e => e.Sequence));
    }

    [Fact]
    public void Read_ManyEntriesAcrossRowChunks_KeepOrderAndPositions()
    {
        var journal = new CompactJournal();
        const int count = (1 << 14) * 2 + 5;
        for (var i = 0; i < count; i++)
        {
            var key = Expect.Key("SKU-" + (i % 7), "W" + (i % 3));
            journal.Append(new JournalEntry(0, "k" + (i / 10), EntryKind.Received, key, default, i, At, "r" + i));
        }

        foreach (var sequence in new long[] { 1, 1 << 14, (1 << 14) + 1, count })
        {
            var i = (int)sequence - 1;
            var expected = new JournalEntry(
                sequence, "k" + (i / 10), EntryKind.Received, Expect.Key("SKU-" + (i % 7), "W" + (i % 3)), default,
                i, At, "r" + i);
            Assert.Equal(expected, journal.Read(sequence));
        }

        Assert.Equal(count, journal.Count);
    }

    [Fact]
    public async Task ExecuteAsync_InMemoryStore_AnswersNumberedEntriesEqualToTheRecordedOnes()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 5);
        await harness.Receive("B", "W1", 5);

        var reserved = await harness.Reserve(
            "cart", new CartLine("1", new Sku("A"), 2, new LocationId("W1")),
            new CartLine("2", new Sku("B"), 1, new LocationId("W1")));
        var recorded = await harness.Store.FindOutcomeAsync(reserved.IdempotencyKey);
        var journal = await harness.Store.ReadJournalAsync(2, 10);

        Assert.Equal([3L, 4], reserved.Entries.Select(e => e.Sequence));
        Assert.Equal(reserved.Entries, recorded!.Entries);
        Assert.Equal(reserved.Entries, journal);
        Assert.Equal(["cart:cart/1", "cart:cart/2"], journal.Select(e => e.Reference));
    }

    [Fact]
    public void AddRange_SpanningChunks_CopiesBackInOrder()
    {
        var buffer = new ChunkedBuffer<int>(chunkBits: 2);
        buffer.Add(1);
        buffer.AddRange([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

        var copy = new int[9];
        buffer.CopyTo(2, copy);

        Assert.Equal(11, buffer.Count);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11], copy);
        Assert.Equal(5, buffer[4]);
    }
}
