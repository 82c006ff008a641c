namespace Inventory.Integrations;

/// <summary>How a payload names an item: SKU text, variant, inventory item or product, as it has them.</summary>
/// <param name="Sku">The SKU text, if any.</param>
/// <param name="VariantId">The variant id, if any (kept as text, never as a floating-point number).</param>
/// <param name="InventoryItemId">The inventory item id, if any.</param>
/// <param name="ProductId">The product id, if any.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ItemReference(
    string? Sku = null, string? VariantId = null, string? InventoryItemId = null, string? ProductId = null)
{
    /// <summary>Returns the ids the reference carries, for messages.</summary>
    /// <returns>The reference as text.</returns>
    public override string ToString() =>
        string.Join(
            ", ",
            new[]
            {
                Sku is null ? null : $"sku '{Sku}'",
                VariantId is null ? null : $"variant {VariantId}",
                InventoryItemId is null ? null : $"inventory item {InventoryItemId}",
                ProductId is null ? null : $"product {ProductId}",
            }.Where(p => p is not null)) is { Length: > 0 } text ? text : "no id";
}
