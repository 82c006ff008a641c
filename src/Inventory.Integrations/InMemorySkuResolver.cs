using System.Collections.Concurrent;
using Inventory.Core.Stock;

namespace Inventory.Integrations;

/// <summary>
/// A resolver over maps the integrator fills: variant id to SKU and inventory item id to SKU, tried in that order;
/// then, unless turned off, the payload's own SKU text.
/// </summary>
/// <remarks>Safe for concurrent use: the maps are concurrent dictionaries.</remarks>
public sealed class InMemorySkuResolver : ISkuResolver
{
    private readonly ConcurrentDictionary<string, Sku> _byVariant = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Sku> _byInventoryItem = new(StringComparer.Ordinal);

    /// <summary>Gets or sets whether a payload's SKU text is used when no id matches. Default true.</summary>
    public bool TrustPayloadSkus { get; set; } = true;

    /// <summary>Maps a variant id to a SKU.</summary>
    /// <param name="variantId">The variant id as text.</param>
    /// <param name="sku">The SKU.</param>
    /// <returns>This resolver.</returns>
    public InMemorySkuResolver AddVariant(string variantId, Sku sku)
    {
        _byVariant[variantId] = sku;

        return this;
    }

    /// <summary>Maps an inventory item id to a SKU.</summary>
    /// <param name="inventoryItemId">The inventory item id as text.</param>
    /// <param name="sku">The SKU.</param>
    /// <returns>This resolver.</returns>
    public InMemorySkuResolver AddInventoryItem(string inventoryItemId, Sku sku)
    {
        _byInventoryItem[inventoryItemId] = sku;

        return this;
    }

    /// <inheritdoc/>
    public bool TryResolve(ItemReference item, out Sku sku)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.VariantId is { } variant && _byVariant.TryGetValue(variant, out sku))
        {
            return true;
        }

        if (item.InventoryItemId is { } inventoryItem && _byInventoryItem.TryGetValue(inventoryItem, out sku))
        {
            return true;
        }

        sku = default;

        return TrustPayloadSkus && item.Sku is { } text && Sku.TryCreate(text, out sku);
    }
}
