using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Concurrency;

public sealed class ConcurrentReservationTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ReserveCart_ThousandOneUnitCartsOnHundredUnits_ExactlyHundredSucceed()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 100);
        var results = new ConcurrentBag<LedgerResult>();
        var stopwatch = Stopwatch.StartNew();

        await Concurrently.RunAsync(threads: 100, count: 1000, async i =>
            results.Add(await harness.Run(new ReserveCart($"reserve-{i}", $"cart-{i}", [Line("l1", "A", 1)]))));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, Budget);
        Assert.Equal(100, results.Count(r => r.Status == LedgerStatus.Applied));
        var refused = results.Where(r => r.Status == LedgerStatus.InsufficientStock).ToList();
        Assert.Equal(900, refused.Count);
        Assert.All(refused, r => Assert.Equal(
            new StockShortfall("l1", new Sku("A"), null, Requested: 1, Available: 0), Assert.Single(r.Shortfalls)));
        Assert.Equal(Expect.Position(onHand: 100, reserved: 100), await harness.Position("A", "W1"));
        Assert.Equal(0, await harness.Available("A"));
        Assert.Equal(100, (await harness.Journal()).Count(e => e.Kind == EntryKind.Reserved));
    }

    [Fact]
    public async Task ExecuteAsync_TenCheckoutsForTheLastUnit_CreateExactlyOneOrderInEveryRound()
    {
        // Each round is a fresh race; many rounds make a lost update far more likely to show.
        for (var round = 0; round < 30; round++)
        {
            var harness = new LedgerHarness();
            await harness.Receive("A", "W1", 1);

            var orders = await CheckoutTenBuyersAsync(harness);

            Assert.Single(orders);
            Assert.Equal(Expect.Position(onHand: 1, committed: 1), await harness.Position("A", "W1"));
            Assert.Single(await harness.Journal(), e => e.Kind == EntryKind.Committed);
        }
    }

    [Fact]
    public async Task CommitCart_SameCartFromEightThreads_CommitsOnce()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 5);
        await harness.Reserve("cart", Line("l1", "A", 3));
        var statuses = new ConcurrentBag<LedgerStatus>();

        await Concurrently.RunAsync(threads: 8, count: 8, async i =>
            statuses.Add((await harness.Run(new CommitCart($"commit-{i}", "cart", $"order-{i}"))).Status));

        Assert.Equal(1, statuses.Count(s => s == LedgerStatus.Applied));
        Assert.Equal(7, statuses.Count(s => s == LedgerStatus.UnknownReservation));
        Assert.Equal(Expect.Position(onHand: 5, committed: 3), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task CommitCart_TwoCartsIntoOneNewOrderAtOnce_OnlyOneCreatesTheOrder()
    {
        // The carts hold different SKUs, so no position is shared and only the order id can collide.
        for (var round = 0; round < 50; round++)
        {
            var harness = new LedgerHarness();
            await harness.Receive("A", "W1", 1);
            await harness.Receive("B", "W1", 1);
            await harness.Reserve("cart-0", Line("l1", "A", 1));
            await harness.Reserve("cart-1", Line("l1", "B", 1));
            var statuses = new ConcurrentBag<LedgerStatus>();

            await Concurrently.RunAsync(threads: 2, count: 2, async i =>
                statuses.Add((await harness.Run(new CommitCart($"commit-{i}", $"cart-{i}", "order"))).Status));

            Assert.Equal([LedgerStatus.Applied, LedgerStatus.OrderAlreadyExists], statuses.Order());
            Assert.Single(await harness.Journal(), e => e.Kind == EntryKind.Committed);
        }
    }

    [Fact]
    public async Task ReserveCart_OneNewLineFromTwoThreadsOnDifferentSkus_HoldsTheLineOnce()
    {
        // A shopper switching a line's variant twice in a row: the later request must replace the line,
        // never add to it, even though the two SKUs share no position.
        string[] skus = ["A", "B"];
        for (var round = 0; round < 100; round++)
        {
            var harness = new LedgerHarness();
            await harness.Receive("A", "W1", 5);
            await harness.Receive("B", "W1", 5);

            await Concurrently.RunAsync(threads: 2, count: 2, async i =>
                await harness.Apply(new ReserveCart($"reserve-{i}", "cart", [Line("l1", skus[i], 1)])));
            await harness.Apply(new CommitCart("commit", "cart", "order"));

            var a = await harness.Position("A", "W1");
            var b = await harness.Position("B", "W1");
            Assert.Equal((0L, 1L), (a.Reserved + b.Reserved, a.Committed + b.Committed));
        }
    }

    [Fact]
    public async Task ExecuteAsync_MixedReceiveReserveReleaseOnSixteenThreads_ConservesOnHandAndHolds()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        var tally = new Tally();
        var negativeSeen = 0;

        await Concurrently.RunAsync(threads: 16, count: 1200, async i =>
        {
            await MixedStepAsync(harness, tally, i);
            if ((await harness.Position("A", "W1")).Available < 0)
            {
                Interlocked.Increment(ref negativeSeen);
            }
        });

        var position = await harness.Position("A", "W1");
        Assert.Equal(0, negativeSeen);
        Assert.Equal(10 + tally.Received, position.OnHand);
        Assert.Equal(tally.Reserved - tally.Released, position.Reserved);
        Assert.True(tally.Refused > 0, "the run should also hit the stock limit");
        Assert.Equal(Fold(await harness.Journal()), (await ReadStoredAsync(harness)).Stored);
    }

    private static async Task<ConcurrentBag<string>> CheckoutTenBuyersAsync(LedgerHarness harness)
    {
        var orders = new ConcurrentBag<string>();
        await Concurrently.RunAsync(threads: 10, count: 10, async i =>
        {
            var reserved = await harness.Run(new ReserveCart($"reserve-{i}", $"cart-{i}", [Line("l1", "A", 1)]));
            var committed = reserved.IsApplied
                ? await harness.Run(new CommitCart($"commit-{i}", $"cart-{i}", $"order-{i}"))
                : reserved;
            if (committed.IsApplied)
            {
                orders.Add($"order-{i}");
            }
        });

        return orders;
    }

    private static async Task MixedStepAsync(LedgerHarness harness, Tally tally, int i)
    {
        switch (i % 3)
        {
            case 0:
                await harness.Apply(new ReceiveStock($"receive-{i}", new Sku("A"), new LocationId("W1"), 1));
                Interlocked.Increment(ref tally.Received);
                break;
            case 1:
                var quantity = 1 + (i % 4);
                var cart = new ReserveCart($"reserve-{i}", $"cart-{i}", [Line("l1", "A", quantity)]);
                var result = await harness.Run(cart);
                Interlocked.Add(ref result.IsApplied ? ref tally.Reserved : ref tally.Refused, quantity);
                break;
            default:
                if (i % 2 == 0)
                {
                    return;
                }

                var released = await harness.Run(new ReleaseReservation($"release-{i}", $"cart-{i - 1}"));
                Interlocked.Add(ref tally.Released, released.Entries.Sum(e => e.Quantity));
                break;
        }
    }

    private static StockPosition Fold(IEnumerable<JournalEntry> entries) =>
        entries.Aggregate(StockPosition.Empty, (p, e) => p.Apply(e.Change));

    private static async Task<Core.Storage.VersionedPosition> ReadStoredAsync(LedgerHarness harness) =>
        await harness.Store.GetPositionAsync(Expect.Key("A", "W1"), harness.Clock.GetCurrentInstant());

    /// <summary>Fields rather than properties, so that Interlocked can update them.</summary>
    private sealed class Tally
    {
        public long Received;
        public long Reserved;
        public long Released;
        public long Refused;
    }
}
