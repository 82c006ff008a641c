namespace Inventory.Core;

/// <summary>The base of every exception the library throws for invalid input or a broken contract.</summary>
/// <remarks>
/// Business refusals (insufficient stock, an unknown reservation) are never exceptions: they come back as
/// <see cref="Ledger.LedgerResult"/> values. Instances are immutable once thrown.
/// </remarks>
public abstract class InventoryException : Exception
{
    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">What was wrong, naming the values involved.</param>
    protected InventoryException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and a cause.</summary>
    /// <param name="message">What was wrong, naming the values involved.</param>
    /// <param name="innerException">The cause.</param>
    protected InventoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
