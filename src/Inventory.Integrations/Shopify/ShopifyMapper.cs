using System.Text.Json;
using Inventory.Core.Orders;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Integrations.Payloads;
using static Inventory.Integrations.Payloads.PayloadReader;

namespace Inventory.Integrations.Shopify;

/// <summary>Maps Shopify webhook bodies to ledger commands.</summary>
/// <remarks>
/// <para>
/// Topics: <c>orders/create</c> (an order committed at <see cref="MappingOptions.OrderLocation"/>),
/// <c>orders/cancelled</c>, <c>refunds/create</c> (one <see cref="RestockRefund"/> per refund line; for a bundle
/// sold as one of <see cref="MappingOptions.SoldBundles"/> on the order, one per recorded component's order line),
/// <c>returns/approve</c> (a return line initiated per return line item; for such a bundle, one line per recorded
/// component), <c>returns/cancel</c>,
/// <c>returns/close</c>, <c>inventory_levels/update</c>; <c>returns/request</c> and <c>returns/decline</c> move
/// no stock (a return counts as incoming once approved); nor does <c>orders/updated</c> (order edits are not
/// followed: an edit that removes a line reaches stock through its refund). Idempotency keys derive from
/// Shopify's own ids, so a webhook delivered twice maps to the same commands.
/// </para>
/// <para>
/// A body wrapped as in Shopify's documented examples (<c>{"response": {...}}</c>) or in a REST envelope
/// (<c>{"order": {...}}</c>, <c>{"refund": {...}}</c>, <c>{"inventory_level": {...}}</c>,
/// <c>{"inventory_levels": [...]}</c>) is unwrapped first. Ids are read as 64-bit integers or strings, never as
/// floating-point numbers.
/// </para>
/// <para>Stateless apart from its options; safe for concurrent use when the options are not changed.</para>
/// </remarks>
public sealed partial class ShopifyMapper
{
    private static readonly string[] Envelopes = ["order", "refund", "return", "inventory_level"];

    private readonly MappingOptions _options;

