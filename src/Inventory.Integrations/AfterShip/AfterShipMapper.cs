using System.Text.Json;
using Inventory.Core.Returns;
using Inventory.Integrations.Payloads;
using static Inventory.Integrations.Payloads.PayloadReader;

namespace Inventory.Integrations.AfterShip;

/// <summary>Maps AfterShip Returns webhook bodies to ledger commands.</summary>
/// <remarks>
/// <para>
/// <c>return.approved</c> initiates a return line per item at <see cref="MappingOptions.ReturnLocation"/>; a
/// bundle item is initiated as its children (<c>bundled_items</c>), which later receipts refer to; a bundle item
/// sold as one of <see cref="MappingOptions.SoldBundles"/> on the payload's order is initiated as the composition
/// recorded at the time of sale instead.
/// <c>return.rejected</c>, <c>return.expired</c> and a return whose status is <c>done</c> release what is still
/// expected. <c>return.receiving.created</c> receives items by id with their quantity, each grade going to the
/// condition <see cref="MappingOptions.GradeConditions"/> gives it (ungraded units and unknown grades go to
/// inspection). <c>return.restock.created</c> (or <c>restock.created</c>) restocks inspected items: quality
/// control becomes available. <c>return.submitted</c> moves nothing; the older <c>return.created</c> and
/// <c>return.updated</c> act on the return's status.
/// </para>
/// <para>Ids are strings. Safe for concurrent use when the options are not changed.</para>
/// </remarks>
public sealed partial class AfterShipMapper
{
    private readonly MappingOptions _options;

