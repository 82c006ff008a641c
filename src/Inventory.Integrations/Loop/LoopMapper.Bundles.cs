using Inventory.Core.Bundles;
using Inventory.Core.Returns;
using Inventory.Integrations.Payloads;

namespace Inventory.Integrations.Loop;

/// <content>Returns of bundle lines measured against the composition recorded at the time of sale.</content>
public sealed partial class LoopMapper
{
    /// <summary>
    /// Receives, as resellable, each component return line "line item id/SKU" that
    /// <see cref="MappingContext.InitiateComponents"/> created, with the recorded units per bundle times the bundles
    /// restocked.
    /// </summary>
    private static void RestockAsSold(
        MappingContext context, string returnId, string lineItemId, long bundles, BundleOrderLine sold)
    {
        if (bundles <= 0)
        {
            return;
        }

        foreach (var component in sold.PerBundle)
        {
            var lineId = $"{lineItemId}/{component.Sku}";
            context.Add(new ReceiveReturn(
                $"loop:restock:{returnId}/{lineId}", returnId, lineId,
                [new ReturnReceipt(ReturnCondition.Resellable, checked(component.Quantity * bundles))])
            {
                Source = "loop",
            });
        }
    }

    /// <summary>
    /// Notes a restocked line item id that is a recorded bundle line when the body names no order: the open return
    /// created its component lines "line item id/SKU" from the order's recorded composition, and without the order
    /// the line item id alone cannot tell which recorded line, and so which component lines, it is.
    /// </summary>
    private static void RefuseUnplacedBundleLine(MappingContext context, string lineItemId, string path)
    {
        var orders = context.Options.SoldBundles
            .Where(l => string.Equals(l.LineId, lineItemId, StringComparison.Ordinal))
            .Select(l => $"'{l.OrderId}'")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (orders.Count > 0)
        {
            context.NoteUnresolved(
                path,
                new ItemReference(),
                $"line item '{lineItemId}' is a recorded bundle line (order {string.Join(", ", orders)}), and a "
                + "restock that names no order_id cannot tell which component return lines it restocks");
        }
    }
}
