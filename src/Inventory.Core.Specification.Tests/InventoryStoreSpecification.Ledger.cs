using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Scenarios through <see cref="InventoryLedger"/> over the store under test.</content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>
    /// Receive, reserve, commit, fulfil and cancel leave exact figures equal to a replay of the journal.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_OrderLifecycle_PositionsEqualReplayOfJournal()
    {
        var store = NewStore();
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());

        await AppliedAsync(ledger, new ReceiveStock("receive", new Sku("A"), new LocationId("W1"), 10));
        await AppliedAsync(ledger, new ReserveCart("reserve", "cart", [new CartLine("l1", new Sku("A"), 4)]));
        await AppliedAsync(ledger, new CommitCart("commit", "cart", "order"));
        await AppliedAsync(ledger, new FulfilOrder("fulfil", "order", [new FulfilmentLine("l1", 3)]));
        await AppliedAsync(ledger, new CancelOrder("cancel", "order"));

        var position = await ledger.GetPositionAsync(new Sku("A"), new LocationId("W1"));
        Assert.Equal(new StockPosition(7, 0, 0, 0, 0, 0, 0), position);
        await AssertPositionsEqualJournalReplayAsync(store);
    }

    /// <summary>A hold stops counting at its expiry; the sweep then removes it with an expiry entry.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_HoldPastExpiry_FreesUnitsAndSweepRecordsExpiry()
    {
        var store = NewStore();
        var clock = new SpecificationClock(T0);
        var options = new InventoryOptions { ReservationTtl = Duration.FromMinutes(20) };
        var ledger = new InventoryLedger(store, clock, options);
        await AppliedAsync(ledger, new ReceiveStock("receive", new Sku("A"), new LocationId("W1"), 5));
        await AppliedAsync(ledger, new ReserveCart("reserve", "cart", [new CartLine("l1", new Sku("A"), 3)]));
        var whileHeld = await ledger.GetAvailableAsync(new Sku("A"));

        clock.Advance(Duration.FromMinutes(20));
        var afterExpiry = await ledger.GetAvailableAsync(new Sku("A"));
        var swept = await ledger.SweepExpiredAsync();

        Assert.Equal(2, whileHeld);
        Assert.Equal(5, afterExpiry);
        Assert.Equal(1, swept);
        Assert.Equal(0, (await store.GetPositionAsync(Key("A"), clock.GetCurrentInstant())).Stored.Reserved);
        Assert.Empty(await store.FindExpiredHoldsAsync(clock.GetCurrentInstant(), 10));
        Assert.Equal(EntryKind.Expired, (await store.ReadJournalAsync(0, 100))[^1].Kind);
        await AssertPositionsEqualJournalReplayAsync(store);
    }

    /// <summary>
    /// Through the ledger, a hold reserved at an instant between two ticks expires at exactly that instant plus the
    /// reservation time, and the journal keeps the reservation's instant to the nanosecond.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_ClockBetweenTicks_HoldExpiresAtTheExactNanosecond()
    {
        var store = NewStore();
        var reservedAt = T0 + Duration.FromNanoseconds(30);
        var clock = new SpecificationClock(reservedAt);
        var options = new InventoryOptions { ReservationTtl = Duration.FromMinutes(20) };
        var ledger = new InventoryLedger(store, clock, options);
        await AppliedAsync(ledger, new ReceiveStock("receive", new Sku("A"), new LocationId("W1"), 5));
        await AppliedAsync(ledger, new ReserveCart("reserve", "cart", [new CartLine("l1", new Sku("A"), 3)]));

        clock.Advance(Duration.FromMinutes(20) - Duration.Epsilon);
        var oneNanosecondBefore = await ledger.GetAvailableAsync(new Sku("A"));
        var sweptBefore = await ledger.SweepExpiredAsync();
        clock.Advance(Duration.Epsilon);
        var atExpiry = await ledger.GetAvailableAsync(new Sku("A"));
        var sweptAt = await ledger.SweepExpiredAsync();

        Assert.Equal((2L, 0), (oneNanosecondBefore, sweptBefore));
        Assert.Equal((5L, 1), (atExpiry, sweptAt));
        var journal = await store.ReadJournalAsync(0, 100);
        Assert.Equal([reservedAt, reservedAt], journal.Take(2).Select(e => e.At).ToList());
        Assert.Equal(reservedAt + Duration.FromMinutes(20), journal[^1].At);
        await AssertPositionsEqualJournalReplayAsync(store);
    }

    /// <summary>A command repeated under its key returns the first result and changes nothing.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_CommandRepeated_ReturnsFirstResultAndWritesOnce()
    {
        var store = NewStore();
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());
        var receive = new ReceiveStock("receive", new Sku("A"), new LocationId("W1"), 5);

        var first = await ledger.ExecuteAsync(receive);
        var second = await ledger.ExecuteAsync(receive);

        Assert.False(first.IsReplay);
        Assert.True(second.IsReplay);
        Assert.Equal(first.Entries.ToList(), second.Entries.ToList());
        Assert.Equal(5, (await ledger.GetPositionAsync(new Sku("A"), new LocationId("W1"))).OnHand);
        Assert.Single(await store.ReadJournalAsync(0, 100));
        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            async () => await ledger.ExecuteAsync(receive with { Quantity = 6 }));
    }

    /// <summary>A reservation that cannot be met is refused whole and leaves the store as it was.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_ReservationBeyondStock_IsRefusedAndWritesNothing()
    {
        var store = NewStore();
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());
        await AppliedAsync(ledger, new ReceiveStock("receive", new Sku("A"), new LocationId("W1"), 2));
        await AppliedAsync(ledger, new ReceiveStock("receive-b", new Sku("B"), new LocationId("W1"), 9));

        var result = await ledger.ExecuteAsync(new ReserveCart(
            "reserve", "cart", [new CartLine("l1", new Sku("B"), 1), new CartLine("l2", new Sku("A"), 3)]));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(2, (await store.ReadJournalAsync(0, 100)).Count);
        Assert.Null(await store.FindOutcomeAsync("reserve"));
        Assert.Equal(0, (await store.GetPositionAsync(Key("B"), T0)).Stored.Reserved);
    }

    private static async Task AppliedAsync(InventoryLedger ledger, LedgerCommand command)
    {
        var result = await ledger.ExecuteAsync(command);
        Assert.True(result.IsApplied, result.Message);
    }

    /// <summary>Asserts that every stored position equals the sum of its journal entries' changes.</summary>
    /// <param name="store">The store.</param>
    /// <returns>The assertion.</returns>
    protected static async Task AssertPositionsEqualJournalReplayAsync(IInventoryStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var replayed = new Dictionary<PositionKey, StockPosition>();
        long after = 0;
        while (await store.ReadJournalAsync(after, 1000) is { Count: > 0 } page)
        {
            foreach (var entry in page)
            {
                replayed[entry.Key] = replayed.GetValueOrDefault(entry.Key).Apply(entry.Change);
            }

            after = page[^1].Sequence;
        }

        var stored = await store.ReadAllPositionsAsync(T0);
        Assert.Equal(
            replayed.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToList(),
            stored.Where(p => p.Stored != StockPosition.Empty || replayed.ContainsKey(p.Key))
                .Select(p => (p.Key, p.Stored)).ToList());
    }
}
