using Inventory.Core.Bundles;
using Inventory.Core.Returns;
using Inventory.Integrations.Payloads;

namespace Inventory.Integrations.Loop;

/// <content>Returns of bundle lines measured against the composition recorded at the time of sale.</content>
public sealed partial class LoopMapper
{
    /// <summary>
    /// Initiates one return line per recorded component, "line item id/SKU", with the recorded units per bundle
    /// times the bundles returned (the lines sharing the line item id).
    /// </summary>
    private static void InitiateAsSold(
        MappingContext context, string returnId, string lineItemId, long bundles, BundleOrderLine sold)
    {
        foreach (var component in sold.PerBundle)
        {
            var lineId = $"{lineItemId}/{component.Sku}";
            context.Add(new InitiateReturn(
                $"loop:return:{returnId}/{lineId}", returnId, lineId, component.Sku, context.Options.ReturnLocation,
                checked(component.Quantity * bundles))
            {
                Source = "loop",
            });
        }
    }
}
