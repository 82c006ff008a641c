using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>One row of the channel's stock export: the units the channel offers for sale.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location the channel sells from.</param>
/// <param name="Available">The available count the channel shows; may be negative.</param>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public readonly record struct ChannelSnapshotRow(Sku Sku, LocationId Location, long Available);
