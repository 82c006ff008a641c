namespace Inventory.Cli.Replay;

/// <summary>How to run a replay.</summary>
internal sealed record ReplayOptions
{
    /// <summary>Gets the opening units of every SKU, or null for the least opening that refuses nothing.</summary>
    public long? Opening { get; init; }

    /// <summary>Gets a value indicating whether malformed rows are counted and skipped rather than fatal.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Gets where progress goes for long runs; null for none.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Gets the file the ledger's journal is written to as JSON Lines after the replay;
    /// null for none.</summary>
    public string? JournalPath { get; init; }

    /// <summary>
    /// Gets the SQLite file that keeps the ledger's state across runs; null keeps it in memory for this run only.
    /// A second replay into the same file applies nothing twice: every command's key is already recorded.
    /// </summary>
    public string? SqlitePath { get; init; }
}
