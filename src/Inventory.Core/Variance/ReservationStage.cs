namespace Inventory.Core.Variance;

/// <summary>The step of a cart reservation an event reports.</summary>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public enum ReservationStage
{
    /// <summary>The channel held units for a cart.</summary>
    Placed = 0,

    /// <summary>The hold ran out before checkout and its units went back to available.</summary>
    Expired = 1,
}
