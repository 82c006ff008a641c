namespace Inventory.Core.Adjustments;

/// <summary>The root cause a manual adjustment most likely patches over.</summary>
public enum RootCause
{
    /// <summary>A routine move that patches nothing (stock received, safety stock set aside).</summary>
    None = 0,

    /// <summary>Concurrent orders and sync events left the count wrong; the adjustment puts it right.</summary>
    SyncRaces = 1,

    /// <summary>Returns or damages did not flow back as events; the adjustment does by hand what they should.</summary>
    ReturnsNotFlowing = 2,

    /// <summary>Bundles or kits deducted the wrong components; the adjustment evens them out.</summary>
    BundleMismodelling = 3,

    /// <summary>The count changed for no recorded reason: the adjustment is itself the unlogged change.</summary>
    UnloggedAdjustments = 4,
}
