using NodaTime;

namespace Inventory.Core.Stock;

/// <summary>
/// One immutable record of a stock movement at one position. A position is the sum of the
/// <see cref="Change"/> of every entry recorded for it.
/// </summary>
/// <param name="Sequence">The store's ordinal for the entry, from 1; 0 before the store appends it.</param>
/// <param name="IdempotencyKey">The key of the command that produced the entry.</param>
/// <param name="Kind">What the entry records.</param>
/// <param name="Key">The SKU and location.</param>
/// <param name="Change">The signed change per stock state.</param>
/// <param name="Quantity">The units the entry concerns (for <see cref="EntryKind.Oversold"/>, the shortfall).</param>
/// <param name="At">When the event happened.</param>
/// <param name="Reference">The cart, order or document the entry belongs to, as "kind:id/line".</param>
/// <param name="Reason">The reason code or text given for the change, if any.</param>
/// <param name="Actor">Who made the change (an operator, a system), if known.</param>
/// <remarks>The file form of entries is described in docs/journal.md. Immutable; safe to share
/// between threads.</remarks>
public sealed record JournalEntry(
    long Sequence,
    string IdempotencyKey,
    EntryKind Kind,
    PositionKey Key,
    StockChange Change,
    long Quantity,
    Instant At,
    string? Reference = null,
    string? Reason = null,
    string? Actor = null)
{
    private long _sequence = Sequence;

    // True only for an entry the ledger built for a batch and no caller has seen yet; see TryNumber.
    private bool _draft;

    /// <summary>Copies an entry (the <c>with</c> expression); a copy is never a draft.</summary>
    /// <param name="original">The entry copied.</param>
    private JournalEntry(JournalEntry original)
    {
        _sequence = original._sequence;
        IdempotencyKey = original.IdempotencyKey;
        Kind = original.Kind;
        Key = original.Key;
        Change = original.Change;
        Quantity = original.Quantity;
        At = original.At;
        Reference = original.Reference;
        Reason = original.Reason;
        Actor = original.Actor;
    }

    /// <summary>Gets the store's ordinal for the entry, from 1; 0 before the store appends it.</summary>
    public long Sequence
    {
        get => _sequence;
        init => _sequence = value;
    }

    /// <summary>Builds an entry that only the ledger's batch holds, so the store may number it in place.</summary>
    internal static JournalEntry Draft(
        string idempotencyKey, EntryKind kind, PositionKey key, StockChange change, long quantity, Instant at,
        string? reference, string? reason, string? actor) =>
        new(0, idempotencyKey, kind, key, change, quantity, at, reference, reason, actor) { _draft = true };

    /// <summary>Gets whether the entry is a draft the store may number in place.</summary>
    internal bool IsDraft => _draft;

    /// <summary>
    /// Numbers a draft entry in place, once, before anyone but the ledger and the store has seen it; an entry
    /// that is not a draft is left alone and must be copied instead.
    /// </summary>
    /// <remarks>
    /// Implementation note: this spares the in-memory store a copy of every entry it appends. The entry is
    /// immutable from the moment the store returns it.
    /// </remarks>
    internal bool TryNumber(long sequence)
    {
        if (!_draft)
        {
            return false;
        }

        _sequence = sequence;
        _draft = false;

        return true;
    }
}
