using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Core.Tests.Support;
using NodaTime;

namespace Inventory.Core.Tests.Storage;

public sealed class InMemoryInventoryStoreTests
{
    private static readonly Instant Now = LedgerHarness.Start;
    private static readonly PositionKey A1 = Expect.Key("A", "W1");
    private static readonly PositionKey B1 = Expect.Key("B", "W1");

    [Fact]
    public async Task WriteAsync_NewPosition_StartsAtVersionOne()
    {
        var store = new InMemoryInventoryStore();

        var result = await store.WriteAsync(Receipt("k1", A1, expectedVersion: 0, onHand: 5));

        Assert.Equal(StoreWriteStatus.Written, result.Status);
        var read = await store.GetPositionAsync(A1, Now);
        Assert.Equal((1L, Expect.Position(onHand: 5)), (read.Version, read.Stored));
        Assert.Equal(1, Assert.Single(result.Outcome!.Entries).Sequence);
    }

    [Fact]
    public async Task WriteAsync_StaleVersion_ConflictsAndWritesNothing()
    {
        var store = new InMemoryInventoryStore();
        await store.WriteAsync(Receipt("k1", A1, expectedVersion: 0, onHand: 5));

        var result = await store.WriteAsync(Receipt("k2", A1, expectedVersion: 0, onHand: 9));

        Assert.Equal(StoreWriteStatus.VersionConflict, result.Status);
        Assert.Equal(Expect.Position(onHand: 5), (await store.GetPositionAsync(A1, Now)).Stored);
        Assert.Null(await store.FindOutcomeAsync("k2"));
        Assert.Equal(1, store.JournalLength);
    }

    [Fact]
    public async Task WriteAsync_OneStalePositionInTheBatch_WritesNoneOfTheBatch()
    {
        var store = new InMemoryInventoryStore();
        await store.WriteAsync(Receipt("k1", A1, expectedVersion: 0, onHand: 5));
        var batch = Receipt("k2", B1, expectedVersion: 0, onHand: 2) with
        {
            Positions = [new PositionWrite(B1, 0, Expect.Position(2)), new PositionWrite(A1, 7, Expect.Position(1))],
        };

        var result = await store.WriteAsync(batch);

        Assert.Equal(StoreWriteStatus.VersionConflict, result.Status);
        Assert.Equal(0, (await store.GetPositionAsync(B1, Now)).Version);
    }

    [Fact]
    public async Task WriteAsync_RecordedKey_AnswersDuplicateWithTheFirstOutcome()
    {
        var store = new InMemoryInventoryStore();
        var first = await store.WriteAsync(Receipt("k1", A1, expectedVersion: 0, onHand: 5));

        var again = await store.WriteAsync(Receipt("k1", A1, expectedVersion: 1, onHand: 10));

        Assert.Equal(StoreWriteStatus.DuplicateKey, again.Status);
        Assert.Same(first.Outcome, again.Outcome);
        Assert.Equal(Expect.Position(onHand: 5), (await store.GetPositionAsync(A1, Now)).Stored);
    }

    [Fact]
    public async Task WriteAsync_NewOrderThatAlreadyExists_ConflictsAndWritesNothing()
    {
        var store = new InMemoryInventoryStore();
        var line = new OrderLine("order", "l1", A1, 1, 0, 0);
        await store.WriteAsync(Receipt("k1", A1, 0, 1) with { OrderLinesPut = [line], NewOrderIds = ["order"] });
        var other = new OrderLine("order", "l1", B1, 1, 0, 0);

        var result = await store.WriteAsync(
            Receipt("k2", B1, 0, 1) with { OrderLinesPut = [other], NewOrderIds = ["order"] });

        Assert.Equal(StoreWriteStatus.VersionConflict, result.Status);
        var snapshot = await store.ReadAsync(new StoreQuery(Now, [], [], [], ["order"]));
        Assert.Equal(A1, Assert.Single(snapshot.OrderLines).Key);
        Assert.Equal(0, (await store.GetPositionAsync(B1, Now)).Version);
    }

