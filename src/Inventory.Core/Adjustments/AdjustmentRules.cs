namespace Inventory.Core.Adjustments;

/// <summary>The policy rules an adjustment request can break; several may be broken at once.</summary>
[Flags]
public enum AdjustmentRules
{
    /// <summary>No rule is broken.</summary>
    None = 0,

    /// <summary>The reason code is missing or blank.</summary>
    MissingReason = 1 << 0,

    /// <summary>The operator is missing or blank.</summary>
    MissingOperator = 1 << 1,

    /// <summary>The reason code is not in the catalogue.</summary>
    UnknownReason = 1 << 2,

    /// <summary>The change moves stock in a direction the reason code does not allow.</summary>
    DirectionNotAllowed = 1 << 3,

    /// <summary>The change moves a bucket other than the reason code's.</summary>
    WrongBucket = 1 << 4,

    /// <summary>The reason code requires a note and none was given.</summary>
    MissingNote = 1 << 5,

    /// <summary>The reason code requires a reference document and none was given.</summary>
    MissingReference = 1 << 6,

    /// <summary>The approver is the operator.</summary>
    SelfApproval = 1 << 7,

    /// <summary>The quantity is malformed: a zero change, a negative count, or an undefined mode or bucket.</summary>
    InvalidQuantity = 1 << 8,

    /// <summary>The change is larger than the code's approval limit and nobody approved it.</summary>
    ApprovalRequired = 1 << 9,
}
