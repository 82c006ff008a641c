using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Reservations;

public sealed class MultiLocationAllocationTests
{
    [Fact]
    public async Task ReserveCart_HighestStockFirstWithThreeAndTwo_TakesThreeThenTwo()
    {
        var harness = new LedgerHarness(o => o.AllocationStrategy = HighestAvailableFirstAllocation.Instance);
        await harness.Receive("A", "W1", 2);
        await harness.Receive("A", "W2", 3);

        var result = await harness.Reserve("cart", Line("l1", "A", 5));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal([("W2", 3L), ("W1", 2L)], Holds(result));
        Assert.Equal(Expect.Position(onHand: 3, reserved: 3), await harness.Position("A", "W2"));
        Assert.Equal(Expect.Position(onHand: 2, reserved: 2), await harness.Position("A", "W1"));
    }

    [Fact]
    public async Task ReserveCart_HighestStockFirstLineFitsInOne_TakesAllFromTheFullest()
    {
        var harness = new LedgerHarness(o => o.AllocationStrategy = HighestAvailableFirstAllocation.Instance);
        await harness.Receive("A", "W1", 2);
        await harness.Receive("A", "W2", 3);

        var result = await harness.Reserve("cart", Line("l1", "A", 3));

        Assert.Equal([("W2", 3L)], Holds(result));
    }

    [Fact]
    public async Task ReserveCart_PriorityW2BeforeW1_TakesThreeFromW2AndTwoFromW1()
    {
        var harness = new LedgerHarness(o =>
        {
            o.Locations.Add(new LocationId("W2"));
            o.Locations.Add(new LocationId("W1"));
        });
        await harness.Receive("A", "W1", 4);
        await harness.Receive("A", "W2", 3);

        var result = await harness.Reserve("cart", Line("l1", "A", 5));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal([("W2", 3L), ("W1", 2L)], Holds(result));
        Assert.Equal(0, (await harness.Position("A", "W2")).Available);
        Assert.Equal(2, (await harness.Position("A", "W1")).Available);
    }

    [Fact]
    public async Task ReserveCart_ThreeAndThreeWithTwoAndOneCommitted_RefusesFour()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);
        await harness.Receive("A", "W2", 3);
        await harness.PlaceExternal("o1", ExternalLine("x1", "A", "W1", 2), ExternalLine("x2", "A", "W2", 1));

        var result = await harness.Reserve("cart", Line("l1", "A", 4));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(4, shortfall.Requested);
        Assert.Equal(3, shortfall.Available);
        Assert.Equal(Expect.Position(onHand: 3, committed: 2), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 3, committed: 1), await harness.Position("A", "W2"));
    }

    [Fact]
    public async Task ReserveCart_WholeLineAllocation_TakesTheLineFromOneLocationOnly()
    {
        var harness = new LedgerHarness(o => o.LineAllocation = LineAllocation.Whole);
        await harness.Receive("A", "W1", 3);
        await harness.Receive("A", "W2", 4);

        var result = await harness.Reserve("cart", Line("l1", "A", 4));

        Assert.Equal([("W2", 4L)], Holds(result));
    }

    [Fact]
    public async Task ReserveCart_WholeLineLargerThanAnyLocation_RefusesWithTheLargestSingleLocation()
    {
        var harness = new LedgerHarness(o => o.LineAllocation = LineAllocation.Whole);
        await harness.Receive("A", "W1", 3);
        await harness.Receive("A", "W2", 4);

        var result = await harness.Reserve("cart", Line("l1", "A", 5));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(4, Assert.Single(result.Shortfalls).Available);
        Assert.Equal(7, await harness.Available("A"));
    }

    [Fact]
    public async Task ReserveCart_SplitLineAllocation_SplitsInWholeUnitsInPriorityOrder()
    {
        var harness = new LedgerHarness(o => o.LineAllocation = LineAllocation.Split);
        await harness.Receive("A", "W1", 3);
        await harness.Receive("A", "W2", 4);

        var result = await harness.Reserve("cart", Line("l1", "A", 5));

        Assert.Equal([("W1", 3L), ("W2", 2L)], Holds(result));
    }

    [Fact]
    public async Task ReserveCart_OneLocationOversold_DoesNotOffsetAnotherLocation()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 1);
        await harness.Receive("A", "W2", 5);
        await harness.PlaceExternal("o1", ExternalLine("x1", "A", "W1", 4));
        var availableBefore = await harness.Available("A");

        var result = await harness.Reserve("cart", Line("l1", "A", 5));

        Assert.Equal(5, availableBefore);
        Assert.True(result.IsApplied, result.Message);
        Assert.Equal([("W2", 5L)], Holds(result));
        Assert.Equal(-3, (await harness.Position("A", "W1")).Available);
        Assert.Equal(0, await harness.Available("A"));
    }

    [Fact]
    public void Validate_SameLocationListedTwice_RefusesTheOptions()
    {
        var options = new InventoryOptions();
        options.Locations.Add(new LocationId("W1"));
        options.Locations.Add(new LocationId("W1"));

        var error = Assert.Throws<InventoryOptionsException>(options.Validate);

        Assert.Contains("Location 'W1' appears 2 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAvailableAsync_LocationReachedThroughStockAndThroughOwnHold_CountsItOnce()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 6);
        await harness.Receive("A", "W2", 1);
        await harness.Apply(new ReserveCart("k1", "cart", [Line("l1", "A", 2, "W1"), Line("l2", "A", 1, "W1")]));

        Assert.Equal(7, await harness.Available("A", "cart"));
        Assert.Equal(4, await harness.Available("A"));
    }

    [Fact]
    public async Task ReserveCart_TwoLinesPinnedToOneLocation_CheckThatLocationOnceForBoth()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 6);

        var result = await harness.Reserve("cart", Line("l1", "A", 3, "W1"), Line("l2", "A", 4, "W1"));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Equal(3, Assert.Single(result.Shortfalls).Available);
        Assert.Equal(Expect.Position(onHand: 6), await harness.Position("A", "W1"));
    }

    private static List<(string Location, long Quantity)> Holds(LedgerResult result) =>
        result.Entries
            .Where(e => e.Kind == EntryKind.Reserved)
            .Select(e => (e.Key.Location.Value, e.Quantity))
            .ToList();
}
