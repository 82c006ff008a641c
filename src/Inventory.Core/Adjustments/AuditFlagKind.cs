namespace Inventory.Core.Adjustments;

/// <summary>An unusual pattern the daily report flags.</summary>
public enum AuditFlagKind
{
    /// <summary>An operator made far more adjustments than their own baseline rate.</summary>
    OperatorAboveBaseline = 1,

    /// <summary>One SKU was adjusted again and again within a window.</summary>
    RepeatedSku = 2,

    /// <summary>One SKU went up then down (or down then up) within a window.</summary>
    Flip = 3,

    /// <summary>Adjustments were made outside working hours.</summary>
    OutsideWorkingHours = 4,

    /// <summary>An adjustment moved more units than the threshold.</summary>
    LargeMagnitude = 5,

    /// <summary>Too large a share of the day's adjustments had reason "other" or none.</summary>
    UnexplainedShare = 6,
}
