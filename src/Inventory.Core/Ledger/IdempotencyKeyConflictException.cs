namespace Inventory.Core.Ledger;

/// <summary>Thrown when an idempotency key that is already recorded arrives with a different command.</summary>
/// <remarks>Nothing is changed when this is thrown. It signals a caller bug: keys must name one command.</remarks>
public sealed class IdempotencyKeyConflictException : InventoryException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="recorded">The fingerprint recorded under the key.</param>
    /// <param name="attempted">The fingerprint of the new command.</param>
    public IdempotencyKeyConflictException(string idempotencyKey, string recorded, string attempted)
        : base($"Idempotency key '{idempotencyKey}' was first used for [{recorded.Trim()}] and now arrives "
            + $"with [{attempted.Trim()}]; a key must name exactly one command.")
    {
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Gets the key that was reused.</summary>
    public string IdempotencyKey { get; }
}
