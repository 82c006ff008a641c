using Inventory.Core.Stock;

namespace Inventory.Core.Storage;

/// <summary>What a store keeps under an idempotency key: the command's fingerprint and the entries it wrote.</summary>
/// <param name="IdempotencyKey">The key.</param>
/// <param name="Fingerprint">The fingerprint of the command first applied under the key.</param>
/// <param name="Entries">The entries that command appended, with their sequence numbers; may be empty.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record RecordedOutcome(string IdempotencyKey, string Fingerprint, IReadOnlyList<JournalEntry> Entries);
