using Inventory.Core.Ledger;

namespace Inventory.Integrations;

/// <summary>The ledger commands a payload maps to, or the items that stopped it from mapping.</summary>
/// <remarks>
/// A payload maps whole or not at all: when any item is unknown, <see cref="Commands"/> is empty and
/// <see cref="Unresolved"/> names every unknown item. Immutable; safe to share between threads.
/// </remarks>
public sealed class MappingResult
{
    private MappingResult(IReadOnlyList<LedgerCommand> commands, IReadOnlyList<UnresolvedItem> unresolved)
    {
        Commands = commands;
        Unresolved = unresolved;
    }

    /// <summary>Gets the commands, in the order to apply them; empty when the payload moves no stock.</summary>
    public IReadOnlyList<LedgerCommand> Commands { get; }

    /// <summary>Gets the items the resolver did not know; empty when the payload mapped.</summary>
    public IReadOnlyList<UnresolvedItem> Unresolved { get; }

    /// <summary>Gets whether every item was known.</summary>
    public bool IsMapped => Unresolved.Count == 0;

    /// <summary>Returns a sentence saying what the payload mapped to.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() =>
        IsMapped
            ? $"{Commands.Count} command(s)"
            : "not mapped: " + string.Join("; ", Unresolved);

    internal static MappingResult From(
        IReadOnlyList<LedgerCommand> commands, IReadOnlyList<UnresolvedItem> unresolved) =>
        unresolved.Count == 0 ? new(commands, []) : new([], unresolved);
}
