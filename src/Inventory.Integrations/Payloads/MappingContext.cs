using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Returns;
using Inventory.Core.Stock;

namespace Inventory.Integrations.Payloads;

/// <summary>One mapping in progress: the options, the commands so far and the items not resolved.</summary>
internal sealed class MappingContext(MappingOptions options)
{
    private readonly List<LedgerCommand> _commands = [];
    private readonly List<UnresolvedItem> _unresolved = [];
    private readonly Dictionary<(string Order, string Line), long> _bundlesReturned = [];

    public MappingOptions Options { get; } = options;

    public void Add(LedgerCommand command) => _commands.Add(command);

    /// <summary>Resolves an item; an unknown one is noted and a placeholder returned, to list them all.</summary>
    public Sku Resolve(ItemReference item, string path)
    {
        if (Options.Resolver.TryResolve(item, out var sku))
        {
            return sku;
        }

        _unresolved.Add(new UnresolvedItem(path, item));

        return new Sku("unresolved");
    }

    /// <summary>Notes an item that cannot be mapped, and why; the payload then maps to no command.</summary>
    public void NoteUnresolved(string path, ItemReference item, string reason) =>
        _unresolved.Add(new UnresolvedItem(path, item, reason));

    /// <summary>
    /// Finds the bundle line recorded on <paramref name="orderId"/> (see <see cref="MappingOptions.SoldBundles"/>)
    /// that a returned item is. A payload that names the order line is matched by that line id alone; one that
    /// does not is matched by the item's SKU when exactly one recorded line of the order holds it, and noted as
    /// unresolved when several do, since returning the wrong line's composition would move the wrong stock.
    /// </summary>
    /// <returns>The recorded line; null when the item is not a recorded bundle line (or is ambiguous).</returns>
    public BundleOrderLine? SoldBundle(string? orderId, string? lineId, ItemReference item, string path)
    {
        var sold = Options.SoldBundles;
        if (orderId is null || sold.Count == 0)
        {
            return null;
        }

        if (lineId is not null)
        {
            return sold.FirstOrDefault(
                l => OnOrder(l, orderId) && string.Equals(l.LineId, lineId, StringComparison.Ordinal));
        }

        if (!Options.Resolver.TryResolve(item, out var sku))
        {
            return null;
        }

        var lines = sold.Where(l => OnOrder(l, orderId) && l.Bundle == sku).ToList();
        if (lines.Count > 1)
        {
            var ids = string.Join(", ", lines.Select(l => $"'{l.LineId}'"));
            NoteUnresolved(
                path, item, $"bundle {sku} is on lines {ids} of order '{orderId}' and the payload names no order line");
        }

        return lines.Count == 1 ? lines[0] : null;
    }

    /// <summary>
    /// Counts <paramref name="bundles"/> returned of a recorded bundle line against the bundles it sold, over the
    /// whole payload. More than were sold is noted as unresolved, so the payload maps to no command: returning
    /// more than was sold is an error to look into, not a count to trust.
    /// </summary>
    /// <returns>True when the bundles returned so far fit within those sold.</returns>
    public bool ReturnBundles(BundleOrderLine sold, long bundles, string path)
    {
        var key = (sold.OrderId, sold.LineId);
        var returned = checked(_bundlesReturned.GetValueOrDefault(key) + Math.Max(bundles, 0));
        _bundlesReturned[key] = returned;
        if (returned <= sold.Quantity)
        {
            return true;
        }

        NoteUnresolved(
            path,
            new ItemReference(sold.Bundle.Value, null, null, null),
            $"the payload returns {returned} of bundle {sold.Bundle} on line '{sold.LineId}' of order " +
            $"'{sold.OrderId}', which sold {sold.Quantity}");

        return false;
    }

    /// <summary>
    /// Initiates one return line per recorded component, "line id/SKU", with the recorded units per bundle times
    /// the bundles returned; each command's key is <paramref name="keyPrefix"/> followed by the return and line.
    /// </summary>
    public void InitiateComponents(
        string keyPrefix, string source, string returnId, string lineId, long bundles, BundleOrderLine sold)
    {
        if (bundles <= 0)
        {
            return;
        }

        foreach (var component in sold.PerBundle)
        {
            var componentLine = $"{lineId}/{component.Sku}";
            Add(new InitiateReturn(
                $"{keyPrefix}{returnId}/{componentLine}", returnId, componentLine, component.Sku,
                Options.ReturnLocation, checked(component.Quantity * bundles))
            {
                Source = source,
            });
        }
    }

    public ItemReference Item(JsonElement element, string path) => new(
        PayloadReader.OptionalString(element, path, "sku") is { Length: > 0 } sku ? sku : null,
        PayloadReader.OptionalId(element, path, "variant_id"),
        PayloadReader.OptionalId(element, path, "inventory_item_id"),
        PayloadReader.OptionalId(element, path, "product_id"));

    public MappingResult Result() => MappingResult.From(_commands, _unresolved);

    private static bool OnOrder(BundleOrderLine line, string orderId) =>
        string.Equals(line.OrderId, orderId, StringComparison.Ordinal);
}
