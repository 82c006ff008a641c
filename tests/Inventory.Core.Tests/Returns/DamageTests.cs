using Inventory.Core.Ledger;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Returns;

public sealed class DamageTests
{
    private static readonly Sku Mug = new("MUG");
    private static readonly LocationId Shelf = new("W1");

    [Fact]
    public async Task ReportDamage_OnTheShelf_MovesAvailableToDamagedAtOnce()
    {
        var harness = new LedgerHarness();
        await harness.Receive("MUG", "W1", 10);

        var result = await harness.Apply(new ReportDamage("dmg-1", Mug, Shelf, 3, Reference: "found-broken"));

        Assert.Equal(Expect.Position(onHand: 10, damaged: 3), await harness.Position("MUG", "W1"));
        Assert.Equal(7, await harness.Available("MUG"));
        Assert.Equal([EntryKind.DamageReported, EntryKind.Damaged], result.Entries.Select(e => e.Kind));
        Assert.Equal(default, result.Entries[0].Change);
    }

    [Fact]
    public async Task ReportDamage_DeliveredTwice_DamagesOnce()
    {
        var harness = new LedgerHarness();
        await harness.Receive("MUG", "W1", 10);

        await harness.Apply(new ReportDamage("dmg-1", Mug, Shelf, 3));
        var again = await harness.Apply(new ReportDamage("dmg-1", Mug, Shelf, 3));

        Assert.True(again.IsReplay);
        Assert.Equal(Expect.Position(onHand: 10, damaged: 3), await harness.Position("MUG", "W1"));
    }

    [Fact]
    public async Task ReportDamage_UnitsHeldByAnOrder_AppliesAndRecordsTheOversell()
    {
        var harness = new LedgerHarness();
        await harness.Receive("MUG", "W1", 4);
        await harness.PlaceExternal("o1", ExternalLine("l1", "MUG", "W1", 3));

        var result = await harness.Apply(new ReportDamage("dmg", Mug, Shelf, 2));

        var oversell = Assert.Single(result.Oversells);
        Assert.Equal(1, oversell.Quantity);
        Assert.Equal(-1, (await harness.Position("MUG", "W1")).Available);
    }

    [Fact]
    public async Task ReportDamage_MoreThanIntactUnits_IsRefusedAndChangesNothing()
    {
        var harness = new LedgerHarness();
        await harness.Receive("MUG", "W1", 5);
        await harness.Apply(new ReportDamage("dmg-1", Mug, Shelf, 4));

        var result = await harness.Run(new ReportDamage("dmg-2", Mug, Shelf, 2));

        Assert.Equal(LedgerStatus.InsufficientStock, result.Status);
        Assert.Contains(
            "needs 2 units in intact stock of MUG @ W1, which has 1",
            result.Message,
            StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 5, damaged: 4), await harness.Position("MUG", "W1"));
    }
}
