namespace Inventory.Core.Stock;

/// <summary>Identifies the stock of one SKU at one location.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location that holds the stock.</param>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public readonly record struct PositionKey(Sku Sku, LocationId Location) : IComparable<PositionKey>
{
    /// <inheritdoc/>
    public int CompareTo(PositionKey other)
    {
        var bySku = Sku.CompareTo(other.Sku);

        return bySku != 0 ? bySku : Location.CompareTo(other.Location);
    }

    /// <summary>Returns "SKU @ location".</summary>
    /// <returns>The key as text.</returns>
    public override string ToString() => $"{Sku} @ {Location}";
}
