using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Integrations.Payloads;
using static Inventory.Integrations.Payloads.PayloadReader;

namespace Inventory.Integrations.AfterShip;

/// <content>Returns of bundle items measured against the composition recorded at the time of sale.</content>
public sealed partial class AfterShipMapper
{
    private static string? OrderNumber(JsonElement root) =>
        root.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Object
            ? OptionalString(order, "$.order", "order_number")
            : null;

    /// <summary>
    /// Finds the recorded bundle line an item returns, by its SKU: AfterShip items carry their own ids, not the
    /// order's line ids, so an item whose bundle is on several lines of the order is noted as unresolved.
    /// </summary>
    private static BundleOrderLine? SoldBundle(MappingContext context, JsonElement item, string path, string? order) =>
        context.SoldBundle(order, null, context.Item(item, path), path);

    /// <summary>
    /// Initiates one return line per recorded component, with the recorded units per bundle times the bundles
    /// returned. A listed child keeps its own id, which later receipts refer to; a recorded component the payload
    /// does not list gets "item id/SKU".
    /// </summary>
    /// <exception cref="PayloadException">Thrown when a listed child is not in the bundle as sold.</exception>
    private static void InitiateAsSold(
        MappingContext context, JsonElement item, string path, string returnId, BundleOrderLine sold)
    {
        var itemId = Id(item, path, "id");
        var bundles = Quantity(item, path, "quantity");
        var childIds = ChildIds(context, item, path, sold);
        if (bundles <= 0 || !context.ReturnBundles(sold, bundles, path))
        {
            return;
        }

        foreach (var component in sold.PerBundle)
        {
            var lineId = childIds.GetValueOrDefault(component.Sku) ?? $"{itemId}/{component.Sku}";
            context.Add(new InitiateReturn(
                $"aftership:{returnId}/{lineId}", returnId, lineId, component.Sku, context.Options.ReturnLocation,
                checked(component.Quantity * bundles))
            {
                Source = "aftership",
            });
        }
    }

    private static Dictionary<Sku, string> ChildIds(
        MappingContext context, JsonElement item, string path, BundleOrderLine sold)
    {
        var ids = new Dictionary<Sku, string>();
        var index = 0;
        foreach (var child in OptionalArray(item, path, "bundled_items"))
        {
            var at = Index(path, "bundled_items", index++);
            var sku = context.Resolve(context.Item(child, at), at);
            if (!sold.PerBundle.Any(c => c.Sku == sku))
            {
                throw new PayloadException(
                    at,
                    $"component {sku} was not in bundle {sold.Bundle} as sold on order '{sold.OrderId}' line "
                    + $"'{sold.LineId}' ({string.Join(", ", sold.PerBundle)})");
            }

            ids.TryAdd(sku, Id(child, at, "id"));
        }

        return ids;
    }
}
