using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>A sellable SKU whose availability changed, ready to push to a storefront.</summary>
/// <param name="Sku">The SKU: a bundle, or a component sold on its own.</param>
/// <param name="Previous">Its availability before the batch.</param>
/// <param name="Current">Its availability after the batch.</param>
/// <param name="IsBundle">True for a bundle, false for a component.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct AvailabilityChange(Sku Sku, long Previous, long Current, bool IsBundle);
