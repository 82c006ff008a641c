using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>A cart line that may name a bundle: it is reserved as its exploded components.</summary>
/// <param name="LineId">The line's id within the cart.</param>
/// <param name="Sku">The bundle (or plain) SKU sold.</param>
/// <param name="Quantity">Units sold; positive.</param>
/// <param name="Location">
/// The location every component is held at; null lets the allocation strategy choose for each component, which may
/// then come from different locations.
/// </param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record BundleCartLine(string LineId, Sku Sku, long Quantity, LocationId? Location = null);
