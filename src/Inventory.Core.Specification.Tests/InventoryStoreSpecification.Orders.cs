using Inventory.Core.Orders;
using Inventory.Core.Storage;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Order lines and the creation of new orders.</content>
public abstract partial class InventoryStoreSpecification
{
    /// <summary>
    /// Order lines are stored, read back with their positions, and replaced by order, line and position.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_OrderLinesPutTwice_ReadsBackTheLatestLines()
    {
        var store = NewStore();
        var first = new OrderLine("o1", "l1", Key("A"), 5, 0, 0);
        var second = new OrderLine("o1", "l2", Key("B", "W2"), 2, 0, 0);
        var create = Batch(
            "create",
            [
                new PositionWrite(Key("A"), 0, OnHand(5, committed: 5)),
                new PositionWrite(Key("B", "W2"), 0, OnHand(2, committed: 2)),
            ],
            orderLines: [first, second]) with { NewOrderIds = ["o1"] };
        var shipped = first with { Fulfilled = 3, Cancelled = 1 };
        var ship = Batch("ship", [new PositionWrite(Key("A"), 1, OnHand(2, committed: 1))], orderLines: [shipped]);

        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(create)).Status);
        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(ship)).Status);
        var snapshot = await store.ReadAsync(Query(T0, orders: ["o1", "o2"]));

        Assert.Equal([shipped, second], snapshot.OrderLines.OrderBy(l => l.LineId, StringComparer.Ordinal).ToList());
        Assert.Equal(1, snapshot.OrderLines.Single(l => l.LineId == "l1").Open);
        Assert.Equal([Key("A"), Key("B", "W2")], snapshot.Positions.Keys.Order().ToList());
        Assert.Equal(2, snapshot.Positions[Key("A")].Version);
    }

    /// <summary>A batch that creates an order which already has lines writes nothing.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_NewOrderAlreadyExists_IsConflictAndWritesNothing()
    {
        var store = NewStore();
        var line = new OrderLine("o1", "l1", Key("A"), 1, 0, 0);
        var first = Batch("first", [new PositionWrite(Key("A"), 0, OnHand(1, committed: 1))], orderLines: [line]) with
        {
            NewOrderIds = ["o1"],
        };
        var other = new OrderLine("o1", "l1", Key("B"), 1, 0, 0);
        var secondWrite = new PositionWrite(Key("B"), 0, OnHand(1, committed: 1));
        var second = Batch("second", [secondWrite], orderLines: [other]) with
        {
            NewOrderIds = ["o1"],
        };

        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(first)).Status);
        Assert.Equal(StoreWriteStatus.VersionConflict, (await store.WriteAsync(second)).Status);

        Assert.Equal([line], (await store.ReadAsync(Query(T0, orders: ["o1"]))).OrderLines.ToList());
        Assert.Equal(0, (await store.GetPositionAsync(Key("B"), T0)).Version);
        Assert.Null(await store.FindOutcomeAsync("second"));
    }
}