    /// <summary>Initializes a mapper.</summary>
    /// <param name="options">Locations, the SKU resolver and grade meanings.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    public ShopifyMapper(MappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Gets the topics this mapper understands.</summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        "orders/create", "orders/updated", "orders/cancelled", "refunds/create", "returns/request", "returns/approve",
        "returns/close", "returns/cancel", "returns/decline", "inventory_levels/update",
    ];

    /// <summary>Maps one webhook body.</summary>
    /// <param name="topic">The webhook topic (the X-Shopify-Topic header).</param>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>The commands, or the items the resolver did not know.</returns>
    /// <exception cref="PayloadException">
    /// Thrown when the topic is unknown or the body is malformed, misses a field, has a wrong type or a negative
    /// quantity; the message names the JSON path.
    /// </exception>
    public MappingResult Map(string topic, ReadOnlyMemory<byte> body)
    {
        if (!Topics.Contains(topic, StringComparer.Ordinal))
        {
            throw new PayloadException(
                "$", $"unknown Shopify topic '{topic}'; known topics: {string.Join(", ", Topics)}");
        }

        using var document = Parse(body);
        var context = new MappingContext(_options);
        foreach (var (root, path) in Unwrap(document.RootElement))
        {
            MapOne(context, topic, root, path);
        }

        return context.Result();
    }

    private static void MapOne(MappingContext context, string topic, JsonElement root, string path)
    {
        switch (topic)
        {
            case "orders/create":
                OrderCreated(context, root, path);
                break;
            case "orders/cancelled":
                var orderId = Id(root, path, "id");
                context.Add(new CancelOrder($"shopify:orders/cancelled:{orderId}", orderId) { Source = "shopify" });
                break;
            case "refunds/create":
                RefundCreated(context, root, path);
                break;
            case "returns/approve":
                ReturnApproved(context, root, path);
                break;
            case "returns/cancel":
                ReturnClosed(context, root, path, ReturnClosure.Cancelled, "cancel");
                break;
            case "returns/close":
                ReturnClosed(context, root, path, ReturnClosure.Closed, "close");
                break;
            case "inventory_levels/update":
                InventoryLevels(context, root, path);
                break;
            default:
                // orders/updated, returns/request and returns/decline: checked for their id, no stock moves.
                Id(root, path, "id");
                break;
        }
    }

    private static IEnumerable<(JsonElement Root, string Path)> Unwrap(JsonElement root)
    {
        if (root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("name", out _))
        {
            return [(response, "$.response")];
        }

        if (root.TryGetProperty("id", out _))
        {
            return [(root, "$")];
        }

        foreach (var name in Envelopes)
        {
            if (root.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                return [(inner, "$." + name)];
            }

            if (root.TryGetProperty(name + "s", out var list) && list.ValueKind == JsonValueKind.Array
                && name != "inventory_level")
            {
                return list.EnumerateArray().Select((item, i) => (item, $"$.{name}s[{i}]")).ToList();
            }
        }

        return [(root, "$")];
    }

    private static void OrderCreated(MappingContext context, JsonElement root, string path)
    {
        var orderId = Id(root, path, "id");
        var lines = new List<ExternalOrderLine>();
        var index = 0;
        // An order listing may leave line items out; such an order carries no quantities to commit.
        foreach (var line in OptionalArray(root, path, "line_items"))
        {
            var at = Index(path, "line_items", index++);
            var lineId = Id(line, at, "id");
            var quantity = Quantity(line, at, "quantity");
            var sku = context.Resolve(context.Item(line, at), at);
            if (quantity > 0)
            {
                lines.Add(new ExternalOrderLine(lineId, sku, context.Options.OrderLocation, quantity));
            }
        }

        if (lines.Count > 0)
        {
            var key = $"shopify:orders/create:{orderId}";
            context.Add(new PlaceExternalOrder(key, orderId, lines) { Source = "shopify" });
        }
    }

    private static void RefundCreated(MappingContext context, JsonElement root, string path)
    {
        var refundId = Id(root, path, "id");
        var orderId = Id(root, path, "order_id");
        var legacy = OptionalBool(root, path, "restock");
        var index = 0;
        foreach (var line in Array(root, path, "refund_line_items"))
        {
            var at = Index(path, "refund_line_items", index++);
            var lineId = Id(line, at, "id");
            var orderLineId = Id(line, at, "line_item_id");
            var quantity = Quantity(line, at, "quantity");
            var restock = Restock(line, at, legacy);
            var location = OptionalId(line, at, "location_id") is { } id
                ? context.Options.Location(id)
                : (LocationId?)null;
            if (restock == RefundRestock.Return)
            {
                location ??= context.Options.ReturnLocation;
            }

            if (quantity > 0 && RefundedBundle(context, line, at, orderId, orderLineId) is { } sold)
            {
                var key = $"shopify:refunds/create:{refundId}/{lineId}";
                RestockAsSold(context, key, sold, quantity, restock, location);
            }
            else if (quantity > 0)
            {
                context.Add(new RestockRefund(
                    $"shopify:refunds/create:{refundId}/{lineId}", orderId, orderLineId, quantity, restock, location)
                {
                    Source = "shopify",
                });
            }
        }
    }

    /// <summary>
    /// Reads a refund line's restock type. Refunds made before restock types existed carry a refund-wide
    /// <c>restock</c> flag instead (and <c>legacy_restock</c> marks them): those restock shipped units as a
    /// return and unshipped ones as a cancel, judged by the line item's fulfilment status.
    /// </summary>
    private static RefundRestock Restock(JsonElement line, string path, bool legacyRestock)
    {
        var type = OptionalString(line, path, "restock_type");
        return type switch
        {
            "return" => RefundRestock.Return,
            "cancel" => RefundRestock.Cancel,
            "no_restock" => RefundRestock.NoRestock,
            "legacy_restock" => Legacy(line, path),
            null => legacyRestock ? Legacy(line, path) : RefundRestock.NoRestock,
            _ => throw new PayloadException(
                Join(path, "restock_type"),
                $"unknown restock type '{type}'; expected return, cancel, no_restock or legacy_restock"),
        };
    }

    private static RefundRestock Legacy(JsonElement line, string path)
    {
        var item = Object(line, path, "line_item");
        var status = OptionalString(item, Join(path, "line_item"), "fulfillment_status");

        return status is "fulfilled" or "partial" ? RefundRestock.Return : RefundRestock.Cancel;
    }

    private static void ReturnApproved(MappingContext context, JsonElement root, string path)
    {
        var returnId = Id(root, path, "id");
        var order = ReturnOrderId(root, path);
        var index = 0;
        foreach (var line in Array(root, path, "return_line_items"))
        {
            var at = Index(path, "return_line_items", index++);
            var lineId = Id(line, at, "id");
            var quantity = Quantity(line, at, "quantity");
            var (item, itemPath) = ReturnedItem(line, at);
            var orderLineId = OptionalId(item, itemPath, "id");
            if (context.SoldBundle(order, orderLineId, context.Item(item, itemPath), itemPath) is { } sold)
            {
                if (context.ReturnBundles(sold, quantity, itemPath))
                {
                    context.InitiateComponents(
                        "shopify:returns/approve:", "shopify", returnId, lineId, quantity, sold);
                }
                continue;
            }

            var sku = context.Resolve(context.Item(item, itemPath), itemPath);
            if (quantity > 0)
            {
                context.Add(new InitiateReturn(
                    $"shopify:returns/approve:{returnId}/{lineId}", returnId, lineId, sku,
                    context.Options.ReturnLocation, quantity)
                {
                    Source = "shopify",
                });
            }
        }
    }

    private static (JsonElement Item, string Path) ReturnedItem(JsonElement line, string path)
    {
        if (TryGet(line, path, "fulfillment_line_item", out var fulfilment)
            && fulfilment.ValueKind == JsonValueKind.Object)
        {
            var at = Join(path, "fulfillment_line_item");
            return (Object(fulfilment, at, "line_item"), Join(at, "line_item"));
        }

        return (Object(line, path, "line_item"), Join(path, "line_item"));
    }

    private static void ReturnClosed(
        MappingContext context, JsonElement root, string path, ReturnClosure closure, string verb)
    {
        var returnId = Id(root, path, "id");
        context.Add(new CloseReturn($"shopify:returns/{verb}:{returnId}", returnId, closure) { Source = "shopify" });
    }

    private static void InventoryLevels(MappingContext context, JsonElement root, string path)
    {
        if (TryGet(root, path, "inventory_levels", out _))
        {
            var index = 0;
            foreach (var level in Array(root, path, "inventory_levels"))
            {
                InventoryLevel(context, level, Index(path, "inventory_levels", index++));
            }

            return;
        }

        InventoryLevel(context, root, path);
    }

    private static void InventoryLevel(MappingContext context, JsonElement level, string path)
    {
        var itemId = Id(level, path, "inventory_item_id");
        var locationId = Id(level, path, "location_id");
        var available = Signed(level, path, "available");
        var updated = OptionalString(level, path, "updated_at") ?? "-";
        var sku = context.Resolve(new ItemReference(InventoryItemId: itemId), path);
        context.Add(new SetAvailable(
            $"shopify:inventory_levels/update:{itemId}@{locationId}:{updated}",
            sku,
            context.Options.Location(locationId),
            available)
        {
            Source = "shopify",
        });
    }
}
