namespace Inventory.Core.Ledger;

/// <summary>Thrown when a command is malformed: a non-positive quantity, a blank id, a repeated line.</summary>
/// <remarks>Nothing is changed when this is thrown.</remarks>
public sealed class InvalidCommandException : InventoryException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What was wrong, naming the command, line and value.</param>
    public InvalidCommandException(string message)
        : base(message)
    {
    }
}
