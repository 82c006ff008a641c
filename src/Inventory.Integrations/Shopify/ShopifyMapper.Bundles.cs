using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Integrations.Payloads;
using static Inventory.Integrations.Payloads.PayloadReader;

namespace Inventory.Integrations.Shopify;

/// <content>
/// Returns and refunds of bundle lines, measured against the composition recorded at the time of sale.
/// </content>
public sealed partial class ShopifyMapper
{
    /// <summary>Gets the order a return belongs to: <c>order.id</c>, or <c>order_id</c> in older bodies.</summary>
    private static string? ReturnOrderId(JsonElement root, string path) =>
        TryGet(root, path, "order", out var order) && order.ValueKind == JsonValueKind.Object
            ? OptionalId(order, Join(path, "order"), "id")
            : OptionalId(root, path, "order_id");

    /// <summary>Finds the recorded bundle line a refund line refunds, by its <c>line_item_id</c>.</summary>
    private static BundleOrderLine? RefundedBundle(
        MappingContext context, JsonElement line, string path, string orderId, string orderLineId)
    {
        var item = TryGet(line, path, "line_item", out var element) && element.ValueKind == JsonValueKind.Object
            ? context.Item(element, Join(path, "line_item"))
            : new ItemReference();

        return context.SoldBundle(orderId, orderLineId, item, path);
    }

    /// <summary>
    /// Restocks each recorded component's order line (the bundle line id/SKU, as the ledger committed it) with the
    /// recorded units per bundle times the bundles refunded.
    /// </summary>
    private static void RestockAsSold(
        MappingContext context, string key, BundleOrderLine sold, long bundles, RefundRestock restock,
        LocationId? location)
    {
        var sale = sold.ToSale();
        foreach (var component in sold.PerBundle)
        {
            context.Add(new RestockRefund(
                $"{key}/{component.Sku}", sold.OrderId, sale.ComponentLineId(component.Sku),
                checked(component.Quantity * bundles), restock, location)
            {
                Source = "shopify",
            });
        }
    }
}
