namespace Inventory.Core.Adjustments;

/// <summary>The reason codes the default catalogue holds, named as storefronts commonly name them.</summary>
/// <remarks>Integrators add their own codes to <see cref="AdjustmentPolicyOptions.Policies"/>.</remarks>
public static class ReasonCodes
{
    /// <summary>A count was wrong and is put right.</summary>
    public const string Correction = "correction";

    /// <summary>A cycle count of sellable stock.</summary>
    public const string CycleCountAvailable = "cycle_count_available";

    /// <summary>Units found or written off as damaged.</summary>
    public const string Damaged = "damaged";

    /// <summary>A reason the catalogue does not name.</summary>
    public const string Other = "other";

    /// <summary>Units used for a promotion (samples, gifts).</summary>
    public const string Promotion = "promotion";

    /// <summary>Units arrived outside a purchase order flow.</summary>
    public const string Received = "received";

    /// <summary>Returned units put back into stock.</summary>
    public const string Restock = "restock";

    /// <summary>Units lost, stolen or missing.</summary>
    public const string Shrinkage = "shrinkage";

    /// <summary>Units moved into or out of inspection.</summary>
    public const string QualityControl = "quality_control";

    /// <summary>Units kept back as a buffer, or released from it.</summary>
    public const string SafetyStock = "safety_stock";
}
