namespace Inventory.Core.Storage;

/// <summary>How a store answered a <see cref="StoreBatch"/>.</summary>
public enum StoreWriteStatus
{
    /// <summary>The whole batch was written.</summary>
    Written = 1,

    /// <summary>A position's version had moved on; nothing was written. The ledger reads again and retries.</summary>
    VersionConflict = 2,

    /// <summary>The idempotency key was already recorded; nothing was written.</summary>
    DuplicateKey = 3,
}
