namespace Inventory.Core.Reservations;

/// <summary>Whether a cart line may be supplied by more than one location.</summary>
public enum LineAllocation
{
    /// <summary>A line may be split across locations in whole units.</summary>
    Split = 1,

    /// <summary>A line is taken whole from one location.</summary>
    Whole = 2,
}
