using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Xunit;

namespace Inventory.Core.Specification;

/// <content>Bundle lines recorded on orders.</content>
public abstract partial class InventoryStoreSpecification
{
    private static readonly LocationId W1 = new("W1");

    /// <summary>
    /// Bundle lines are stored with the order that creates them and read back whole: the version's span (open or
    /// closed at either end), the version's lines and the leaf composition, each in order.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_BundleLinesPut_ReadBackWithTheirOrderOnly()
    {
        var store = NewStore();
        var open = BundleLine("o1", "l1", null, null);
        var closed = BundleLine("o1", "l2", T0 - Duration.FromDays(30), T0 + Duration.FromDays(1)) with
        {
            Children = [Component("Z", 1), Component("A", 4), Component("Z", 2)],
            PerBundle = [Component("A", 4), Component("Z", 3)],
        };
        var create = Batch(
            "create",
            [new PositionWrite(Key("A"), 0, OnHand(10, committed: 4))],
            orderLines: [new OrderLine("o1", "l1/A", Key("A"), 4, 0, 0)]) with
        {
            NewOrderIds = ["o1"],
            BundleLinesPut = [open, closed],
        };

        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(create)).Status);
        var snapshot = await store.ReadAsync(Query(T0, orders: ["o1"]));
        var other = await store.ReadAsync(Query(T0, orders: ["o2"]));

        Assert.Equal([open, closed], snapshot.BundleLines.OrderBy(l => l.LineId, StringComparer.Ordinal).ToList());
        Assert.Equal([Component("Z", 1), Component("A", 4), Component("Z", 2)], snapshot.BundleLines
            .Single(l => l.LineId == "l2").Children);
        Assert.Empty(other.BundleLines);
    }

    /// <summary>
    /// A bundle line's instants (sold at, version from, version to) read back to the nanosecond, below the 100 ns of
    /// a tick, so a line read back is equal to the line written; far instants at either end survive too.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_BundleLineInstantsBelowATick_ReadBackExactly()
    {
        var store = NewStore();
        var nanos = BundleLine("o1", "l1", T0 - Duration.FromNanoseconds(1), T0 + Duration.FromNanoseconds(199)) with
        {
            SoldAt = T0 + Duration.FromNanoseconds(42),
        };
        var far = BundleLine(
            "o1", "l2", Instant.FromUtc(1, 1, 1, 0, 0).PlusNanoseconds(7), Instant.FromUtc(9999, 12, 31, 0, 0)
            .PlusNanoseconds(99));
        var create = Batch(
            "create",
            [new PositionWrite(Key("A"), 0, OnHand(10, committed: 4))],
            orderLines: [new OrderLine("o1", "l1/A", Key("A"), 4, 0, 0)]) with
        {
            NewOrderIds = ["o1"],
            BundleLinesPut = [nanos, far],
        };

        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(create)).Status);
        var snapshot = await store.ReadAsync(Query(T0, orders: ["o1"]));

        Assert.Equal([nanos, far], snapshot.BundleLines.OrderBy(l => l.LineId, StringComparer.Ordinal).ToList());
    }

    /// <summary>A batch refused for a version conflict records none of its bundle lines.</summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task WriteAsync_BundleLinesOfARefusedBatch_AreNotRecorded()
    {
        var store = NewStore();
        await SeedAsync(store, Key("A"), 10, "seed");
        var stale = Batch(
            "stale",
            [new PositionWrite(Key("A"), 0, OnHand(10, committed: 4))],
            orderLines: [new OrderLine("o1", "l1/A", Key("A"), 4, 0, 0)]) with
        {
            NewOrderIds = ["o1"],
            BundleLinesPut = [BundleLine("o1", "l1", null, null)],
        };

        Assert.Equal(StoreWriteStatus.VersionConflict, (await store.WriteAsync(stale)).Status);

        Assert.Empty((await store.ReadAsync(Query(T0, orders: ["o1"]))).BundleLines);
    }

    /// <summary>
    /// A bundle sold through the ledger is recorded on its order with the version in force at the sale, and a
    /// later version of the bundle does not change what is read back.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_BundleSoldThenDefinitionEdited_RecordedLineKeepsTheSoldComposition()
    {
        var store = NewStore();
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());
        var edit = T0 + Duration.FromDays(1);
        var catalog = new BundleCatalog();
        catalog.Register(new BundleDefinition(new Sku("KIT"), [Component("A", 2), Component("B", 1)], null, edit));
        await AppliedAsync(ledger, new ReceiveStock("receive-a", new Sku("A"), new LocationId("W1"), 10));
        await AppliedAsync(ledger, new ReceiveStock("receive-b", new Sku("B"), new LocationId("W1"), 10));
        var reservation = BundleCart.Reserve(
            catalog, "reserve", "cart", [new BundleCartLine("l1", new Sku("KIT"), 3)], T0);
        await AppliedAsync(ledger, reservation.Command);

        await AppliedAsync(ledger, new CommitBundleCart("commit", "cart", "order", reservation.Sales));
        catalog.Register(new BundleDefinition(new Sku("KIT"), [Component("Z", 1)], edit));

        var line = Assert.Single(await ledger.GetBundleLinesAsync("order"));
        Assert.Equal(BundleOrderLine.FromSale("order", reservation.Sales[0]), line);
        Assert.Equal([Component("A", 2), Component("B", 1)], line.ToSale().PerBundle);
        Assert.Equal(new StockPosition(10, 6, 0, 0, 0, 0, 0), await ledger.GetPositionAsync(new Sku("A"), W1));
        Assert.Equal(2, (await store.ReadJournalAsync(0, 100)).Count(e => e.Kind == EntryKind.BundleSold));
        await AssertPositionsEqualJournalReplayAsync(store);
    }

    /// <summary>
    /// A bundle sale the domain forbids (a definition holding its own bundle, no components or a zero quantity, an
    /// empty span or one without the instant of sale, a component listed twice in the composition, a composition
    /// that is not the definition's) is invalid input: nothing reaches the store, and the valid sale that follows
    /// journals one <see cref="EntryKind.BundleSold"/> entry per component.
    /// </summary>
    /// <returns>The test.</returns>
    [StoreFact]
    public async Task Ledger_BundleSaleTheDomainForbids_IsInvalidAndStoresNothing()
    {
        var store = NewStore();
        var ledger = new InventoryLedger(store, new SpecificationClock(T0), new InventoryOptions());
        await AppliedAsync(ledger, new ReceiveStock("receive", new Sku("MUG"), W1, 10));
        await AppliedAsync(ledger, new Inventory.Core.Reservations.ReserveCart(
            "reserve", "cart", [new("1/MUG", new Sku("MUG"), 1, W1)]));
        var valid = new BundleSale(
            "1", new Sku("GIFT"), 1, T0, new BundleDefinition(new Sku("GIFT"), [Component("MUG", 1)]),
            [Component("MUG", 1)]);
        var journal = await store.ReadJournalAsync(0, 100);
        BundleSale[] forbidden =
        [
            valid with { Definition = valid.Definition with { Components = [Component("GIFT", 1)] } },
            valid with { Definition = valid.Definition with { Components = [] } },
            valid with { Definition = valid.Definition with { Components = [Component("MUG", 0)] } },
            valid with { Definition = valid.Definition with { ValidFrom = T0 + Duration.FromDays(1), ValidTo = T0 } },
            valid with { Definition = valid.Definition with { ValidTo = T0 } },
            valid with { PerBundle = [Component("MUG", 1), Component("MUG", 1)] },
            valid with { PerBundle = [Component("MUG", 2)] },
        ];

        foreach (var sale in forbidden)
        {
            await Assert.ThrowsAsync<InvalidCommandException>(
                async () => await ledger.ExecuteAsync(new CommitBundleCart("commit", "cart", "order", [sale])));
        }

        Assert.Empty(await ledger.GetBundleLinesAsync("order"));
        Assert.Equal(journal, await store.ReadJournalAsync(0, 100));
        await AppliedAsync(ledger, new CommitBundleCart("commit", "cart", "order", [valid]));
        Assert.Single(await ledger.GetBundleLinesAsync("order"));
        Assert.Single(await store.ReadJournalAsync(0, 100), e => e.Kind == EntryKind.BundleSold);
    }

    private static BundleComponent Component(string sku, long quantity) => new(new Sku(sku), quantity);

    private static BundleOrderLine BundleLine(string orderId, string lineId, Instant? from, Instant? to) =>
        new(orderId, lineId, new Sku("KIT"), 2, T0, from, to, [Component("A", 2)], [Component("A", 2)]);
}
