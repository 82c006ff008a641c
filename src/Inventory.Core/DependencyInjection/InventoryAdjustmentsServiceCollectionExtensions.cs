using Inventory.Core.Adjustments;
using Inventory.Core.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inventory.Core.DependencyInjection;

/// <summary>Registers the manual-adjustment services with a dependency injection container.</summary>
/// <remarks>The registration methods are not thread-safe, like the service collection they fill.</remarks>
public static class InventoryAdjustmentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ledger (as <see cref="InventoryServiceCollectionExtensions.AddInventoryCore"/> does), an
    /// <see cref="AdjustmentPolicy"/> built from <see cref="AdjustmentPolicyOptions.CreateDefault"/> and every
    /// <paramref name="configure"/> given, an empty <see cref="AdjustmentLog"/> and <see cref="ManualAdjustments"/>
    /// over them, all as singletons.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the default reason-code catalogue; calls accumulate in order.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is null.</exception>
    /// <remarks>
    /// Safe to call more than once. Services registered before the call win: register
    /// <c>AdjustmentLog.Restore(storedEntries)</c> first to continue a log kept elsewhere. An invalid catalogue
    /// throws <see cref="AdjustmentPolicyException"/>, listing every problem, when the policy is first resolved.
    /// </remarks>
    public static IServiceCollection AddInventoryAdjustments(
        this IServiceCollection services, Action<AdjustmentPolicyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddInventoryCore();
        if (configure is not null)
        {
            services.AddSingleton(new AdjustmentPolicyConfiguration(configure));
        }

        services.TryAddSingleton(BuildPolicy);
        services.TryAddSingleton<AdjustmentLog>();
        services.TryAddSingleton(provider => new ManualAdjustments(
            provider.GetRequiredService<InventoryLedger>(),
            provider.GetRequiredService<AdjustmentPolicy>(),
            provider.GetRequiredService<AdjustmentLog>()));

        return services;
    }

    private static AdjustmentPolicy BuildPolicy(IServiceProvider provider)
    {
        var options = AdjustmentPolicyOptions.CreateDefault();
        foreach (var configuration in provider.GetServices<AdjustmentPolicyConfiguration>())
        {
            configuration.Configure(options);
        }

        return new AdjustmentPolicy(options);
    }
}
