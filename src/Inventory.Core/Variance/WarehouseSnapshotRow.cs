using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>One row of the warehouse's stock export.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location that holds the stock.</param>
/// <param name="OnHand">Units physically present.</param>
/// <param name="Allocated">Units promised to open orders.</param>
/// <param name="Damaged">Units damaged and not sellable.</param>
/// <param name="QualityControl">Units waiting for inspection.</param>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public readonly record struct WarehouseSnapshotRow(
    Sku Sku,
    LocationId Location,
    long OnHand,
    long Allocated,
    long Damaged,
    long QualityControl)
{
    /// <summary>Gets the units the warehouse could sell: on hand less allocated, damaged and in inspection.</summary>
    /// <exception cref="OverflowException">Thrown when the subtraction leaves the 64-bit range.</exception>
    public long Sellable => checked(OnHand - Allocated - Damaged - QualityControl);
}
