using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Properties;

/// <summary>
/// Quantities near the 64-bit limits: every command either applies exactly as the 128-bit reference model
/// computes it, or is refused with <see cref="InvalidCommandException"/> and changes nothing.
/// </summary>
[Collection(LedgerPropertiesCollection.Name)]
public class ExactArithmeticTests
{
    [Property(MaxTest = 2500, EndSize = 100)]
    public Property LedgerNearTheLimits_Meets_Specification() =>
        Prop.ForAll(
            LedgerGenerators.Scenarios(LedgerGenerators.ExtremeStep),
            (Scenario s) => { LedgerModelTests.RunAgainstModel(s); });

    /// <summary>Commands refused near the limits (invalid ones above all) leave the whole store as it was.</summary>
    [Property(MaxTest = 1500, EndSize = 100)]
    public Property RefusalNearTheLimits_Meets_AllOrNothing() =>
        Prop.ForAll(
            LedgerGenerators.Scenarios(LedgerGenerators.ExtremeStep),
            (Scenario s) => LedgerInvariantTests.RequireRefusalsChangeNothing(s));

    [Fact]
    public async Task ExecuteAsync_ReceiptBeyondTheLimit_ThrowsAndChangesNothing()
    {
        var driver = new LedgerDriver(LedgerConfig.Default);
        var sku = LedgerWorld.Sku(0);
        var here = LedgerWorld.Location(0);
        await driver.Ledger.ExecuteAsync(new ReceiveStock("r1", sku, here, long.MaxValue - 5));

        await Assert.ThrowsAsync<InvalidCommandException>(
            () => driver.Ledger.ExecuteAsync(new ReceiveStock("r2", sku, here, 6)).AsTask());

        Assert.Equal(long.MaxValue - 5, (await driver.Ledger.GetPositionAsync(sku, here)).OnHand);
        Assert.Equal(1, driver.Store.JournalLength);
    }

    [Fact]
    public async Task ExecuteAsync_ReceiptUpToTheLimit_AppliesExactly()
    {
        var driver = new LedgerDriver(LedgerConfig.Default);
        var sku = LedgerWorld.Sku(0);
        var here = LedgerWorld.Location(0);
        await driver.Ledger.ExecuteAsync(new ReceiveStock("r1", sku, here, long.MaxValue - 5));

        var result = await driver.Ledger.ExecuteAsync(new ReceiveStock("r2", sku, here, 5));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(long.MaxValue, (await driver.Ledger.GetPositionAsync(sku, here)).Available);
    }
}
