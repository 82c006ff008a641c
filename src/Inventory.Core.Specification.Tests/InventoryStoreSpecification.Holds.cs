using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Holds, and whether they count at the read instant.</content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>
    /// A hold counts until the tick before its expiry and stops counting at the expiry instant itself.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task GetPositionAsync_AroundHoldExpiry_CountsTheHoldOnlyBeforeExpiry()
    {
        var store = NewStore();
        var expiry = T0 + Duration.FromMinutes(20);
        await HoldAsync(store, new Hold("cart", "l1", Key("A"), 3, expiry), stock: 10);

        var before = await store.GetPositionAsync(Key("A"), expiry - Duration.Epsilon);
        var at = await store.GetPositionAsync(Key("A"), expiry);

        Assert.Equal(0, before.ExpiredReserved);
        Assert.Equal(7, before.Effective.Available);
        Assert.Equal(3, at.ExpiredReserved);
        Assert.Equal(10, at.Effective.Available);
        Assert.Equal(3, at.Stored.Reserved);
    }

    /// <summary>Expiry is judged at the read instant in every read, not only in single-position reads.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task ReadAsyncAndReadAll_ExpiredHold_ReportExpiredUnitsAtTheReadInstant()
    {
        var store = NewStore();
        var expiry = T0 + Duration.FromMinutes(5);
        var later = T0 + Duration.FromHours(1);
        await HoldAsync(store, new Hold("cart", "l1", Key("A"), 2, expiry), new Hold("cart", "l2", Key("A"), 3, later));

        var snapshotBefore = await store.ReadAsync(Query(T0, positions: [Key("A")]));
        var snapshotAfter = await store.ReadAsync(Query(expiry, positions: [Key("A")]));
        var all = await store.ReadAllPositionsAsync(expiry);

        Assert.Equal(0, snapshotBefore.Positions[Key("A")].ExpiredReserved);
        Assert.Equal(2, snapshotAfter.Positions[Key("A")].ExpiredReserved);
        Assert.Equal(2, Assert.Single(all).ExpiredReserved);
    }

    /// <summary>A cart's holds come back expired ones included, with the positions they sit at.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task ReadAsync_CartHolds_ReturnsExpiredHoldsAndTheirPositions()
    {
        var store = NewStore();
        var expired = new Hold("cart", "l1", Key("A"), 1, T0);
        var live = new Hold("cart", "l2", Key("B", "W2"), 2, T0 + Duration.FromHours(1));
        await HoldAsync(store, expired, live);

        var snapshot = await store.ReadAsync(Query(T0, carts: ["cart", "other"]));

        Assert.Equal([expired, live], snapshot.Holds.OrderBy(h => h.LineId, StringComparer.Ordinal).ToList());
        Assert.Equal([Key("A"), Key("B", "W2")], snapshot.Positions.Keys.Order().ToList());
        Assert.Equal(1, snapshot.Positions[Key("A")].ExpiredReserved);
    }

    /// <summary>
    /// A hold put again under the same cart, line and position replaces the first; a removed hold is gone.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_HoldPutAgainAndRemoved_ReplacesThenDeletes()
    {
        var store = NewStore();
        var first = new Hold("cart", "l1", Key("A"), 1, T0 + Duration.FromMinutes(1));
        var other = new Hold("cart", "l2", Key("A"), 2, T0 + Duration.FromMinutes(1));
        await HoldAsync(store, first, other);
        var replaced = first with { Quantity = 4, ExpiresAt = T0 + Duration.FromMinutes(30) };

        var put = await store.WriteAsync(Batch(
            "replace", [new PositionWrite(Key("A"), 1, OnHand(10, reserved: 6))], holdsPut: [replaced]));
        var afterPut = await store.ReadAsync(Query(T0, carts: ["cart"]));
        var removed = await store.WriteAsync(Batch(
            "remove", [new PositionWrite(Key("A"), 2, OnHand(10, reserved: 4))], holdsRemoved: [other]));
        var afterRemove = await store.ReadAsync(Query(T0, carts: ["cart"]));

        Assert.Equal(StoreWriteStatus.Written, put.Status);
        Assert.Equal([replaced, other], afterPut.Holds.OrderBy(h => h.LineId, StringComparer.Ordinal).ToList());
        Assert.Equal(StoreWriteStatus.Written, removed.Status);
        Assert.Equal([replaced], afterRemove.Holds.ToList());
    }

    /// <summary>Expired holds are listed oldest expiry first, live ones never, and no more than asked for.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task FindExpiredHoldsAsync_MixedHolds_ReturnsExpiredOldestFirstUpToMax()
    {
        var store = NewStore();
        var late = new Hold("c1", "l1", Key("A"), 1, T0 + Duration.FromMinutes(3));
        var early = new Hold("c2", "l1", Key("A"), 1, T0 + Duration.FromMinutes(1));
        var middle = new Hold("c3", "l1", Key("B"), 1, T0 + Duration.FromMinutes(2));
        var live = new Hold("c4", "l1", Key("B"), 1, T0 + Duration.FromMinutes(10));
        await HoldAsync(store, late, early);
        await HoldAsync(store, middle, live);
        var now = T0 + Duration.FromMinutes(3);

        var all = await store.FindExpiredHoldsAsync(now, 10);
        var two = await store.FindExpiredHoldsAsync(now, 2);

        Assert.Equal([early, middle, late], all.ToList());
        Assert.Equal([early, middle], two.ToList());
        Assert.Empty(await store.FindExpiredHoldsAsync(T0, 10));
    }

    /// <summary>Writes holds with their positions' reserved figures; each position starts with 10 on hand.</summary>
    private static async Task HoldAsync(IInventoryStore store, params Hold[] holds) =>
        await HoldAsync(store, holds, stock: 10);

    private static async Task HoldAsync(IInventoryStore store, Hold hold, long stock) =>
        await HoldAsync(store, [hold], stock);

    private static async Task HoldAsync(IInventoryStore store, Hold[] holds, long stock)
    {
        var writes = new List<PositionWrite>();
        foreach (var group in holds.GroupBy(h => h.Key))
        {
            var current = await store.GetPositionAsync(group.Key, T0);
            var onHand = current.Version == 0 ? stock : current.Stored.OnHand;
            var reserved = current.Stored.Reserved + group.Sum(h => h.Quantity);
            writes.Add(new PositionWrite(group.Key, current.Version, OnHand(onHand, reserved)));
        }

        var cartVersions = new Dictionary<string, long>(StringComparer.Ordinal);
        var snapshot = await store.ReadAsync(Query(T0, carts: holds.Select(h => h.CartId).Distinct().ToList()));
        foreach (var cart in holds.Select(h => h.CartId).Distinct(StringComparer.Ordinal))
        {
            cartVersions[cart] = snapshot.CartVersions?.GetValueOrDefault(cart) ?? 0;
        }

        var entries = holds
            .Select(h => Entry(h.Key, EntryKind.Reserved, new StockChange(Reserved: h.Quantity), h.Quantity, "hold"))
            .ToList();
        var batch = Batch($"hold-{Guid.NewGuid():N}", writes, entries, holdsPut: holds) with
        {
            ExpectedCartVersions = cartVersions,
        };

        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(batch)).Status);
    }
}
