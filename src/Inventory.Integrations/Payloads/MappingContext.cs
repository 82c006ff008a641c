using System.Text.Json;
using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Integrations.Payloads;

/// <summary>One mapping in progress: the options, the commands so far and the items not resolved.</summary>
internal sealed class MappingContext(MappingOptions options)
{
    private readonly List<LedgerCommand> _commands = [];
    private readonly List<UnresolvedItem> _unresolved = [];

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

    /// <summary>
    /// Finds the bundle line recorded on <paramref name="orderId"/> (see <see cref="MappingOptions.SoldBundles"/>)
    /// that a returned item is, without noting the item when the resolver does not know it.
    /// </summary>
    public BundleOrderLine? SoldBundle(string? orderId, ItemReference item)
    {
        var sold = Options.SoldBundles;
        if (orderId is null || sold.Count == 0 || !Options.Resolver.TryResolve(item, out var sku))
        {
            return null;
        }

        return sold.FirstOrDefault(
            l => string.Equals(l.OrderId, orderId, StringComparison.Ordinal) && l.Bundle == sku);
    }

    public ItemReference Item(JsonElement element, string path) => new(
        PayloadReader.OptionalString(element, path, "sku") is { Length: > 0 } sku ? sku : null,
        PayloadReader.OptionalId(element, path, "variant_id"),
        PayloadReader.OptionalId(element, path, "inventory_item_id"),
        PayloadReader.OptionalId(element, path, "product_id"));

    public MappingResult Result() => MappingResult.From(_commands, _unresolved);
}
