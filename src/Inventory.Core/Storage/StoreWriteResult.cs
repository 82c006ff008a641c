namespace Inventory.Core.Storage;

/// <summary>The answer to a write: its status and, for a duplicate key, what was recorded first.</summary>
/// <param name="Status">How the store answered.</param>
/// <param name="Outcome">
/// For <see cref="StoreWriteStatus.Written"/>, the entries as appended (with sequence numbers); for
/// <see cref="StoreWriteStatus.DuplicateKey"/>, the outcome recorded first; otherwise null.
/// </param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record StoreWriteResult(StoreWriteStatus Status, RecordedOutcome? Outcome)
{
    /// <summary>Gets the shared answer for a version conflict.</summary>
    public static StoreWriteResult Conflict { get; } = new(StoreWriteStatus.VersionConflict, null);
}
