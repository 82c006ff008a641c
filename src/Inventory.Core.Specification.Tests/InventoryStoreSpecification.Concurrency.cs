using System.Collections.Concurrent;
using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Concurrency: many threads, and several store instances over one database.</content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>Gets how many threads the concurrency tests run at once.</summary>
    protected virtual int ConcurrentWorkers => 16;

    /// <summary>
    /// Many threads reserving the last units through one store: exactly the available number succeed.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_ManyThreadsReserveLastUnits_ExactlyAvailableSucceed()
    {
        var store = NewStore();

        await RaceForLastUnitsAsync([store], units: 20, carts: 120);
    }

    /// <summary>Threads on several store instances over one database: exactly the available number succeed.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_SeveralInstancesReserveLastUnits_ExactlyAvailableSucceed()
    {
        var store = NewStore();
        var second = SecondInstanceOrSkip(store);
        var third = SecondInstanceOrSkip(store);

        await RaceForLastUnitsAsync([store, second, third], units: 20, carts: 120);
    }

    /// <summary>A second instance sees what the first wrote, and versions conflict across instances.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_StaleVersionFromOtherInstance_IsConflict()
    {
        var store = NewStore();
        var second = SecondInstanceOrSkip(store);
        await SeedAsync(store, Key("A"), 10, "k1");

        var seen = await second.GetPositionAsync(Key("A"), T0);
        var fromSecond = await second.WriteAsync(Batch("k2", [new PositionWrite(Key("A"), 1, OnHand(11))]));
        var staleFromFirst = await store.WriteAsync(Batch("k3", [new PositionWrite(Key("A"), 1, OnHand(12))]));

        Assert.Equal(new VersionedPosition(Key("A"), OnHand(10), 0, 1), seen);
        Assert.Equal(StoreWriteStatus.Written, fromSecond.Status);
        Assert.Equal(StoreWriteStatus.VersionConflict, staleFromFirst.Status);
        Assert.Equal(StoreWriteStatus.DuplicateKey, (await store.WriteAsync(Batch("k2", []))).Status);
    }

    /// <summary>Writes racing at one expected version: exactly one is written, the rest conflict.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_RacingAtOneVersion_ExactlyOneWritten()
    {
        var store = NewStore();
        await SeedAsync(store, Key("A"), 10, "seed");
        var statuses = new ConcurrentBag<StoreWriteStatus>();

        await RunConcurrentlyAsync(ConcurrentWorkers, async i =>
        {
            var batch = Batch($"w{i}", [new PositionWrite(Key("A"), 1, OnHand(10 + i))]);
            statuses.Add((await store.WriteAsync(batch)).Status);
        });

        Assert.Equal(1, statuses.Count(s => s == StoreWriteStatus.Written));
        Assert.Equal(ConcurrentWorkers - 1, statuses.Count(s => s == StoreWriteStatus.VersionConflict));
        Assert.Equal(2, (await store.GetPositionAsync(Key("A"), T0)).Version);
    }

    /// <summary>Writes racing under one idempotency key at different positions: exactly one is written.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_RacingUnderOneKey_ExactlyOneWritten()
    {
        var store = NewStore();
        var statuses = new ConcurrentBag<StoreWriteStatus>();

        await RunConcurrentlyAsync(ConcurrentWorkers, async i =>
        {
            var batch = Batch("same", [new PositionWrite(Key($"S{i}"), 0, OnHand(1))]);
            statuses.Add((await store.WriteAsync(batch)).Status);
        });

        Assert.Equal(1, statuses.Count(s => s == StoreWriteStatus.Written));
        Assert.Equal(ConcurrentWorkers - 1, statuses.Count(s => s == StoreWriteStatus.DuplicateKey));
        Assert.Single(await store.ReadAllPositionsAsync(T0));
    }

    /// <summary>Carts taking two SKUs in opposite orders at once all finish, with exact totals.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_OppositeLineOrders_NoDeadlockAndExactTotals()
    {
        var store = NewStore();
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());
        await AppliedAsync(ledger, new ReceiveStock("ra", new Sku("A"), new LocationId("W1"), 1000));
        await AppliedAsync(ledger, new ReceiveStock("rb", new Sku("B"), new LocationId("W1"), 1000));

        await RunConcurrentlyAsync(40, async i =>
        {
            CartLine a = new("a", new Sku("A"), 1), b = new("b", new Sku("B"), 1);
            await AppliedAsync(ledger, new ReserveCart($"r{i}", $"cart-{i}", i % 2 == 0 ? [a, b] : [b, a]));
        });

        Assert.Equal(40, (await store.GetPositionAsync(Key("A"), T0)).Stored.Reserved);
        Assert.Equal(40, (await store.GetPositionAsync(Key("B"), T0)).Stored.Reserved);
        await AssertPositionsEqualJournalReplayAsync(store);
    }

    private async Task RaceForLastUnitsAsync(IReadOnlyList<IInventoryStore> stores, long units, int carts)
    {
        var clock = new SpecificationClock(T0);
        var ledgers = stores.Select(s => new InventoryLedger(s, clock, new InventoryOptions())).ToList();
        await AppliedAsync(ledgers[0], new ReceiveStock("receive", new Sku("A"), new LocationId("W1"), units));
        var statuses = new ConcurrentBag<LedgerStatus>();

        await RunConcurrentlyAsync(carts, async i =>
        {
            var ledger = ledgers[i % ledgers.Count];
            var cart = new ReserveCart($"r{i}", $"cart-{i}", [new CartLine("l1", new Sku("A"), 1)]);
            var result = await ledger.ExecuteAsync(cart);
            statuses.Add(result.Status);
        });

        Assert.Equal(units, statuses.Count(s => s == LedgerStatus.Applied));
        Assert.Equal(carts - units, statuses.Count(s => s == LedgerStatus.InsufficientStock));
        var position = await stores[^1].GetPositionAsync(Key("A"), T0);
        Assert.Equal(OnHand(units, reserved: units), position.Stored);
        Assert.Equal(units, (await stores[0].ReadJournalAsync(0, 10_000)).Count(e => e.Kind == EntryKind.Reserved));
        await AssertPositionsEqualJournalReplayAsync(stores[0]);
    }

    /// <summary>
    /// Runs <paramref name="count"/> calls on <see cref="ConcurrentWorkers"/> threads released together.
    /// </summary>
    private async Task RunConcurrentlyAsync(int count, Func<int, Task> action)
    {
        var next = -1;
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, Math.Min(ConcurrentWorkers, count)).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await action(index).ConfigureAwait(false);
            }
        })).ToList();

        start.Set();
        await Task.WhenAll(workers);
    }
}
