namespace Inventory.Core.Adjustments;

/// <summary>Thrown when <see cref="AdjustmentPolicyOptions"/> are invalid; the message lists every problem.</summary>
public sealed class AdjustmentPolicyException : InventoryException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="problems">Every problem found.</param>
    public AdjustmentPolicyException(IReadOnlyList<string> problems)
        : base("Invalid adjustment policy options: " + string.Join(" ", problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
