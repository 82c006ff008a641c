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
/// <remarks>The file form of entries is described in docs/journal.md. Immutable; safe to share between threads.</remarks>
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
    string? Actor = null);
