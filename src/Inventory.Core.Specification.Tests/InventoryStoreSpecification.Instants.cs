using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>
/// Instants kept to the nanosecond: a <see cref="NodaTime.Instant"/> is finer than a .NET tick (100 ns), so a store
/// that keeps only ticks changes journal instants and hold expiries, and judges expiry up to 99 ns early.
/// </content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>
    /// Instants with nanoseconds below one tick, before and after the Unix epoch and at both ends of the range.
    /// </summary>
    private static readonly Instant[] SubTickInstants =
    [
        T0 + Duration.FromNanoseconds(1),
        T0 + Duration.FromNanoseconds(50),
        T0 + Duration.FromNanoseconds(199),
        Instant.FromUnixTimeTicks(0) - Duration.FromNanoseconds(1),
        Instant.FromUnixTimeTicks(-12_345) + Duration.FromNanoseconds(37),
        Instant.MinValue + Duration.FromNanoseconds(99),
        Instant.MaxValue,
    ];

    /// <summary>
    /// Journal entry instants come back to the nanosecond from the write, the journal and the outcome look-up.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_EntryInstantsBelowOneTick_ReadBackExactly()
    {
        var store = NewStore();
        var entries = SubTickInstants
            .Select(at => Entry(Key("A"), EntryKind.Received, new StockChange(OnHand: 1), 1, "ns") with { At = at })
            .ToList();
        var batch = Batch("ns", [new PositionWrite(Key("A"), 0, OnHand(entries.Count))], entries);

        var written = await store.WriteAsync(batch);
        var journal = await store.ReadJournalAsync(0, 100);
        var found = await store.FindOutcomeAsync("ns");

        Assert.Equal(StoreWriteStatus.Written, written.Status);
        Assert.Equal(SubTickInstants, written.Outcome!.Entries.Select(e => e.At).ToArray());
        Assert.Equal(SubTickInstants, journal.Select(e => e.At).ToArray());
        Assert.Equal(SubTickInstants, found!.Entries.Select(e => e.At).ToArray());
    }

    /// <summary>Hold expiries come back to the nanosecond from a cart read and from the expired-hold list.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task ReadAsync_HoldExpiriesBelowOneTick_ReadBackExactly()
    {
        var store = NewStore();
        var holds = SubTickInstants.Select((expiry, i) => new Hold("cart", $"l{i}", Key("A"), 1, expiry)).ToArray();
        await HoldAsync(store, holds);

        var snapshot = await store.ReadAsync(Query(T0, carts: ["cart"]));
        var expired = await store.FindExpiredHoldsAsync(Instant.MaxValue, 100);

        Assert.Equal(holds, snapshot.Holds.OrderBy(h => h.LineId, StringComparer.Ordinal).ToArray());
        Assert.Equal(holds.OrderBy(h => h.ExpiresAt).ToArray(), expired.ToArray());
    }

    /// <summary>
    /// A hold expiring 50 ns into a tick still counts 1 ns before and stops counting at its exact instant, in every
    /// read that judges expiry.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Reads_HoldExpiringBetweenTicks_ExpireAtTheExactNanosecond() =>
        await AssertExpiresAtTheExactNanosecondAsync(T0.ToUnixTimeTicks());

    /// <summary>
    /// Before the Unix epoch, where a tick count is negative, a hold expiring 50 ns into a tick still expires at its
    /// exact instant and not 1 ns earlier.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Reads_HoldExpiringBetweenTicksBeforeTheEpoch_ExpireAtTheExactNanosecond() =>
        await AssertExpiresAtTheExactNanosecondAsync(-1);

    private async Task AssertExpiresAtTheExactNanosecondAsync(long tick)
    {
        var store = NewStore();
        var tickStart = Instant.FromUnixTimeTicks(tick);
        var expiry = tickStart + Duration.FromNanoseconds(50);
        await HoldAsync(store, new Hold("cart", "l1", Key("A"), 3, expiry), stock: 10);

        var atTickStart = await ExpiredUnitsAsync(store, tickStart);
        var before = await ExpiredUnitsAsync(store, expiry - Duration.Epsilon);
        var at = await ExpiredUnitsAsync(store, expiry);
        var after = await ExpiredUnitsAsync(store, expiry + Duration.Epsilon);

        Assert.Equal([0L, 0, 0, 0, 0], atTickStart);
        Assert.Equal([0L, 0, 0, 0, 0], before);
        Assert.Equal([3L, 3, 3, 3, 3], at);
        Assert.Equal([3L, 3, 3, 3, 3], after);
    }

    /// <summary>Expired holds whose expiries share one tick are listed in nanosecond order.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task FindExpiredHoldsAsync_ExpiriesWithinOneTick_ListsThemInNanosecondOrder()
    {
        var store = NewStore();
        var seventy = new Hold("c1", "l1", Key("A"), 1, T0 + Duration.FromNanoseconds(70));
        var twenty = new Hold("c2", "l1", Key("A"), 1, T0 + Duration.FromNanoseconds(20));
        var ninety = new Hold("c3", "l1", Key("A"), 1, T0 + Duration.FromNanoseconds(90));
        await HoldAsync(store, seventy, twenty, ninety);

        var all = await store.FindExpiredHoldsAsync(T0 + Duration.FromNanoseconds(99), 10);
        var first = await store.FindExpiredHoldsAsync(T0 + Duration.FromNanoseconds(99), 1);
        var upToSeventy = await store.FindExpiredHoldsAsync(T0 + Duration.FromNanoseconds(70), 10);

        Assert.Equal([twenty, seventy, ninety], all.ToList());
        Assert.Equal([twenty], first.ToList());
        Assert.Equal([twenty, seventy], upToSeventy.ToList());
    }

    /// <summary>
    /// The expired units of position A/W1 at <paramref name="now"/> as each read reports them: the single-position
    /// read, a snapshot by position, a snapshot by SKU, the read of every position, and the expired-hold list.
    /// </summary>
    private static async Task<long[]> ExpiredUnitsAsync(IInventoryStore store, Instant now)
    {
        var single = await store.GetPositionAsync(Key("A"), now);
        var byPosition = await store.ReadAsync(Query(now, positions: [Key("A")]));
        var bySku = await store.ReadAsync(Query(now, skus: [new Sku("A")]));
        var all = await store.ReadAllPositionsAsync(now);
        var listed = await store.FindExpiredHoldsAsync(now, 10);

        return
        [
            single.ExpiredReserved,
            byPosition.Positions[Key("A")].ExpiredReserved,
            bySku.Positions[Key("A")].ExpiredReserved,
            Assert.Single(all).ExpiredReserved,
            listed.Sum(h => h.Quantity),
        ];
    }
}
