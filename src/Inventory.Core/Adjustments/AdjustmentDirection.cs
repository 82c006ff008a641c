namespace Inventory.Core.Adjustments;

/// <summary>The directions a reason code may move stock in.</summary>
[Flags]
public enum AdjustmentDirection
{
    /// <summary>No direction; never valid in a policy.</summary>
    None = 0,

    /// <summary>Units may be added.</summary>
    Increase = 1,

    /// <summary>Units may be removed.</summary>
    Decrease = 2,

    /// <summary>Units may be added or removed.</summary>
    Either = Increase | Decrease,
}
