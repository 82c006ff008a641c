namespace Inventory.Core.Adjustments;

/// <summary>What the policy says about an adjustment request.</summary>
public enum AdjustmentVerdict
{
    /// <summary>The request may reach the ledger (within limits, or approved by a second person).</summary>
    Allowed = 1,

    /// <summary>The request breaks no rule but is above an approval limit and nobody approved it yet.</summary>
    NeedsApproval = 2,

    /// <summary>The request breaks at least one rule.</summary>
    Refused = 3,
}
