namespace Inventory.Core.Variance;

/// <summary>Names the root cause a part of a difference is attributed to.</summary>
/// <remarks>
/// The wire names (see <see cref="VarianceCauseNames"/>) are part of the report format.
/// This type is an immutable value type and is safe to share between threads.
/// </remarks>
public enum VarianceCause
{
    /// <summary>
    /// Changes already in one system and not yet in the other (not a fault while within the normal lag).
    /// </summary>
    SyncTiming = 0,

    /// <summary>A channel write computed from a warehouse read that other activity overtook (a lost update).</summary>
    SyncRace = 1,

    /// <summary>Returns restocked, or damages taken out, in one system and not in the other.</summary>
    ReturnsNotFlowing = 2,

    /// <summary>A bundle sale deducted at a different level or quantity in the two systems.</summary>
    BundleMismodel = 3,

    /// <summary>A count change without a reason, or logged in one system only.</summary>
    UnloggedAdjustment = 4,

    /// <summary>What no rule explains; never hidden.</summary>
    Unexplained = 5,
}
