using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Reservations;

public sealed class AvailabilityTests
{
    [Fact]
    public async Task GetAvailableAsync_StocksFourAndThree_SumsToSeven()
    {
        var harness = await FourAndThreeAsync();

        Assert.Equal(7, await harness.Available("A"));
    }

    [Fact]
    public async Task GetAvailableAsync_ReservationsThreeAndTwoByOtherCarts_LeavesTwo()
    {
        var harness = await FourAndThreeAsync();
        await harness.Apply(new ReserveCart("k1", "cart-1", [Line("l1", "A", 3, "W1")]));
        await harness.Apply(new ReserveCart("k2", "cart-2", [Line("l1", "A", 2, "W2")]));

        Assert.Equal(2, await harness.Available("A"));
        Assert.Equal(2, await harness.Available("A", "asking-cart"));
    }

    [Fact]
    public async Task GetAvailableAsync_ReservationsBelongToAskingCart_ShowsSevenAgain()
    {
        var harness = await FourAndThreeAsync();
        await harness.Apply(new ReserveCart("k1", "cart-1", [Line("l1", "A", 3, "W1"), Line("l2", "A", 2, "W2")]));

        Assert.Equal(2, await harness.Available("A"));
        Assert.Equal(7, await harness.Available("A", "cart-1"));
    }

    [Fact]
    public async Task GetAvailableAsync_ConfiguredLocations_CountsOnlyThoseLocations()
    {
        var harness = new LedgerHarness(o => o.Locations.Add(new LocationId("W1")));
        await harness.Receive("A", "W1", 4);
        await harness.Receive("A", "W-OTHER-CHANNEL", 3);

        Assert.Equal(4, await harness.Available("A"));
    }

    [Fact]
    public async Task GetAvailableAsync_NeverStocked_IsZero()
    {
        var harness = new LedgerHarness();

        Assert.Equal(0, await harness.Available("A"));
    }

    private static async Task<LedgerHarness> FourAndThreeAsync()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 4);
        await harness.Receive("A", "W2", 3);

        return harness;
    }
}
