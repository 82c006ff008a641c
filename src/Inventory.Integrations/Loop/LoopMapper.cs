using System.Globalization;
using System.Text.Json;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Integrations.Payloads;
using static Inventory.Integrations.Payloads.PayloadReader;

namespace Inventory.Integrations.Loop;

/// <summary>Maps Loop Returns webhook bodies to ledger commands.</summary>
/// <remarks>
/// <para>
/// Topics <c>return.created</c>, <c>return.updated</c> and <c>return.closed</c> (or the legacy topic
/// <c>return</c>) act on the return's <c>state</c>: <c>open</c> initiates a return line per line item id at
/// <see cref="MappingOptions.ReturnLocation"/> (Loop's line items carry no quantity: two units are two lines
/// sharing a line item id, so they are counted; a line item that is a bundle sold as one of
/// <see cref="MappingOptions.SoldBundles"/> on the return's <c>order_id</c> is initiated as one line per recorded
/// component, "line item id/SKU"); <c>cancelled</c>, <c>expired</c> and <c>closed</c> release what
/// is still expected; <c>review</c> moves nothing yet. <c>restock.requested</c> (or <c>restock</c>) restocks
/// <c>restock_items</c>: in the current shape each names a location, an item and an
/// <c>available_adjustment</c>, and becomes a returned receipt at that location; in the older shape the items
/// are keyed by line item id with string quantities, and become resellable receipts of those return lines (a
/// line item that is one of <see cref="MappingOptions.SoldBundles"/> on the body's <c>order_id</c> becomes a
/// receipt of each component line "line item id/SKU" the open return created; without an <c>order_id</c>, a line
/// item id that is a recorded bundle line is reported unresolved, since its component lines cannot be known).
/// </para>
/// <para>Safe for concurrent use when the options are not changed.</para>
/// </remarks>
public sealed partial class LoopMapper
{
    private readonly MappingOptions _options;

    /// <summary>Initializes a mapper.</summary>
    /// <param name="options">Locations and the SKU resolver.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    public LoopMapper(MappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Gets the topics this mapper understands.</summary>
    public static IReadOnlyList<string> Topics { get; } =
        ["return.created", "return.updated", "return.closed", "return", "restock.requested", "restock"];

    /// <summary>Maps one webhook body.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>The commands, or the items the resolver did not know.</returns>
    /// <exception cref="PayloadException">
    /// Thrown when the topic is unknown or the body is invalid; the message names the JSON path.
    /// </exception>
    public MappingResult Map(string topic, ReadOnlyMemory<byte> body)
    {
        if (!Topics.Contains(topic, StringComparer.Ordinal))
        {
            throw new PayloadException("$", $"unknown Loop topic '{topic}'; known topics: {string.Join(", ", Topics)}");
        }

        using var document = Parse(body);
        var root = document.RootElement;
        var context = new MappingContext(_options);
        if (topic.StartsWith("restock", StringComparison.Ordinal))
        {
            Restock(context, root);
        }
        else
        {
            Return(context, root);
        }

        return context.Result();
    }

    private static void Return(MappingContext context, JsonElement root)
    {
        var returnId = Id(root, "$", "id");
        var state = String(root, "$", "state");
        switch (state)
        {
            case "open":
                Initiate(context, root, returnId);
                break;
            case "cancelled":
            case "expired":
            case "closed":
                var closure = state switch
                {
                    "cancelled" => ReturnClosure.Cancelled,
                    "expired" => ReturnClosure.Expired,
                    _ => ReturnClosure.Closed,
                };
                context.Add(new CloseReturn($"loop:return:{returnId}:{state}", returnId, closure) { Source = "loop" });
                break;
            case "review":
            case "needs_review":
                break;
            default:
                throw new PayloadException(
                    "$.state", $"unknown return state '{state}'; expected open, review, cancelled, expired or closed");
        }
    }

    private static void Initiate(MappingContext context, JsonElement root, string returnId)
    {
        var units = new Dictionary<string, (long Count, Sku Sku, ItemReference Item, string Path)>(
            StringComparer.Ordinal);
        var order = new List<string>();
        var index = 0;
        foreach (var line in Array(root, "$", "line_items"))
        {
            var at = Index("$", "line_items", index++);
            var lineItemId = Id(line, at, "line_item_id");
            var item = context.Item(line, at);
            var sku = context.Resolve(item, at);
            if (units.TryGetValue(lineItemId, out var seen))
            {
                units[lineItemId] = (checked(seen.Count + 1), seen.Sku, seen.Item, seen.Path);
                continue;
            }

            units.Add(lineItemId, (1, sku, item, at));
            order.Add(lineItemId);
        }

        var orderId = OptionalId(root, "$", "order_id");
        foreach (var lineItemId in order)
        {
            var (count, sku, item, at) = units[lineItemId];
            if (context.SoldBundle(orderId, lineItemId, item, at) is { } sold)
            {
                if (context.ReturnBundles(sold, count, at))
                {
                    context.InitiateComponents("loop:return:", "loop", returnId, lineItemId, count, sold);
                }
                continue;
            }

            context.Add(new InitiateReturn(
                $"loop:return:{returnId}/{lineItemId}", returnId, lineItemId, sku, context.Options.ReturnLocation,
                count)
            {
                Source = "loop",
            });
        }
    }

    private static void Restock(MappingContext context, JsonElement root)
    {
        var returnId = Id(root, "$", "id");
        if (!root.TryGetProperty("restock_items", out var items) || items.ValueKind == JsonValueKind.Null)
        {
            throw new PayloadException("$.restock_items", "is required and was missing or null");
        }

        if (items.ValueKind == JsonValueKind.Object)
        {
            RestockByLine(context, root, items, returnId);
            return;
        }

        var index = 0;
        foreach (var item in Array(root, "$", "restock_items"))
        {
            var at = Index("$", "restock_items", index++);
            var location = context.Options.Location(Id(item, at, "location_id"));
            var quantity = Quantity(item, at, "available_adjustment");
            var sku = context.Resolve(context.Item(item, at), at);
            if (quantity > 0)
            {
                context.Add(new ReceiveStock(
                    $"loop:restock:{returnId}/{index - 1}", sku, location, quantity, ReceiptKind.Return,
                    $"return:{returnId}")
                {
                    Source = "loop",
                });
            }
        }
    }

    private static void RestockByLine(MappingContext context, JsonElement root, JsonElement items, string returnId)
    {
        var orderId = OptionalId(root, "$", "order_id");
        foreach (var item in items.EnumerateObject())
        {
            var at = $"$.restock_items.{item.Name}";
            var text = item.Value.ValueKind == JsonValueKind.String ? item.Value.GetString() : item.Value.GetRawText();
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
            {
                throw new PayloadException(
                    at, $"a whole, non-negative quantity is expected (was {item.Value.GetRawText()})");
            }

            if (orderId is null)
            {
                // A noted line leaves the plain receipt below in place; an unresolved item drops every command.
                RefuseUnplacedBundleLine(context, item.Name, at);
            }
            else if (context.SoldBundle(orderId, item.Name, new ItemReference(), at) is { } sold)
            {
                RestockAsSold(context, returnId, item.Name, quantity, sold);
                continue;
            }

            if (quantity > 0)
            {
                context.Add(new ReceiveReturn(
                    $"loop:restock:{returnId}/{item.Name}", returnId, item.Name,
                    [new ReturnReceipt(ReturnCondition.Resellable, quantity)])
                {
                    Source = "loop",
                });
            }
        }
    }
}
