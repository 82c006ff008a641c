using Inventory.Core.Ledger;
using Inventory.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Inventory.Core.DependencyInjection;

/// <summary>Registers the ledger with a dependency-injection container.</summary>
public static class InventoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InventoryLedger"/>, the options, an <see cref="IInventoryStore"/> (the in-memory store
    /// unless one is registered) and an <see cref="IClock"/> (<see cref="SystemClock.Instance"/> unless one is
    /// registered), all as singletons. Calling it twice registers nothing twice; a second configure action is
    /// applied after the first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options; they are validated when the ledger is first resolved.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInventoryCore(
        this IServiceCollection services, Action<InventoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IInventoryStore, InMemoryInventoryStore>();
        services.TryAddSingleton<InventoryOptionsSetup>();
        if (configure is not null)
        {
            services.AddSingleton(new InventoryOptionsConfiguration(configure));
        }

        services.TryAddSingleton(provider => provider.GetRequiredService<InventoryOptionsSetup>().Build(provider));
        services.TryAddSingleton(provider => new InventoryLedger(
            provider.GetRequiredService<IInventoryStore>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<InventoryOptions>()));

        return services;
    }
}
