using Inventory.Core.Adjustments;
using Inventory.Core.DependencyInjection;
using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Adjustments;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Core.Tests.DependencyInjection;

public sealed class InventoryAdjustmentsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddInventoryAdjustments_Defaults_AppliesThroughTheSharedLedgerAndLogs()
    {
        using var provider = new ServiceCollection().AddInventoryAdjustments().BuildServiceProvider();
        var ledger = provider.GetRequiredService<InventoryLedger>();
        await ledger.ExecuteAsync(new ReceiveStock("po-1", new Sku("A"), new LocationId("W1"), 50));

        var outcome = await provider.GetRequiredService<ManualAdjustments>()
            .SubmitAsync("adj-1", Requests.Change(-4, reason: ReasonCodes.Shrinkage));

        Assert.True(outcome.IsApplied);
        Assert.Equal(46, (await ledger.GetPositionAsync(new Sku("A"), new LocationId("W1"))).OnHand);
        Assert.Equal(outcome.LogEntry, Assert.Single(provider.GetRequiredService<AdjustmentLog>().Entries));
    }

    [Fact]
    public void AddInventoryAdjustments_CalledTwiceWithChanges_AppliesBothOnceEachOverOneSetOfServices()
    {
        var services = new ServiceCollection()
            .AddInventoryAdjustments(o => o.Policies["sync_fix"] = new ReasonPolicy())
            .AddInventoryAdjustments(o => o.Policies.Remove(ReasonCodes.Shrinkage));
        using var provider = services.BuildServiceProvider();

        var policy = provider.GetRequiredService<AdjustmentPolicy>();

        Assert.True(policy.Contains("sync_fix"));
        Assert.False(policy.Contains(ReasonCodes.Shrinkage));
        Assert.Single(services, d => d.ServiceType == typeof(ManualAdjustments));
        Assert.Single(services, d => d.ServiceType == typeof(InventoryLedger));
        Assert.Same(policy, provider.GetRequiredService<AdjustmentPolicy>());
    }

    [Fact]
    public async Task AddInventoryAdjustments_RestoredLogRegisteredFirst_NewEntriesContinueItsChain()
    {
        var earlier = new AdjustmentLog();
        earlier.Append(Requests.Change(-1));
        var restored = AdjustmentLog.Restore(earlier.Entries, earlier.HeadHash);
        using var provider = new ServiceCollection().AddSingleton(restored).AddInventoryAdjustments()
            .BuildServiceProvider();
        var ledger = provider.GetRequiredService<InventoryLedger>();
        await ledger.ExecuteAsync(new ReceiveStock("po-1", new Sku("A"), new LocationId("W1"), 10));

        var outcome = await provider.GetRequiredService<ManualAdjustments>().SubmitAsync("adj-2", Requests.Change(-2));

        Assert.Same(restored, provider.GetRequiredService<AdjustmentLog>());
        Assert.Equal((2L, earlier.HeadHash), (outcome.LogEntry!.Sequence, outcome.LogEntry.PreviousHash));
    }

    [Fact]
    public void AddInventoryAdjustments_InvalidCatalogue_ThrowsListingTheProblemOnResolve()
    {
        using var provider = new ServiceCollection()
            .AddInventoryAdjustments(o => o.Policies["Bad Code"] = new ReasonPolicy())
            .BuildServiceProvider();

        var error = Assert.Throws<AdjustmentPolicyException>(() => provider.GetRequiredService<AdjustmentPolicy>());

        Assert.Contains("Bad Code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInventoryAdjustments_NullServices_Throws()
    {
        IServiceCollection services = null!;

        var error = Assert.Throws<ArgumentNullException>(() => services.AddInventoryAdjustments());

        Assert.Equal("services", error.ParamName);
    }
}
