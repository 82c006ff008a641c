using Inventory.Core.Stock;

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

    /// <summary>
    /// Gets the snapshot (<c>channel</c> or <c>warehouse</c>) whose row was refused, or null when the problem is not
    /// one row's. The row is the one the snapshot's sequence yielded last, so a reader that numbers its rows can name
    /// the line.
    /// </summary>
    public string? Snapshot { get; init; }

    /// <summary>Gets the SKU and location the problem concerns, when it concerns one.</summary>
    public PositionKey? Position { get; init; }
}
