using Inventory.Core.Stock;

namespace Inventory.Core.Adjustments;

/// <summary>
/// What one reason code allows: a plain options class, checked once by <see cref="AdjustmentPolicy"/>.
/// </summary>
/// <remarks>Not thread-safe while being configured; do not change it after building a policy from it.</remarks>
public sealed class ReasonPolicy
{
    /// <summary>Gets or sets the directions the code may move stock in.</summary>
    /// <value>Default <see cref="AdjustmentDirection.Either"/>.</value>
    public AdjustmentDirection Direction { get; set; } = AdjustmentDirection.Either;

    /// <summary>Gets or sets the only bucket the code may move; null lets it move any bucket.</summary>
    /// <value>Default <see cref="StockBucket.Available"/>.</value>
    public StockBucket? Bucket { get; set; } = StockBucket.Available;

    /// <summary>Gets or sets whether a note is required.</summary>
    /// <value>Default false.</value>
    public bool RequiresNote { get; set; }

    /// <summary>Gets or sets whether a reference document is required.</summary>
    /// <value>Default false.</value>
    public bool RequiresReference { get; set; }

    /// <summary>
    /// Gets or sets the units a change may move before a second person must approve it; null for no limit.
    /// </summary>
    /// <value>Default null.</value>
    public long? ApprovalAboveUnits { get; set; }

    /// <summary>
    /// Gets or sets the percent of on hand (before the change) a change may move before a second person must
    /// approve it; null for no limit. With nothing on hand, any change is above a percent limit.
    /// </summary>
    /// <value>Default null.</value>
    public int? ApprovalAbovePercentOfOnHand { get; set; }
}
