using Inventory.Core.Reservations;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Regressions;

/// <summary>An availability read whose sum over locations passes the 64-bit range reports the largest figure.</summary>
public sealed class AvailabilityLimitTests
{
    [Fact]
    public async Task GetAvailableAsync_LocationsSummingPastTheLimit_SaturatesAtLongMaxValue()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", long.MaxValue);
        await harness.Receive("A", "W2", long.MaxValue);
        await harness.Receive("A", "W3", 5);

        Assert.Equal(long.MaxValue, await harness.Available("A"));
    }

    [Fact]
    public async Task GetAvailableAsync_OwnHoldsOnTopOfSaturatedStock_StillSaturate()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", long.MaxValue);
        await harness.Receive("A", "W2", long.MaxValue);
        await harness.Apply(new ReserveCart("k", "cart", [Line("l1", "A", 7, "W1")]));

        Assert.Equal(long.MaxValue, await harness.Available("A", "cart"));
        Assert.Equal(long.MaxValue, await harness.Available("A", "other-cart"));
    }

    [Fact]
    public async Task GetAvailableAsync_SumJustBelowTheLimit_IsExact()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", long.MaxValue - 10);
        await harness.Receive("A", "W2", 10);
        await harness.Apply(new ReserveCart("k", "cart", [Line("l1", "A", 4, "W2")]));

        Assert.Equal(long.MaxValue - 4, await harness.Available("A"));
        Assert.Equal(long.MaxValue, await harness.Available("A", "cart"));
    }
}
