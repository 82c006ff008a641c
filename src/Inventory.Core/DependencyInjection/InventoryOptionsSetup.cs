using Inventory.Core.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Core.DependencyInjection;

/// <summary>Builds the options from every registered configure action, in registration order.</summary>
internal sealed class InventoryOptionsSetup
{
    public InventoryOptions Build(IServiceProvider provider)
    {
        var options = new InventoryOptions();
        foreach (var configuration in provider.GetServices<InventoryOptionsConfiguration>())
        {
            configuration.Configure(options);
        }

        options.Validate();

        return options;
    }
}
