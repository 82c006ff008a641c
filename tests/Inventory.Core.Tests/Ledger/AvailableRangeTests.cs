using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Core.Tests.Support;
using NodaTime;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Ledger;

/// <summary>
/// A decision whose position would show an available figure outside the 64-bit range is refused whole: holds of
/// about 2^62 units, an order or a count that takes on hand below them, and a receipt past the largest on hand.
/// </summary>
public sealed class AvailableRangeTests
{
    private const long Hold = 1L << 62;
    private static readonly PositionKey Key = new(new Sku("A"), new LocationId("W1"));

    [Fact]
    public async Task ExecuteAsync_CountToOneUnderHoldsAndAnOversoldOrder_RefusedAndNothingChanges()
    {
        // Holds of 2^62 and 2^62 - 1 take all of long.MaxValue; the order of 3 is oversold. On hand 1 would leave
        // available at 1 - 3 - long.MaxValue, one unit below long.MinValue.
        var harness = await HeldToTheLimitAsync();
        await harness.PlaceExternal("order-1", ExternalLine("x1", "A", "W1", 3));
        var before = await StateAsync(harness);

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => harness.Run(Count("count-1", 1)));

        Assert.StartsWith("SetCount 'count-1' [", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "would take a stock figure beyond the 64-bit range; nothing was applied.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(harness));
        Assert.Equal(
            (long.MaxValue, 3L, long.MaxValue, -3L),
            (before.Stored.OnHand, before.Stored.Committed, before.Stored.Reserved, before.Stored.Available));
    }

    [Fact]
    public async Task ExecuteAsync_CountToOneUnderExpiredHoldsAndAnOrder_RefusedAndNothingChanges()
    {
        // Expired holds still count in the stored position until they are swept, so the order of 2^62 that the
        // effective figures allow leaves the stored deductions at 2^62 + long.MaxValue; a count to 1 cannot be shown.
        var harness = await HeldToTheLimitAsync();
        harness.Clock.Advance(harness.Ttl + Duration.FromSeconds(1));
        await harness.Apply(new PlaceExternalOrder("order-1", "order-1", [ExternalLine("x1", "A", "W1", Hold)]));
        var before = await StateAsync(harness);

        await Assert.ThrowsAsync<InvalidCommandException>(() => harness.Run(Count("count-1", 1)));

        Assert.Equal(before, await StateAsync(harness));
        Assert.Equal((long.MaxValue, Hold, 0L), (before.Effective.OnHand, before.Effective.Committed,
            before.Effective.Reserved));
        Assert.Equal((long.MaxValue, long.MaxValue), (before.Stored.Reserved, before.ExpiredReserved));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(6L)]
    [InlineData(long.MaxValue)]
    public async Task ExecuteAsync_ReceiptPastTheLargestOnHand_RefusedAndNothingChanges(long quantity)
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", long.MaxValue - 5);
        await harness.Apply(new ReserveCart("hold-1", "cart-1", [Line("l1", "A", Hold, "W1")]));
        await harness.Apply(new ReserveCart("hold-2", "cart-2", [Line("l1", "A", Hold - 6, "W1")]));
        await harness.Receive("A", "W1", 5);
        var before = await StateAsync(harness);

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            () => harness.Run(new ReceiveStock("po-9", Key.Sku, Key.Location, quantity)));

        Assert.StartsWith("ReceiveStock 'po-9' [", error.Message, StringComparison.Ordinal);
        Assert.Contains("beyond the 64-bit range; nothing was applied.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(harness));
        Assert.Equal((long.MaxValue, long.MaxValue - 5, 5L), (before.Stored.OnHand, before.Stored.Reserved,
            before.Stored.Available));
        Assert.Null(await harness.Store.FindOutcomeAsync("po-9"));
    }

    [Fact]
    public async Task ExecuteAsync_CountToOneUnderHoldsFillingTheRange_AppliedWithTheExactNegativeAvailable()
    {
        // The same holds without the order leave available at 1 - long.MaxValue, which fits: the count is applied
        // and the shortfall recorded as an oversell.
        var harness = await HeldToTheLimitAsync();
        var journal = (await harness.Journal()).Count;

        var result = await harness.Run(Count("count-1", 1));

        Assert.True(result.IsApplied, result.Message);
        var after = await StateAsync(harness);
        Assert.Equal((1L, long.MaxValue, 1 - long.MaxValue), (after.Stored.OnHand, after.Stored.Reserved,
            after.Stored.Available));
        Assert.Equal(journal + 2, after.JournalLength);
    }

    private static async Task<LedgerHarness> HeldToTheLimitAsync()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", long.MaxValue);
        await harness.Apply(new ReserveCart("hold-1", "cart-1", [Line("l1", "A", Hold, "W1")]));
        await harness.Apply(new ReserveCart("hold-2", "cart-2", [Line("l1", "A", Hold - 1, "W1")]));

        return harness;
    }

    private static SetCount Count(string key, long counted) => new(key, Key.Sku, Key.Location, counted);

    private static async Task<PositionState> StateAsync(LedgerHarness harness)
    {
        var now = harness.Clock.GetCurrentInstant();
        var stored = await harness.Store.GetPositionAsync(Key, now);
        var effective = await harness.Position("A", "W1");
        var journal = await harness.Journal();

        return new PositionState(stored.Stored, stored.ExpiredReserved, stored.Version, effective, journal.Count);
    }

    private sealed record PositionState(
        StockPosition Stored, long ExpiredReserved, long Version, StockPosition Effective, int JournalLength);
}
