using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Idempotency keys and recorded outcomes.</content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>A key never written has no outcome.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task FindOutcomeAsync_NewKey_ReturnsNull()
    {
        var store = NewStore();

        Assert.Null(await store.FindOutcomeAsync("never"));
    }

    /// <summary>A written key keeps its fingerprint and the entries with their sequence numbers.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task FindOutcomeAsync_WrittenKey_ReturnsFingerprintAndNumberedEntries()
    {
        var store = NewStore();
        await SeedAsync(store, Key("A"), 10, "k1");
        var written = await SeedAsync(store, Key("B"), 4, "k2");

        var found = await store.FindOutcomeAsync("k2");

        Assert.NotNull(found);
        Assert.Equal("k2", found.IdempotencyKey);
        Assert.Equal("fingerprint of k2", found.Fingerprint);
        var entry = Assert.Single(found.Entries);
        Assert.Equal(2, entry.Sequence);
        var expected = Entry(Key("B"), EntryKind.Received, new StockChange(OnHand: 4), 4, "k2") with { Sequence = 2 };
        Assert.Equal(expected, entry);
        Assert.Equal(written.Entries.ToList(), found.Entries.ToList());
    }

    /// <summary>A second batch under a recorded key writes nothing and answers with the first outcome.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_RepeatedKey_AnswersDuplicateWithFirstOutcomeAndWritesNothing()
    {
        var store = NewStore();
        var first = await SeedAsync(store, Key("A"), 10, "k1");
        var again = Batch(
            "k1",
            [new PositionWrite(Key("A"), 1, OnHand(99))],
            [Entry(Key("A"), EntryKind.Received, new StockChange(OnHand: 89), 89, "k1")]) with
        {
            Fingerprint = "other",
        };

        var result = await store.WriteAsync(again);

        Assert.Equal(StoreWriteStatus.DuplicateKey, result.Status);
        Assert.NotNull(result.Outcome);
        Assert.Equal("fingerprint of k1", result.Outcome.Fingerprint);
        Assert.Equal(first.Entries.ToList(), result.Outcome.Entries.ToList());
        Assert.Equal(new VersionedPosition(Key("A"), OnHand(10), 0, 1), await store.GetPositionAsync(Key("A"), T0));
        Assert.Single(await store.ReadJournalAsync(0, 100));
    }

    /// <summary>A batch with no entries still records its key, with an empty list of entries.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_BatchWithoutEntries_RecordsKeyWithNoEntries()
    {
        var store = NewStore();

        var result = await store.WriteAsync(Batch("empty", []));

        Assert.Equal(StoreWriteStatus.Written, result.Status);
        var found = await store.FindOutcomeAsync("empty");
        Assert.NotNull(found);
        Assert.Empty(found.Entries);
        Assert.Equal(StoreWriteStatus.DuplicateKey, (await store.WriteAsync(Batch("empty", []))).Status);
    }

    /// <summary>Keys are compared exactly: case and trailing characters make a different key.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task FindOutcomeAsync_KeyDifferingInCase_IsADifferentKey()
    {
        var store = NewStore();
        await store.WriteAsync(Batch("Key-1", []));

        Assert.Null(await store.FindOutcomeAsync("key-1"));
        Assert.Null(await store.FindOutcomeAsync("Key-1 "));
        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(Batch("key-1", []))).Status);
    }
}
