using Inventory.Core.Stock;

namespace Inventory.Integrations;

/// <summary>Turns the way a payload names an item into the SKU the ledger keys stock by.</summary>
/// <remarks>Implementations must be safe for concurrent use; the mappers call them from any thread.</remarks>
public interface ISkuResolver
{
    /// <summary>Finds the SKU of an item.</summary>
    /// <param name="item">The ids the payload carries.</param>
    /// <param name="sku">The SKU when found.</param>
    /// <returns>True when the item is known.</returns>
    bool TryResolve(ItemReference item, out Sku sku);
}
