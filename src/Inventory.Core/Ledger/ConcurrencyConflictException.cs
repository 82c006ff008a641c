namespace Inventory.Core.Ledger;

/// <summary>Thrown when a command lost the race for its positions more times than the options allow.</summary>
/// <remarks>Nothing is changed when this is thrown; the command may be sent again with the same key.</remarks>
public sealed class ConcurrencyConflictException : InventoryException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="idempotencyKey">The command's key.</param>
    /// <param name="attempts">How many times the command was tried.</param>
    public ConcurrencyConflictException(string idempotencyKey, int attempts)
        : base($"Command '{idempotencyKey}' met a concurrent change on every one of {attempts} attempts; "
            + "nothing was applied. Send it again, or raise InventoryOptions.MaxWriteAttempts.")
    {
        IdempotencyKey = idempotencyKey;
        Attempts = attempts;
    }

    /// <summary>Gets the command's key.</summary>
    public string IdempotencyKey { get; }

    /// <summary>Gets how many times the command was tried.</summary>
    public int Attempts { get; }
}
