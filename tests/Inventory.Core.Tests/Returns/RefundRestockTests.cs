using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Returns;

public sealed class RefundRestockTests
{
    private static readonly LocationId W1 = new("W1");
    private static readonly LocationId W2 = new("W2");

    [Fact]
    public async Task RestockRefund_ReturnOfShippedUnits_RestocksThemAtTheGivenLocation()
    {
        var harness = await OrderOfTenWithSevenShippedAsync();

        var result = await harness.Apply(new RestockRefund("refund-1/line-1", "o1", "l1", 3, RefundRestock.Return, W2));

        var entry = Assert.Single(result.Entries);
        Assert.Equal((EntryKind.Returned, new StockChange(OnHand: 3)), (entry.Kind, entry.Change));
        Assert.Equal(Expect.Position(onHand: 3), await harness.Position("A", "W2"));
        Assert.Equal(Expect.Position(onHand: 93, committed: 3), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task RestockRefund_SameRefundLineDeliveredTwice_RestocksOnce()
    {
        var harness = await OrderOfTenWithSevenShippedAsync();

        await harness.Apply(new RestockRefund("refund-1/line-1", "o1", "l1", 3, RefundRestock.Return, W1));
        var again = await harness.Apply(new RestockRefund("refund-1/line-1", "o1", "l1", 3, RefundRestock.Return, W1));

        Assert.True(again.IsReplay);
        Assert.Equal(Expect.Position(onHand: 96, committed: 3), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task RestockRefund_ReturnOfMoreThanShippedAndNotYetRestocked_IsRefused()
    {
        var harness = await OrderOfTenWithSevenShippedAsync();
        await harness.Apply(new RestockRefund("refund-1", "o1", "l1", 5, RefundRestock.Return, W1));

        var result = await harness.Run(new RestockRefund("refund-2", "o1", "l1", 3, RefundRestock.Return, W2));

        Assert.Equal(LedgerStatus.ExceedsReturnable, result.Status);
        Assert.Contains(
            "shipped 7 units and 5 were restocked already; cannot restock 3",
            result.Message,
            StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 98, committed: 3), await harness.Position("A", "W1"));
        Assert.Equal(StockPosition.Empty, await harness.Position("A", "W2"));
    }

    [Fact]
    public async Task RestockRefund_CancelOfUnshippedUnits_ReleasesTheCommitmentAndLaterCancelOnlyTheRest()
    {
        var harness = await OrderOfTenWithSevenShippedAsync();

        var refund = await harness.Apply(new RestockRefund("refund-1", "o1", "l1", 2, RefundRestock.Cancel));
        var removal = await harness.Apply(new CancelOrder("remove-line", "o1", ["l1"]));

        Assert.Equal((EntryKind.Cancelled, 2L), (Assert.Single(refund.Entries).Kind, refund.Entries[0].Quantity));
        Assert.Equal(1, Assert.Single(removal.Entries).Quantity);
        Assert.Equal(Expect.Position(onHand: 93), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task RestockRefund_CancelOfMoreThanOpen_IsRefused()
    {
        var harness = await OrderOfTenWithSevenShippedAsync();

        var result = await harness.Run(new RestockRefund("refund-1", "o1", "l1", 4, RefundRestock.Cancel, W1));

        Assert.Equal(LedgerStatus.ExceedsOpenQuantity, result.Status);
        Assert.Equal(Expect.Position(onHand: 93, committed: 3), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task RestockRefund_NoRestockThenLineRemoval_NeverRestocks()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 100);
        await harness.PlaceExternal("o1", ExternalLine("l1", "A", "W1", 10));
        await harness.Apply(new FulfilOrder("ship", "o1"));

        var refund = await harness.Apply(new RestockRefund("refund-1", "o1", "l1", 10, RefundRestock.NoRestock));
        var removal = await harness.Apply(new CancelOrder("remove-line", "o1", ["l1"]));

        Assert.Empty(refund.Entries);
        Assert.Empty(removal.Entries);
        Assert.Equal(Expect.Position(onHand: 90), await harness.Position("A", "W1"));
        Assert.DoesNotContain(await harness.Journal(), e => e.Kind == EntryKind.Returned);
    }

    [Fact]
    public async Task RestockRefund_NoRestockOfUnshippedUnitsThenLineRemoval_ReleasesTheCommitmentOnce()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 100);
        await harness.PlaceExternal("o1", ExternalLine("l1", "A", "W1", 10));

        await harness.Apply(new RestockRefund("refund-1", "o1", "l1", 4, RefundRestock.NoRestock));
        await harness.Apply(new CancelOrder("remove-line", "o1", ["l1"]));
        var again = await harness.Apply(new CancelOrder("remove-line-again", "o1", ["l1"]));

        Assert.Empty(again.Entries);
        Assert.Equal(Expect.Position(onHand: 100), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task RestockRefund_UnknownOrderLine_IsRefused()
    {
        var harness = await OrderOfTenWithSevenShippedAsync();

        var result = await harness.Run(new RestockRefund("refund-1", "o1", "l9", 1, RefundRestock.Return, W1));

        Assert.Equal(LedgerStatus.UnknownOrder, result.Status);
        Assert.Contains("has no line 'l9'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestockRefund_ReturnWithoutLocation_IsInvalid()
    {
        var harness = new LedgerHarness();

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            () => harness.Run(new RestockRefund("refund-1", "o1", "l1", 1, RefundRestock.Return)));

        Assert.Contains("needs the location to restock at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestockRefund_TwoRefundsOfOneLineRacingToTwoLocations_NeverRestockMoreThanShipped()
    {
        var store = new ConflictingStore(0);
        var clock = new NodaTime.Testing.FakeClock(Start);
        var ledger = new InventoryLedger(store, clock, new InventoryOptions());
        var other = new InventoryLedger(store.Inner, clock, new InventoryOptions());
        await other.ExecuteAsync(new ReceiveStock("stock", new Sku("A"), W1, 10));
        await other.ExecuteAsync(new PlaceExternalOrder("order", "o1", [ExternalLine("l1", "A", "W1", 5)]));
        await other.ExecuteAsync(new FulfilOrder("ship-3", "o1", [new FulfilmentLine("l1", 3)]));

        // The second refund lands between the first one's read and its write.
        store.BeforeWrite = async () =>
        {
            store.BeforeWrite = null;
            await other.ExecuteAsync(new RestockRefund("refund-b", "o1", "l1", 2, RefundRestock.Return, W2));
        };
        var first = await ledger.ExecuteAsync(
            new RestockRefund("refund-a", "o1", "l1", 2, RefundRestock.Return, new LocationId("W3")));

        Assert.Equal(LedgerStatus.ExceedsReturnable, first.Status);
        Assert.Equal(2, (await other.GetPositionAsync(new Sku("A"), W2)).OnHand);
        Assert.Equal(StockPosition.Empty, await other.GetPositionAsync(new Sku("A"), new LocationId("W3")));
    }

    private static async Task<LedgerHarness> OrderOfTenWithSevenShippedAsync()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 100);
        await harness.PlaceExternal("o1", ExternalLine("l1", "A", "W1", 10));
        await harness.Apply(new FulfilOrder("ship-7", "o1", [new FulfilmentLine("l1", 7)]));

        return harness;
    }
}
