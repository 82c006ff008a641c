using Inventory.Core.Stock;

namespace Inventory.Core.Adjustments;

/// <summary>An immutable copy of one reason code's checked policy.</summary>
internal readonly record struct CodePolicy(
    string Code,
    AdjustmentDirection Direction,
    StockBucket? Bucket,
    bool RequiresNote,
    bool RequiresReference,
    long? Units,
    int? Percent)
{
    public static CodePolicy From(string code, ReasonPolicy policy) => new(
        code,
        policy.Direction,
        policy.Bucket,
        policy.RequiresNote,
        policy.RequiresReference,
        policy.ApprovalAboveUnits,
        policy.ApprovalAbovePercentOfOnHand);
}