    [Fact]
    public async Task WriteAsync_StaleCartVersion_ConflictsAndWritesNothing()
    {
        var store = new InMemoryInventoryStore();
        var hold = new Hold("cart", "l1", A1, 1, Now + Duration.FromMinutes(5));
        var read = await store.ReadAsync(new StoreQuery(Now, [], [], ["cart"], []));
        await store.WriteAsync(WithHold(Receipt("k1", A1, 0, 5), hold, read));
        var other = new Hold("cart", "l1", B1, 1, Now + Duration.FromMinutes(5));

        var stale = await store.WriteAsync(WithHold(Receipt("k2", B1, 0, 5), other, read));

        Assert.Equal(0, read.CartVersions!["cart"]);
        Assert.Equal(StoreWriteStatus.VersionConflict, stale.Status);
        var after = await store.ReadAsync(new StoreQuery(Now, [], [], ["cart"], []));
        Assert.Equal([hold], after.Holds);
        Assert.Equal(1, after.CartVersions!["cart"]);
    }

    [Fact]
    public async Task GetPositionAsync_HoldPastItsExpiry_ReportsItAsExpiredReserved()
    {
        var store = new InMemoryInventoryStore();
        var hold = new Hold("cart", "l1", A1, 3, Now + Duration.FromMinutes(5));
        await store.WriteAsync(Receipt("k1", A1, 0, 10) with
        {
            Positions = [new PositionWrite(A1, 0, Expect.Position(onHand: 10, reserved: 3))],
            HoldsPut = [hold],
        });

        var before = await store.GetPositionAsync(A1, Now + Duration.FromMinutes(4));
        var after = await store.GetPositionAsync(A1, Now + Duration.FromMinutes(5));

        Assert.Equal((0L, 7L), (before.ExpiredReserved, before.Effective.Available));
        Assert.Equal((3L, 10L), (after.ExpiredReserved, after.Effective.Available));
        Assert.Equal(3, after.Stored.Reserved);
        Assert.Equal([hold], await store.FindExpiredHoldsAsync(Now + Duration.FromMinutes(5), 10));
        Assert.Empty(await store.FindExpiredHoldsAsync(Now + Duration.FromMinutes(4), 10));
    }

    [Fact]
    public async Task ReadAsync_BySku_ReturnsEveryKnownLocationOfThatSkuOnly()
    {
        var store = new InMemoryInventoryStore();
        await store.WriteAsync(Receipt("k1", A1, 0, 1));
        await store.WriteAsync(Receipt("k2", Expect.Key("A", "W2"), 0, 2));
        await store.WriteAsync(Receipt("k3", B1, 0, 3));

        var snapshot = await store.ReadAsync(new StoreQuery(Now, [], [new Sku("A")], [], []));

        Assert.Equal([A1, Expect.Key("A", "W2")], snapshot.Positions.Keys.Order());
    }

    [Fact]
    public async Task ReadJournalAsync_InvalidPaging_ThrowsNamingTheArgument()
    {
        var store = new InMemoryInventoryStore();

        var negative = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.ReadJournalAsync(-1, 1).AsTask());
        var zero = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.ReadJournalAsync(0, 0).AsTask());

        Assert.Equal(("afterSequence", "maxCount"), (negative.ParamName, zero.ParamName));
    }

    private static StoreBatch WithHold(StoreBatch batch, Hold hold, StoreSnapshot read)
    {
        var position = batch.Positions[0] with { Stored = batch.Positions[0].Stored.Apply(new(Reserved: 1)) };

        return batch with
        {
            Positions = [position],
            HoldsPut = [hold],
            ExpectedCartVersions = new Dictionary<string, long> { [hold.CartId] = read.CartVersions!["cart"] },
        };
    }

    private static StoreBatch Receipt(string key, PositionKey position, long expectedVersion, long onHand)
    {
        var change = new StockChange(OnHand: onHand);
        var entry = new JournalEntry(0, key, EntryKind.Received, position, change, onHand, Now);

        return new StoreBatch(
            key,
            $"receive {position} {onHand}",
            [new PositionWrite(position, expectedVersion, StockPosition.Empty.Apply(change))],
            [],
            [],
            [],
            [entry]);
    }
}
