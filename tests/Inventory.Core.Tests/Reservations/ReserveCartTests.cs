using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Reservations;

public sealed class ReserveCartTests
{
    [Fact]
    public async Task ReserveCart_FiveOfTenInStock_ReservesFiveAndLeavesOnHandAtTen()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);

        var result = await harness.Reserve("cart", Line("l1", "A", 5));

        Assert.Equal(LedgerStatus.Applied, result.Status);
        var entry = Assert.Single(result.Entries);
        Assert.Equal(EntryKind.Reserved, entry.Kind);
        Assert.Equal(5, entry.Quantity);
        Assert.Equal(Expect.Position(onHand: 10, reserved: 5), await harness.Position("A", "W1"));
        Assert.Equal(5, (await harness.Position("A", "W1")).Available);
    }

    [Fact]
    public async Task ReserveCart_FiveWithThreeInStock_RefusesNamingSkuRequestedAndAvailable()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);

        var result = await harness.Reserve("cart", Line("l1", "A", 5));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(new Sku("A"), shortfall.Sku);
        Assert.Equal("l1", shortfall.LineId);
        Assert.Equal(5, shortfall.Requested);
        Assert.Equal(3, shortfall.Available);
        Assert.Contains("SKU A", result.Message, StringComparison.Ordinal);
        Assert.Contains("requested 5, available 3", result.Message, StringComparison.Ordinal);
        Assert.Empty(result.Entries);
        Assert.Equal(Expect.Position(onHand: 3), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReserveCart_PinnedLocationShort_NamesTheLocation()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);

        var result = await harness.Reserve("cart", Line("l1", "A", 5, "W1"));

        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(new LocationId("W1"), shortfall.Location);
        Assert.Contains("SKU A at W1: requested 5, available 3", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReserveCart_LinesOf97And23OnOneSkuWith108Available_RefusesWholeCartAndHoldsNothing()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 108);

        var result = await harness.Reserve("cart", Line("l1", "A", 97), Line("l2", "A", 23));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal("l2", shortfall.LineId);
        Assert.Equal(23, shortfall.Requested);
        Assert.Equal(11, shortfall.Available);
        Assert.Equal(Expect.Position(onHand: 108), await harness.Position("A", "W1"));
        Assert.Equal(108, await harness.Available("A"));
        Assert.Equal(1, harness.Store.JournalLength);
    }

    [Fact]
    public async Task ReserveCart_OneLineShortAmongSeveralSkus_HoldsNoLineOfTheCart()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Receive("B", "W1", 1);

        var result = await harness.Reserve("cart", Line("l1", "A", 4), Line("l2", "B", 2));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(Expect.Position(onHand: 10), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 1), await harness.Position("B", "W1"));
    }

    [Fact]
    public async Task ReserveCart_SameLineAgain_ReplacesTheLineInsteadOfAddingToIt()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Reserve("cart", Line("l1", "A", 6));

        var result = await harness.Reserve("cart", Line("l1", "A", 8));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(Expect.Position(onHand: 10, reserved: 8), await harness.Position("A", "W1"));
        Assert.Equal([EntryKind.Released, EntryKind.Reserved], result.Entries.Select(e => e.Kind));
    }

    [Fact]
    public async Task ReserveCart_UnknownSku_RefusesWithNothingAvailable()
    {
        var harness = new LedgerHarness();

        var result = await harness.Reserve("cart", Line("l1", "NEVER-RECEIVED", 1));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(0, Assert.Single(result.Shortfalls).Available);
        Assert.Equal(0, harness.Store.JournalLength);
    }
}
