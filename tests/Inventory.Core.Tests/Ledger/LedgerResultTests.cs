using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Ledger;

public sealed class LedgerResultTests
{
    [Fact]
    public async Task ExecuteAsync_EntriesTotallingBeyondTheLongRange_ReportsTheAppliedResult()
    {
        var harness = new LedgerHarness();
        var order = new PlaceExternalOrder(
            "ext",
            "order",
            [ExternalLine("x1", "A", "W1", long.MaxValue), ExternalLine("x2", "B", "W1", long.MaxValue)]);

        var first = await harness.Run(order);
        var replay = await harness.Run(order);

        Assert.True(first.IsApplied, first.Message);
        Assert.Contains("18446744073709551614 units", first.Message, StringComparison.Ordinal);
        Assert.True(replay.IsReplay);
        Assert.Equal(first.Entries, replay.Entries);
        Assert.Equal(long.MaxValue, (await harness.Position("B", "W1")).Committed);
    }

    [Fact]
    public async Task ExecuteAsync_ReservationOfTwoHugeLines_ReportsTheAppliedResult()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", long.MaxValue);
        await harness.Receive("B", "W1", long.MaxValue);

        var result = await harness.Reserve("cart", Line("l1", "A", long.MaxValue), Line("l2", "B", long.MaxValue));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(long.MaxValue, (await harness.Position("A", "W1")).Reserved);
    }

    [Fact]
    public async Task Message_Applied_NamesEntriesUnitsAndOversells()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 3);

        var result = await harness.PlaceExternal("order", ExternalLine("x1", "A", "W1", 5));

        Assert.StartsWith("Applied 'external-", result.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            ": 2 entries, 5 units moved, 1 oversell(s) recorded.", result.Message, StringComparison.Ordinal);
        Assert.Equal(result.Message, result.ToString());
    }

    [Fact]
    public async Task Message_Refused_SaysNothingWasReserved()
    {
        var harness = new LedgerHarness();

        var result = await harness.Run(new ReserveCart("k", "cart", [Line("l1", "A", 2, "W1")]));

        Assert.Equal(
            "Insufficient stock for 'k'; nothing was reserved. line 'l1': SKU A at W1: requested 2, available 0.",
            result.Message);
    }
}
