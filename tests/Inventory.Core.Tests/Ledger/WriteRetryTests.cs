using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using NodaTime.Testing;

namespace Inventory.Core.Tests.Ledger;

public sealed class WriteRetryTests
{
    private static readonly Sku A = new("A");
    private static readonly LocationId W1 = new("W1");

    [Fact]
    public async Task ExecuteAsync_StoreConflictsTwice_RetriesAndAppliesOnce()
    {
        var store = new ConflictingStore(conflicts: 2);
        var ledger = Ledger(store, maxAttempts: 3);

        var result = await ledger.ExecuteAsync(new ReceiveStock("po-1", A, W1, 5));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(3, store.Writes);
        Assert.Equal(5, (await ledger.GetPositionAsync(A, W1)).OnHand);
        Assert.Equal(1, store.Inner.JournalLength);
    }

    [Fact]
    public async Task ExecuteAsync_ConflictOnEveryAttempt_ThrowsNamingKeyAndAttemptsAndChangesNothing()
    {
        var store = new ConflictingStore(conflicts: 4);
        var ledger = Ledger(store, maxAttempts: 4);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => ledger.ExecuteAsync(new ReceiveStock("po-1", A, W1, 5)).AsTask());

        Assert.Equal(("po-1", 4), (error.IdempotencyKey, error.Attempts));
        Assert.Contains("every one of 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Inner.JournalLength);
        Assert.Null(await store.Inner.FindOutcomeAsync("po-1"));
    }

    [Fact]
    public async Task ExecuteAsync_StockTakenBetweenReadAndWrite_RedecidesAndRefuses()
    {
        var store = new ConflictingStore(conflicts: 0);
        var ledger = Ledger(store, maxAttempts: 5);
        await ledger.ExecuteAsync(new ReceiveStock("po-1", A, W1, 1));
        var rival = new ReserveCart("rival", "rival-cart", [new CartLine("l1", A, 1)]);
        store.BeforeWrite = async () => await Ledger(store.Inner, maxAttempts: 1).ExecuteAsync(rival);

        var result = await ledger.ExecuteAsync(new ReserveCart("mine", "my-cart", [new CartLine("l1", A, 1)]));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(0, Assert.Single(result.Shortfalls).Available);
        Assert.Equal(1, (await ledger.GetPositionAsync(A, W1)).Reserved);
    }

    [Fact]
    public async Task ExecuteAsync_SameKeyWrittenBetweenReadAndWrite_ReturnsTheRecordedResult()
    {
        var store = new ConflictingStore(conflicts: 0);
        var ledger = Ledger(store, maxAttempts: 5);
        var receipt = new ReceiveStock("po-1", A, W1, 5);
        store.BeforeWrite = async () => await Ledger(store.Inner, maxAttempts: 1).ExecuteAsync(receipt);

        var result = await ledger.ExecuteAsync(receipt);

        Assert.True(result.IsReplay);
        Assert.Equal(5, (await ledger.GetPositionAsync(A, W1)).OnHand);
        Assert.Equal(1, store.Inner.JournalLength);
    }

    [Fact]
    public async Task ExecuteAsync_SameCommitWrittenBetweenLookUpAndRead_ReturnsTheRecordedResult()
    {
        var store = new ConflictingStore(conflicts: 0);
        var ledger = Ledger(store, maxAttempts: 5);
        await ledger.ExecuteAsync(new ReceiveStock("po-1", A, W1, 5));
        await ledger.ExecuteAsync(new ReserveCart("r-1", "cart-1", [new CartLine("l1", A, 3)]));
        var commit = new CommitCart("c-1", "cart-1", "order-1");
        store.AfterFindOutcome = async () => await Ledger(store.Inner, maxAttempts: 1).ExecuteAsync(commit);

        var result = await ledger.ExecuteAsync(commit);

        Assert.Equal((LedgerStatus.Applied, true), (result.Status, result.IsReplay));
        Assert.Equal(3, Assert.Single(result.Entries).Quantity);
        Assert.Equal(3, (await ledger.GetPositionAsync(A, W1)).Committed);
    }

    [Fact]
    public async Task ExecuteAsync_MovedLineReReservedWithAnotherSkuBetweenReads_MovesTheNewSku()
    {
        var store = new ConflictingStore(conflicts: 0);
        var ledger = Ledger(store, maxAttempts: 5);
        var b = new Sku("B");
        var w2 = new LocationId("W2");
        foreach (var (sku, location) in new[] { (A, W1), (A, w2), (b, W1), (b, w2) })
        {
            await ledger.ExecuteAsync(new ReceiveStock($"po-{sku}-{location}", sku, location, 10));
        }

        await ledger.ExecuteAsync(new ReserveCart("r-1", "cart-1", [new CartLine("l1", A, 3, W1)]));
        var reReserve = new ReserveCart("r-2", "cart-1", [new CartLine("l1", b, 4, W1)]);
        var rival = Ledger(store.Inner, maxAttempts: 1);
        store.BeforeRead = (store.Reads + 1, async () => await rival.ExecuteAsync(reReserve));

        var result = await ledger.ExecuteAsync(new MoveReservation("m-1", "cart-1", "l1", w2));

        Assert.Equal(LedgerStatus.Applied, result.Status);
        var left = await ledger.GetPositionAsync(b, W1);
        var moved = await ledger.GetPositionAsync(b, w2);
        Assert.Equal((0L, 4L), (left.Reserved, moved.Reserved));
        Assert.Equal(0, (await ledger.GetPositionAsync(A, W1)).Reserved);
    }

    [Theory]
    [InlineData("A,B,C,D")]
    [InlineData("D,C,B,A")]
    [InlineData("C,A,D,B")]
    [InlineData("B,A,B2,A2")]
    [InlineData("T,S,R,Q,P,O,N,M,L,K,J,I,H,G,F,E,D,C,B,A")]
    [InlineData("A,B,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q,R,T,S")]
    public async Task ExecuteAsync_CartInAnyLineOrder_WritesPositionsInKeyOrder(string skus)
    {
        var store = new ConflictingStore(conflicts: 0);
        var ledger = Ledger(store, maxAttempts: 1);
        var names = skus.Split(',');
        foreach (var name in names)
        {
            Assert.True((await ledger.ExecuteAsync(new ReceiveStock($"po-{name}", new Sku(name), W1, 5))).IsApplied);
        }

        var cart = new ReserveCart(
            "r-1", "cart-1", [.. names.Select((name, i) => LedgerHarness.Line($"l{i}", name, 1, "W1"))]);
        var result = await ledger.ExecuteAsync(cart);

        Assert.True(result.IsApplied, result.Message);
        var keys = store.WrittenKeys[^1];
        Assert.Equal(names.Length, keys.Length);
        Assert.Equal(keys.Order(), keys);
    }

    private static InventoryLedger Ledger(Core.Storage.IInventoryStore store, int maxAttempts) =>
        new(store, new FakeClock(LedgerHarness.Start), new InventoryOptions { MaxWriteAttempts = maxAttempts });
}
