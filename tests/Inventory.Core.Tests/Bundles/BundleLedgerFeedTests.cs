using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Tests.Support;
using NodaTime;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

public sealed class BundleLedgerFeedTests
{
    [Fact]
    public async Task RefreshAsync_ComponentHeldOnItsOwn_ReportsTheComponentAndEveryBundleContainingIt()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 20);
        await harness.Receive("B", "W1", 10);
        await harness.Receive("Z", "W1", 7);
        var catalog = Catalog(Kit("KIT", C("A", 2), C("B", 1)), Kit("BIG", C("KIT", 2)), Kit("OTHER", C("Z", 1)));
        var index = await BundleLedgerFeed.CreateIndexAsync(harness.Ledger, catalog, LedgerHarness.Start);
        Assert.Equal(10, index.Availability(S("KIT")));
        Assert.Equal(5, index.Availability(S("BIG")));

        var held = await harness.Run(new ReserveCart("k1", "solo", [LedgerHarness.Line("x", "A", 5)]));
        var refused = await harness.Run(new ReserveCart("k2", "solo2", [LedgerHarness.Line("y", "Z", 50)]));
        var changes = await BundleLedgerFeed.RefreshAsync(harness.Ledger, index, [held, refused]);

        Assert.Equal(LedgerStatus.InsufficientStock, refused.Status);
        Assert.Equal(
            [
                new AvailabilityChange(S("A"), 20, 15, IsBundle: false),
                new AvailabilityChange(S("BIG"), 5, 3, IsBundle: true),
                new AvailabilityChange(S("KIT"), 10, 7, IsBundle: true),
            ],
            changes.OrderBy(c => c.IsBundle).ThenBy(c => c.Sku));
        Assert.Equal(7, index.Availability(S("OTHER")));
    }

    [Fact]
    public async Task SweepAsync_HeldKitsExpired_RestoresAvailabilityAndReportsTheChange()
    {
        var harness = new LedgerHarness();
        await harness.Receive("A", "W1", 10);
        await harness.Receive("B", "W1", 5);
        var catalog = Catalog(Kit("KIT", C("A", 2), C("B", 1)));
        var index = await BundleLedgerFeed.CreateIndexAsync(harness.Ledger, catalog, LedgerHarness.Start);
        var reservation = BundleCart.Reserve(
            catalog, "k1", "cart", [new BundleCartLine("l1", S("KIT"), 4)], LedgerHarness.Start);
        var held = await harness.Apply(reservation.Command);
        await BundleLedgerFeed.RefreshAsync(harness.Ledger, index, [held]);
        Assert.Equal(1, index.Availability(S("KIT")));

        harness.Clock.Advance(harness.Ttl + Duration.FromSeconds(1));
        var changes = await BundleLedgerFeed.SweepAsync(harness.Ledger, index);

        Assert.Equal(5, index.Availability(S("KIT")));
        Assert.Equal(
            [
                new AvailabilityChange(S("A"), 2, 10, IsBundle: false),
                new AvailabilityChange(S("B"), 1, 5, IsBundle: false),
                new AvailabilityChange(S("KIT"), 1, 5, IsBundle: true),
            ],
            changes.OrderBy(c => c.IsBundle).ThenBy(c => c.Sku));
        Assert.Empty(await BundleLedgerFeed.SweepAsync(harness.Ledger, index));
    }
}
