using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>How the weekly review cuts weeks and ties reasons to root causes.</summary>
/// <remarks>Not thread-safe while being configured; do not change it after building a reviewer from it.</remarks>
public sealed class WeeklyReviewOptions
{
    /// <summary>The key under which adjustments without a reason are tallied.</summary>
    public const string NoReason = "(none)";

    /// <summary>Gets or sets the first day of a week; Monday gives ISO weeks.</summary>
    /// <value>Default <see cref="IsoDayOfWeek.Monday"/>.</value>
    public IsoDayOfWeek WeekStart { get; set; } = IsoDayOfWeek.Monday;

    /// <summary>
    /// Gets the root cause each reason code most likely patches; <see cref="NoReason"/> for no reason.
    /// </summary>
    /// <value>
    /// Default: correction and cycle_count_available to sync races; damaged, restock and quality_control to returns
    /// not flowing; promotion to bundle mismodelling (gifts and sets deducted by hand); shrinkage, other and no reason
    /// to unlogged adjustments; received and safety_stock to none. A code not listed counts as unlogged.
    /// </value>
    public IDictionary<string, RootCause> RootCauses { get; } =
        new Dictionary<string, RootCause>(StringComparer.Ordinal)
    {
        [ReasonCodes.Correction] = RootCause.SyncRaces,
        [ReasonCodes.CycleCountAvailable] = RootCause.SyncRaces,
        [ReasonCodes.Damaged] = RootCause.ReturnsNotFlowing,
        [ReasonCodes.Restock] = RootCause.ReturnsNotFlowing,
        [ReasonCodes.QualityControl] = RootCause.ReturnsNotFlowing,
        [ReasonCodes.Promotion] = RootCause.BundleMismodelling,
        [ReasonCodes.Shrinkage] = RootCause.UnloggedAdjustments,
        [ReasonCodes.Other] = RootCause.UnloggedAdjustments,
        [NoReason] = RootCause.UnloggedAdjustments,
        [ReasonCodes.Received] = RootCause.None,
        [ReasonCodes.SafetyStock] = RootCause.None,
    };
}
