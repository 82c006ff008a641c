using Inventory.Core.Stock;

namespace Inventory.Core.Ledger;

/// <summary>The answer to a command: applied with its entries, or refused with the reason.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class LedgerResult
{
    private static readonly IReadOnlyList<JournalEntry> NoEntries = [];
    private static readonly IReadOnlyList<StockShortfall> NoShortfalls = [];

    private string? _message;

    private LedgerResult(
        string idempotencyKey,
        LedgerStatus status,
        IReadOnlyList<JournalEntry> entries,
        IReadOnlyList<StockShortfall> shortfalls,
        string? message,
        bool isReplay)
    {
        IdempotencyKey = idempotencyKey;
        Status = status;
        Entries = entries;
        Shortfalls = shortfalls;
        _message = message;
        IsReplay = isReplay;
    }

    /// <summary>Gets the key of the command answered.</summary>
    public string IdempotencyKey { get; }

    /// <summary>Gets how the command was answered.</summary>
    public LedgerStatus Status { get; }

    /// <summary>Gets whether the command is in effect.</summary>
    public bool IsApplied => Status == LedgerStatus.Applied;

    /// <summary>Gets whether the key had been applied before and this is the first result returned again.</summary>
    public bool IsReplay { get; }

    /// <summary>Gets the journal entries the command wrote; empty when refused.</summary>
    public IReadOnlyList<JournalEntry> Entries { get; }

    /// <summary>Gets, for a refusal, each line that could not be met.</summary>
    public IReadOnlyList<StockShortfall> Shortfalls { get; }

    /// <summary>Gets a sentence that names what happened, with SKUs, locations and quantities.</summary>
    /// <remarks>For an applied command the sentence is composed on first read, off the hot path.</remarks>
    public string Message => _message ??= AppliedMessage(IdempotencyKey, Entries, IsReplay);

    /// <summary>Gets the oversell entries among <see cref="Entries"/>.</summary>
    public IEnumerable<JournalEntry> Oversells => Entries.Where(e => e.Kind == EntryKind.Oversold);

    /// <summary>Returns the message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    internal static LedgerResult Applied(string key, IReadOnlyList<JournalEntry> entries, bool isReplay) =>
        new(key, LedgerStatus.Applied, entries, NoShortfalls, null, isReplay);

    private static string AppliedMessage(string key, IReadOnlyList<JournalEntry> entries, bool isReplay)
    {
        // Each entry fits 64 bits, but a batch can move more than that in total (a hold released and taken
        // again, several lines near the limit); the batch is already written, so the sum must not overflow.
        var units = entries.Where(e => e.Kind != EntryKind.Oversold)
            .Aggregate(Int128.Zero, (sum, e) => sum + e.Quantity);
        var oversold = entries.Count(e => e.Kind == EntryKind.Oversold);
        var message = $"Applied '{key}': {entries.Count} {(entries.Count == 1 ? "entry" : "entries")}, "
            + $"{units} units moved"
            + (oversold > 0 ? $", {oversold} oversell(s) recorded" : string.Empty)
            + (isReplay ? " (repeated key: first result returned, nothing changed)" : string.Empty) + ".";

        return message;
    }

    internal static LedgerResult Refused(
        string key, LedgerStatus status, string message, IReadOnlyList<StockShortfall>? shortfalls = null) =>
        new(key, status, NoEntries, shortfalls ?? NoShortfalls, message, isReplay: false);

    internal static LedgerResult Insufficient(string key, IReadOnlyList<StockShortfall> shortfalls) =>
        Refused(
            key,
            LedgerStatus.InsufficientStock,
            $"Insufficient stock for '{key}'; nothing was reserved. " + string.Join("; ", shortfalls) + ".",
            shortfalls);
}