    /// <summary>Initializes a mapper.</summary>
    /// <param name="options">Locations, grade meanings and the SKU resolver.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    public AfterShipMapper(MappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Gets the topics this mapper understands.</summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        "return.submitted", "return.approved", "return.rejected", "return.expired", "return.resolved",
        "return.receiving.created", "return.restock.created", "restock.created", "return.created", "return.updated",
    ];

    /// <summary>Maps one webhook body.</summary>
    /// <param name="topic">The event name.</param>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>The commands, or the items the resolver did not know.</returns>
    /// <exception cref="PayloadException">
    /// Thrown when the topic is unknown or the body is invalid; the message names the JSON path.
    /// </exception>
    public MappingResult Map(string topic, ReadOnlyMemory<byte> body)
    {
        if (!Topics.Contains(topic, StringComparer.Ordinal))
        {
            throw new PayloadException(
                "$", $"unknown AfterShip topic '{topic}'; known topics: {string.Join(", ", Topics)}");
        }

        using var document = Parse(body);
        var root = document.RootElement;
        var context = new MappingContext(_options);
        switch (topic)
        {
            case "return.receiving.created":
                Receiving(context, root);
                break;
            case "return.restock.created" or "restock.created":
                Restock(context, root);
                break;
            default:
                ByStatus(context, root, topic);
                break;
        }

        return context.Result();
    }

    private static void ByStatus(MappingContext context, JsonElement root, string topic)
    {
        var returnId = Id(root, "$", "id");
        var status = topic switch
        {
            "return.approved" => "approved",
            "return.rejected" => "rejected",
            "return.expired" => "expired",
            "return.submitted" => "submitted",
            _ => String(root, "$", "status"),
        };

        switch (status)
        {
            case "approved":
                Approve(context, root, returnId);
                break;
            case "rejected":
                context.Add(new CloseReturn($"aftership:{returnId}:rejected", returnId, ReturnClosure.Cancelled));
                break;
            case "expired":
                context.Add(new CloseReturn($"aftership:{returnId}:expired", returnId, ReturnClosure.Expired));
                break;
            case "done":
                context.Add(new CloseReturn($"aftership:{returnId}:done", returnId, ReturnClosure.Closed));
                break;
            case "submitted" or "shipped" or "received":
                break;
            default:
                throw new PayloadException("$.status", $"unknown return status '{status}'");
        }
    }

    private static void Approve(MappingContext context, JsonElement root, string returnId)
    {
        var index = 0;
        var order = OrderNumber(root);
        foreach (var item in Array(root, "$", "items"))
        {
            var at = Index("$", "items", index++);
            if (SoldBundle(context, item, at, order) is { } sold)
            {
                InitiateAsSold(context, item, at, returnId, sold);
                continue;
            }

            var children = OptionalArray(item, at, "bundled_items");
            var childIndex = 0;
            foreach (var child in children)
            {
                InitiateItem(context, child, Index(at, "bundled_items", childIndex++), returnId);
            }

            if (childIndex == 0)
            {
                InitiateItem(context, item, at, returnId);
            }
        }
    }

    private static void InitiateItem(MappingContext context, JsonElement item, string path, string returnId)
    {
        var itemId = Id(item, path, "id");
        var quantity = Quantity(item, path, "quantity");
        var sku = context.Resolve(context.Item(item, path), path);
        if (quantity > 0)
        {
            context.Add(new InitiateReturn(
                $"aftership:{returnId}/{itemId}", returnId, itemId, sku, context.Options.ReturnLocation, quantity)
            {
                Source = "aftership",
            });
        }
    }

    private static void Receiving(MappingContext context, JsonElement root)
    {
        var receivingId = Id(root, "$", "id");
        var returnId = Id(root, "$", "return_id");
        var index = 0;
        foreach (var item in Array(root, "$", "items"))
        {
            var at = Index("$", "items", index++);
            var itemId = Id(item, at, "id");
            var quantity = Quantity(item, at, "quantity");
            var receipts = Receipts(context, item, at, quantity);
            if (receipts.Count > 0)
            {
                context.Add(new ReceiveReturn($"aftership:receiving:{receivingId}/{itemId}", returnId, itemId, receipts)
                {
                    Source = "aftership",
                });
            }
        }
    }

    private static List<ReturnReceipt> Receipts(MappingContext context, JsonElement item, string path, long quantity)
    {
        var byCondition = new Dictionary<ReturnCondition, long>();
        long graded = 0;
        var index = 0;
        foreach (var grading in OptionalArray(item, path, "gradings"))
        {
            var at = Index(path, "gradings", index++);
            var grade = String(grading, at, "grade");
            var units = Quantity(grading, at, "quantity");
            graded = checked(graded + units);
            var condition = context.Options.GradeConditions.TryGetValue(grade, out var c)
                ? c
                : ReturnCondition.NeedsInspection;
            byCondition[condition] = checked(byCondition.GetValueOrDefault(condition) + units);
        }

        if (graded > quantity)
        {
            throw new PayloadException(
                Join(path, "gradings"), $"grades cover {graded} units but the item received {quantity}");
        }

        if (graded < quantity)
        {
            var rest = quantity - graded;
            var inspect = byCondition.GetValueOrDefault(ReturnCondition.NeedsInspection);
            byCondition[ReturnCondition.NeedsInspection] = checked(inspect + rest);
        }

        return byCondition.Where(p => p.Value > 0)
            .OrderBy(p => p.Key)
            .Select(p => new ReturnReceipt(p.Key, p.Value))
            .ToList();
    }

    private static void Restock(MappingContext context, JsonElement root)
    {
        var restockId = Id(root, "$", "id");
        var returnId = Id(root, "$", "return_id");
        var index = 0;
        foreach (var item in Array(root, "$", "items"))
        {
            var at = Index("$", "items", index++);
            var itemId = Id(item, at, "id");
            var quantity = Quantity(item, at, "quantity");
            var sku = context.Resolve(context.Item(item, at), at);
            var location = OptionalId(item, at, "location_id") is { } id
                ? context.Options.Location(id)
                : context.Options.ReturnLocation;
            if (quantity > 0)
            {
                context.Add(new CompleteInspection(
                    $"aftership:restock:{restockId}/{itemId}", sku, location, quantity, InspectionOutcome.Resellable,
                    $"return:{returnId}/{itemId}")
                {
                    Source = "aftership",
                });
            }
        }
    }
}
