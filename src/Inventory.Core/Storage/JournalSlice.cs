using System.Collections;
using Inventory.Core.Stock;

namespace Inventory.Core.Storage;

/// <summary>
/// The entries one batch appended to a <see cref="CompactJournal"/>, built again on every read so that a recorded
/// outcome holds no entry objects of its own.
/// </summary>
/// <remarks>Safe for concurrent use: every read takes the owning store's lock.</remarks>
internal sealed class JournalSlice : IReadOnlyList<JournalEntry>
{
    private readonly Lock _gate;
    private readonly CompactJournal _journal;
    private readonly long _first;

    /// <summary>Initializes a view of <paramref name="count"/> entries from sequence <paramref name="first"/>
    /// on.</summary>
    public JournalSlice(Lock gate, CompactJournal journal, long first, int count)
    {
        _gate = gate;
        _journal = journal;
        _first = first;
        Count = count;
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public JournalEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            lock (_gate)
            {
                return _journal.Read(_first + index);
            }
        }
    }

    /// <inheritdoc/>
    public IEnumerator<JournalEntry> GetEnumerator()
    {
        JournalEntry[] entries;
        lock (_gate)
        {
            entries = _journal.Read(_first, Count);
        }

        return ((IEnumerable<JournalEntry>)entries).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
