using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Ledger;

public sealed class InvalidCommandTests
{
    private static readonly Sku A = new("A");
    private static readonly LocationId W1 = new("W1");

    public static TheoryData<string> BlankKeys => new() { string.Empty, " ", "\t\n" };

    [Theory]
    [MemberData(nameof(BlankKeys))]
    public async Task ExecuteAsync_BlankIdempotencyKey_ThrowsNamingTheCommandAndKey(string key)
    {
        var error = await ThrowsAsync(new ReceiveStock(key, A, W1, 1));

        Assert.Equal("ReceiveStock: the idempotency key must not be blank.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(long.MinValue)]
    public async Task ExecuteAsync_NonPositiveReceipt_ThrowsNamingTheQuantity(long quantity)
    {
        var error = await ThrowsAsync(new ReceiveStock("po-1", A, W1, quantity));

        Assert.Contains("'po-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(was {quantity})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ExecuteAsync_NonPositiveCartLine_ThrowsNamingLineSkuAndQuantity(long quantity)
    {
        var error = await ThrowsAsync(new ReserveCart("k", "cart", [Line("l1", "A", 1), Line("l2", "B", quantity)]));

        Assert.Contains("line 'l2' (B)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(was {quantity})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_DuplicateCartLineIds_ThrowsNamingTheLine()
    {
        var error = await ThrowsAsync(new ReserveCart("k", "cart", [Line("l1", "A", 1), Line("l1", "B", 2)]));

        Assert.Contains("line 'l1' appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_DuplicateExternalOrderLineIds_ThrowsNamingTheLine()
    {
        var error = await ThrowsAsync(new PlaceExternalOrder(
            "k", "order", [ExternalLine("x1", "A", "W1", 1), ExternalLine("x1", "A", "W1", 1)]));

        Assert.Contains("line 'x1' appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CartWithoutLines_ThrowsNamingTheCart()
    {
        var error = await ThrowsAsync(new ReserveCart("k", "cart-9", []));

        Assert.Contains("cart 'cart-9' has no lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ExternalOrderWithoutLines_ThrowsNamingTheOrder()
    {
        var error = await ThrowsAsync(new PlaceExternalOrder("k", "order-9", []));

        Assert.Contains("order 'order-9' has no lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_EmptyFulfilmentList_ThrowsSayingHowToShipAll()
    {
        var error = await ThrowsAsync(new FulfilOrder("k", "order", []));

        Assert.Contains("pass null to ship all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_NullCartLine_ThrowsNamingItsIndex()
    {
        var error = await ThrowsAsync(new ReserveCart("k", "cart", [Line("l1", "A", 1), null!]));

        Assert.Equal("ReserveCart 'k': the cart line at index 1 is null; remove it or fill it in.", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_NullOrderOrFulfilmentLine_ThrowsNamingItsIndex()
    {
        var external = await ThrowsAsync(new PlaceExternalOrder("k1", "order", [null!]));
        var fulfil = await ThrowsAsync(new FulfilOrder("k2", "order", [new FulfilmentLine("l1", 1), null!]));

        Assert.Contains("the order line at index 0 is null", external.Message, StringComparison.Ordinal);
        Assert.Contains("the fulfilment line at index 1 is null", fulfil.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_DefaultSkuOnACartLine_ThrowsNamingTheLine()
    {
        var error = await ThrowsAsync(new ReserveCart("k", "cart", [new CartLine("l7", default, 1)]));

        Assert.Contains("SKU of line 'l7' is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_DefaultSkuOrLocationOnAReceipt_ThrowsNamingTheField()
    {
        var noSku = await ThrowsAsync(new ReceiveStock("k1", default, W1, 1));
        var noLocation = await ThrowsAsync(new ReceiveStock("k2", A, default, 1));

        Assert.Contains("the SKU is not set", noSku.Message, StringComparison.Ordinal);
        Assert.Contains("the location is not set", noLocation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "cart id")]
    [InlineData(" ", "cart id")]
    public async Task ExecuteAsync_BlankCartId_ThrowsNamingTheField(string cartId, string field)
    {
        var error = await ThrowsAsync(new ExtendCart("k", cartId));

        Assert.Contains($"the {field} must not be blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_NegativeCount_ThrowsNamingTheCount()
    {
        var error = await ThrowsAsync(new SetCount("k", A, W1, -4));

        Assert.Contains("A @ W1 must not be negative (was -4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ZeroAdjustment_ThrowsNamingThePosition()
    {
        var error = await ThrowsAsync(new AdjustStock("k", A, W1, 0));

        Assert.Contains("the quantity for A @ W1 is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ChangeToZero_ThrowsNamingTheLine()
    {
        var error = await ThrowsAsync(new ChangeReservation("k", "cart", "l3", 0));

        Assert.Contains("new quantity of line 'l3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidCommand_ChangesNothingAndDoesNotBurnTheKey()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 5);
        await Assert.ThrowsAsync<InvalidCommandException>(
            () => harness.Run(new ReserveCart("k", "cart", [Line("l1", "A", 2), Line("l2", "A", 0)])));

        var valid = await harness.Run(new ReserveCart("k", "cart", [Line("l1", "A", 2)]));

        Assert.True(valid.IsApplied, valid.Message);
        Assert.Equal(Expect.Position(onHand: 5, reserved: 2), await harness.Position("A", "W1"));
    }

    private static async Task<InvalidCommandException> ThrowsAsync(LedgerCommand command)
    {
        var harness = new LedgerHarness();

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => harness.Run(command));
        Assert.Equal(0, harness.Store.JournalLength);

        return error;
    }
}
