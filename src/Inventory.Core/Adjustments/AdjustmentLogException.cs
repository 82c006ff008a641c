namespace Inventory.Core.Adjustments;

/// <summary>Thrown when stored entries cannot be restored into an <see cref="AdjustmentLog"/>.</summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class AdjustmentLogException : InventoryException
{
    /// <summary>Initializes the exception from a failed chain check.</summary>
    /// <param name="verification">The check that failed; its index and problem go into the message.</param>
    internal AdjustmentLogException(ChainVerification verification)
        : base($"The stored adjustment log breaks at entry {verification.FirstBrokenIndex}: {verification.Problem}")
    {
        FirstBrokenIndex = verification.FirstBrokenIndex ?? 0;
    }

    /// <summary>Gets the 0-based index of the first entry where the chain breaks.</summary>
    public int FirstBrokenIndex { get; }
}
