using Inventory.Core.Ledger;

namespace Inventory.Core.DependencyInjection;

/// <summary>One configure action registered by
/// <see cref="InventoryServiceCollectionExtensions.AddInventoryCore"/>.</summary>
internal sealed record InventoryOptionsConfiguration(Action<InventoryOptions> Configure);
