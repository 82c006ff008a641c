namespace Inventory.Core.Adjustments;

/// <summary>How an adjustment request states its quantity.</summary>
public enum AdjustmentMode
{
    /// <summary>The quantity is a signed change: positive adds units, negative removes them.</summary>
    Delta = 1,

    /// <summary>
    /// The quantity is an absolute count of the bucket: on hand for the available bucket, the bucket's own units
    /// otherwise.
    /// </summary>
    Count = 2,
}
