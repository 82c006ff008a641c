namespace Inventory.Core.Variance;

/// <summary>Thrown when a snapshot row or event given to the classifier is malformed.</summary>
/// <remarks>The message names the event or row, the field and the value. Instances are immutable once thrown.</remarks>
public sealed class VarianceInputException : InventoryException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What was wrong, naming the event, field and value.</param>
    public VarianceInputException(string message)
        : base(message)
    {
    }
}
