using Inventory.Core.DependencyInjection;
using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Core.Tests.DependencyInjection;

public sealed class InventoryServiceCollectionExtensionsTests
{
    private static readonly Sku A = new("A");
    private static readonly LocationId W1 = new("W1");

    [Fact]
    public async Task AddInventoryCore_Defaults_ResolvesAWorkingLedgerOverTheInMemoryStore()
    {
        using var provider = new ServiceCollection().AddInventoryCore().BuildServiceProvider();

        var ledger = provider.GetRequiredService<InventoryLedger>();
        await ledger.ExecuteAsync(new ReceiveStock("po-1", A, W1, 4));

        Assert.IsType<InMemoryInventoryStore>(provider.GetRequiredService<IInventoryStore>());
        Assert.Same(provider.GetRequiredService<IInventoryStore>(), ledger.Store);
        Assert.Same(ledger, provider.GetRequiredService<InventoryLedger>());
        Assert.Equal(4, (await ledger.GetPositionAsync(A, W1)).OnHand);
    }

    [Fact]
    public async Task AddInventoryCore_NoClockRegistered_UsesTheSystemClock()
    {
        using var provider = new ServiceCollection().AddInventoryCore().BuildServiceProvider();
        var ledger = provider.GetRequiredService<InventoryLedger>();

        var before = SystemClock.Instance.GetCurrentInstant();
        var result = await ledger.ExecuteAsync(new ReceiveStock("po-1", A, W1, 1));
        var after = SystemClock.Instance.GetCurrentInstant();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.InRange(Assert.Single(result.Entries).At, before, after);
    }

    [Fact]
    public async Task AddInventoryCore_ClockRegisteredFirst_LedgerRunsOnThatClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2030, 6, 1, 12, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        using var provider = services.AddInventoryCore(o => o.ReservationTtl = Duration.FromMinutes(5))
            .BuildServiceProvider();
        var ledger = provider.GetRequiredService<InventoryLedger>();
        await ledger.ExecuteAsync(new ReceiveStock("po-1", A, W1, 4));
        var reserved = await ledger.ExecuteAsync(new ReserveCart("r-1", "cart", [new CartLine("l1", A, 3)]));

        clock.Advance(Duration.FromMinutes(5));

        Assert.Equal(clock.GetCurrentInstant() - Duration.FromMinutes(5), reserved.Entries[0].At);
        Assert.Equal(4, await ledger.GetAvailableAsync(A));
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public async Task AddInventoryCore_ClockRegisteredAfterwards_LedgerRunsOnThatClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2030, 6, 1, 12, 0));
        var services = new ServiceCollection().AddInventoryCore().AddSingleton<IClock>(clock);
        using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<InventoryLedger>()
            .ExecuteAsync(new ReceiveStock("po-1", A, W1, 1));

        Assert.Equal(clock.GetCurrentInstant(), Assert.Single(result.Entries).At);
    }

    [Fact]
    public void AddInventoryCore_StoreRegisteredFirst_KeepsThatStore()
    {
        var store = new InMemoryInventoryStore();
        var services = new ServiceCollection().AddSingleton<IInventoryStore>(store);

        using var provider = services.AddInventoryCore().BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<InventoryLedger>().Store);
    }

    [Fact]
    public void AddInventoryCore_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddInventoryCore().AddInventoryCore();

        Assert.Single(services, d => d.ServiceType == typeof(InventoryLedger));
        Assert.Single(services, d => d.ServiceType == typeof(IInventoryStore));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Single(services, d => d.ServiceType == typeof(InventoryOptions));
    }

    [Fact]
    public void AddInventoryCore_CalledTwiceWithSettings_AppliesBothInOrder()
    {
        var services = new ServiceCollection()
            .AddInventoryCore(o => o.ReservationTtl = Duration.FromMinutes(7))
            .AddInventoryCore(o => o.LineAllocation = LineAllocation.Whole);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<InventoryOptions>();

        Assert.Equal(Duration.FromMinutes(7), options.ReservationTtl);
        Assert.Equal(LineAllocation.Whole, options.LineAllocation);
        Assert.Same(provider.GetRequiredService<InventoryLedger>(), provider.GetRequiredService<InventoryLedger>());
    }

    [Fact]
    public void AddInventoryCore_InvalidOptions_ThrowsListingEveryProblem()
    {
        var services = new ServiceCollection().AddInventoryCore(o =>
        {
            o.ReservationTtl = Duration.Zero;
            o.MaxWriteAttempts = 0;
            o.AllocationStrategy = null!;
            o.LineAllocation = (LineAllocation)9;
            o.Locations.Add(new LocationId("W1"));
            o.Locations.Add(new LocationId("W1"));
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InventoryOptionsException>(() => provider.GetRequiredService<InventoryLedger>());

        Assert.Equal(5, error.Problems.Count);
        Assert.Contains("ReservationTtl must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxWriteAttempts must be at least 1 (was 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllocationStrategy must be set", error.Message, StringComparison.Ordinal);
        Assert.Contains("LineAllocation 9 is not a defined value", error.Message, StringComparison.Ordinal);
        Assert.Contains("Location 'W1' appears 2 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInventoryCore_NullServices_ThrowsArgumentNull()
    {
        var error = Assert.Throws<ArgumentNullException>(
            () => InventoryServiceCollectionExtensions.AddInventoryCore(null!));

        Assert.Equal("services", error.ParamName);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsBeforeAnyCommand()
    {
        var options = new InventoryOptions { ReservationTtl = Duration.FromSeconds(-1) };

        var error = Assert.Throws<InventoryOptionsException>(
            () => new InventoryLedger(new InMemoryInventoryStore(), SystemClock.Instance, options));

        Assert.Equal("ReservationTtl must be positive (was -0:00:00:01).", Assert.Single(error.Problems));
    }
}
