using Inventory.Core.Storage;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Cart versions, which stop two commands changing one cart's lines at once.</content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>A cart never written reads at version 0; the snapshot must carry cart versions.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task ReadAsync_CartNeverWritten_ReadsAtVersionZero()
    {
        var store = NewStore();

        var snapshot = await store.ReadAsync(Query(T0, carts: ["cart"]));

        Assert.NotNull(snapshot.CartVersions);
        Assert.Equal(0, snapshot.CartVersions["cart"]);
    }

    /// <summary>Each batch that names a cart at its current version advances it by one.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_ExpectedCartVersionHolds_AdvancesCartByOne()
    {
        var store = NewStore();

        await WriteCartAsync(store, "k1", "cart", 0, StoreWriteStatus.Written);
        await WriteCartAsync(store, "k2", "cart", 1, StoreWriteStatus.Written);

        var snapshot = await store.ReadAsync(Query(T0, carts: ["cart", "other"]));
        Assert.Equal(2, snapshot.CartVersions!["cart"]);
        Assert.Equal(0, snapshot.CartVersions["other"]);
    }

    /// <summary>A batch naming a cart at a version that has moved on writes nothing at all.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_StaleCartVersion_IsConflictAndWritesNothing()
    {
        var store = NewStore();
        await WriteCartAsync(store, "k1", "cart", 0, StoreWriteStatus.Written);

        await WriteCartAsync(store, "k2", "cart", 0, StoreWriteStatus.VersionConflict);

        Assert.Equal(0, (await store.GetPositionAsync(Key("k2"), T0)).Version);
        Assert.Null(await store.FindOutcomeAsync("k2"));
        Assert.Equal(1, (await store.ReadAsync(Query(T0, carts: ["cart"]))).CartVersions!["cart"]);
    }

    /// <summary>A cart's version survives its last hold being removed, so an old version never comes back.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_CartEmptied_KeepsItsVersion()
    {
        var store = NewStore();
        var hold = new Reservations.Hold("cart", "l1", Key("A"), 1, T0 + NodaTime.Duration.FromHours(1));
        await HoldAsync(store, hold);
        var release = Batch("release", [new PositionWrite(Key("A"), 1, OnHand(10))], holdsRemoved: [hold]) with
        {
            ExpectedCartVersions = new Dictionary<string, long>(StringComparer.Ordinal) { ["cart"] = 1 },
        };

        var result = await store.WriteAsync(release);
        var snapshot = await store.ReadAsync(Query(T0, carts: ["cart"]));

        Assert.Equal(StoreWriteStatus.Written, result.Status);
        Assert.Empty(snapshot.Holds);
        Assert.Equal(2, snapshot.CartVersions!["cart"]);
    }

    private static async Task WriteCartAsync(
        IInventoryStore store, string key, string cart, long expected, StoreWriteStatus status)
    {
        var batch = Batch(key, [new PositionWrite(Key(key), 0, OnHand(1))]) with
        {
            ExpectedCartVersions = new Dictionary<string, long>(StringComparer.Ordinal) { [cart] = expected },
        };

        Assert.Equal(status, (await store.WriteAsync(batch)).Status);
    }
}
