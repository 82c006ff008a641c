using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Regressions;

/// <summary>
/// A key reused for a different command must be refused, however the ids of that command are spelt: separators
/// inside an id must never make two different commands look alike.
/// </summary>
public sealed class FingerprintTests
{
    private static readonly Sku A = new("A");
    private static readonly LocationId W1 = new("W1");

    [Fact]
    public async Task ExecuteAsync_CartWhoseLineIdSpellsTwoLines_IsAKeyConflict()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Receive("T", "W1", 10);
        await harness.Apply(new ReserveCart("k", "cart", [Line("a", "A", 1), Line("b", "T", 2)]));

        var forged = new ReserveCart("k", "cart", [Line("a=Ax1@, b", "T", 2)]);

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => harness.Run(forged));
        Assert.Equal(Expect.Position(onHand: 10, reserved: 2), await harness.Position("T", "W1"));
    }

    [Fact]
    public async Task ExecuteAsync_CancelOfOneLineIdHoldingASeparator_IsAKeyConflictWithCancelOfTwo()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.PlaceExternal("o1", ExternalLine("a", "A", "W1", 1), ExternalLine("b", "A", "W1", 1));
        await harness.Apply(new CancelOrder("k", "o1", ["a", "b"]));

        var reused = new CancelOrder("k", "o1", ["a, b"]);

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => harness.Run(reused));
    }

    [Fact]
    public async Task ExecuteAsync_ReceiptReferenceThatAbsorbsNothing_TellsNullFromEmptyText()
    {
        var harness = new LedgerHarness();
        await harness.Apply(new ReceiveStock("k", A, W1, 5, Reference: null));

        var reused = new ReceiveStock("k", A, W1, 5, Reference: "");

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => harness.Run(reused));
    }

    [Fact]
    public async Task ExecuteAsync_AdjustmentWhoseReasonSpellsTheOperator_IsAKeyConflict()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Apply(new AdjustStock("k", A, W1, -1, StockBucket.Available, "wet box", "ann"));

        var reused = new AdjustStock("k", A, W1, -1, StockBucket.Available, "wet", "box ann");

        await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => harness.Run(reused));
    }

    [Fact]
    public async Task ExecuteAsync_SameContentWithAnotherDeliveryTimeAndSource_IsAReplay()
    {
        var harness = new LedgerHarness();
        var first = await harness.Apply(new ReceiveStock("k", A, W1, 5) { At = Start, Source = "webhook" });

        var again = await harness.Run(
            new ReceiveStock("k", A, W1, 5)
            {
                At = Start + NodaTime.Duration.FromSeconds(90),
                Source = "webhook-retry",
            });

        Assert.True(again.IsReplay);
        Assert.Equal(first.Entries, again.Entries);
        Assert.Equal(Expect.Position(onHand: 5), await harness.Position("A", "W1"));
    }
}
