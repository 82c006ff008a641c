using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Positions and their versions.</content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>An unknown position reads as empty at version 0.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task GetPositionAsync_UnknownPosition_ReturnsEmptyAtVersionZero()
    {
        var store = NewStore();

        var read = await store.GetPositionAsync(Key("A"), T0);

        Assert.Equal(new VersionedPosition(Key("A"), StockPosition.Empty, 0, 0), read);
    }

    /// <summary>A new position is stored at version 1 with every figure intact.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_NewPosition_StoresEveryFigureAtVersionOne()
    {
        var store = NewStore();
        var stored = new StockPosition(long.MaxValue - 1, 7, 6, 5, 4, 3, long.MaxValue);

        var result = await store.WriteAsync(Batch("k1", [new PositionWrite(Key("A"), 0, stored)]));

        Assert.Equal(StoreWriteStatus.Written, result.Status);
        Assert.Equal(new VersionedPosition(Key("A"), stored, 0, 1), await store.GetPositionAsync(Key("A"), T0));
    }

    /// <summary>A position whose available units are negative (an oversell) is kept as written.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_NegativeAvailable_KeepsTheFigures()
    {
        var store = NewStore();
        var oversold = OnHand(3, committed: 5);

        await store.WriteAsync(Batch("k1", [new PositionWrite(Key("A"), 0, oversold)]));

        var read = await store.GetPositionAsync(Key("A"), T0);
        Assert.Equal(-2, read.Effective.Available);
    }

    /// <summary>Each write at the current version advances the version by exactly one.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_ExpectedVersionHolds_AdvancesVersionByOne()
    {
        var store = NewStore();
        await SeedAsync(store, Key("A"), 10, "k1");

        var second = await store.WriteAsync(Batch("k2", [new PositionWrite(Key("A"), 1, OnHand(12))]));
        var third = await store.WriteAsync(Batch("k3", [new PositionWrite(Key("A"), 2, OnHand(15))]));

        Assert.Equal(StoreWriteStatus.Written, second.Status);
        Assert.Equal(StoreWriteStatus.Written, third.Status);
        Assert.Equal(new VersionedPosition(Key("A"), OnHand(15), 0, 3), await store.GetPositionAsync(Key("A"), T0));
    }

    /// <summary>A stale version in any write of a batch refuses the whole batch.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_OneStaleVersionInBatch_WritesNothing()
    {
        var store = NewStore();
        await SeedAsync(store, Key("A"), 10, "k1");
        var entry = Entry(Key("B"), EntryKind.Received, new StockChange(OnHand: 4), 4, "k2");
        var batch = Batch(
            "k2",
            [new PositionWrite(Key("B"), 0, OnHand(4)), new PositionWrite(Key("A"), 0, OnHand(99))],
            [entry]);

        var result = await store.WriteAsync(batch);

        Assert.Equal(StoreWriteStatus.VersionConflict, result.Status);
        Assert.Null(result.Outcome);
        Assert.Equal(0, (await store.GetPositionAsync(Key("B"), T0)).Version);
        Assert.Equal(new VersionedPosition(Key("A"), OnHand(10), 0, 1), await store.GetPositionAsync(Key("A"), T0));
        Assert.Null(await store.FindOutcomeAsync("k2"));
        Assert.Single(await store.ReadJournalAsync(0, 100));
    }

    /// <summary>A version ahead of the stored one is a conflict too, not a blind overwrite.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_VersionAheadOfStore_IsConflict()
    {
        var store = NewStore();
        await SeedAsync(store, Key("A"), 10, "k1");

        var result = await store.WriteAsync(Batch("k2", [new PositionWrite(Key("A"), 5, OnHand(1))]));

        Assert.Equal(StoreWriteStatus.VersionConflict, result.Status);
        Assert.Equal(OnHand(10), (await store.GetPositionAsync(Key("A"), T0)).Stored);
    }

    /// <summary>Every position comes back, in ordinal SKU order then location order.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task ReadAllPositionsAsync_SeveralPositions_ReturnsAllInKeyOrder()
    {
        var store = NewStore();
        await SeedAsync(store, Key("b", "W2"), 1, "k1");
        await SeedAsync(store, Key("B", "W9"), 2, "k2");
        await SeedAsync(store, Key("b", "W10"), 3, "k3");
        await SeedAsync(store, Key("A", "W1"), 4, "k4");

        var all = await store.ReadAllPositionsAsync(T0);

        Assert.Equal(
            [Key("A", "W1"), Key("B", "W9"), Key("b", "W10"), Key("b", "W2")],
            all.Select(p => p.Key).ToList());
        Assert.Equal([4L, 2, 3, 1], all.Select(p => p.Stored.OnHand).ToList());
        Assert.All(all, p => Assert.Equal(1, p.Version));
    }

    /// <summary>
    /// A read by SKU returns the SKU at every known location; asked-for unknown positions come back empty.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task ReadAsync_BySkuAndByKey_ReturnsKnownLocationsAndEmptyUnknowns()
    {
        var store = NewStore();
        await SeedAsync(store, Key("A", "W1"), 5, "k1");
        await SeedAsync(store, Key("A", "W2"), 6, "k2");
        await SeedAsync(store, Key("B", "W1"), 7, "k3");

        var snapshot = await store.ReadAsync(Query(T0, positions: [Key("C", "W1")], skus: [new Sku("A")]));

        Assert.Equal(
            [Key("A", "W1"), Key("A", "W2"), Key("C", "W1")],
            snapshot.Positions.Keys.Order().ToList());
        Assert.Equal(6, snapshot.Positions[Key("A", "W2")].Stored.OnHand);
        Assert.Equal(1, snapshot.Positions[Key("A", "W2")].Version);
        Assert.Equal(
            new VersionedPosition(Key("C", "W1"), StockPosition.Empty, 0, 0), snapshot.Positions[Key("C", "W1")]);
    }

    /// <summary>SKUs and locations are case-sensitive: "a" and "A" are different positions.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_SkusDifferingInCase_AreDifferentPositions()
    {
        var store = NewStore();
        await SeedAsync(store, Key("sku-a", "w1"), 1, "k1");
        await SeedAsync(store, Key("SKU-A", "w1"), 2, "k2");
        await SeedAsync(store, Key("sku-a", "W1"), 3, "k3");

        Assert.Equal(1, (await store.GetPositionAsync(Key("sku-a", "w1"), T0)).Stored.OnHand);
        Assert.Equal(2, (await store.GetPositionAsync(Key("SKU-A", "w1"), T0)).Stored.OnHand);
        Assert.Equal(3, (await store.GetPositionAsync(Key("sku-a", "W1"), T0)).Stored.OnHand);
    }
}
