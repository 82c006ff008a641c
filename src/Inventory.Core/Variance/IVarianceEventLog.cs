using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>
/// A re-readable event log: the classifier opens it several times and streams it, so the events are never all
/// held in memory.
/// </summary>
/// <remarks>Implementations are read by one classification at a time; each open starts from the beginning.</remarks>
public interface IVarianceEventLog
{
    /// <summary>Opens the log from its first event; every open must yield the same events in the same order.</summary>
    /// <param name="syncWritesOnly">
    /// True when the caller reads only the <see cref="SyncWrite"/> events; the log may then leave out any other
    /// event (a hint: yielding them too is correct, only slower), and may skip lines it cannot read, since a full
    /// open follows that reports them.
    /// </param>
    /// <returns>The events, read lazily.</returns>
    IEnumerable<VarianceEvent> Open(bool syncWritesOnly);

    /// <summary>
    /// Opens the log for the events of some SKU and location pairs only. The caller validates every event on a
    /// full <see cref="Open"/> of its own (before or after this one), so this open may skip lines unread.
    /// </summary>
    /// <param name="pairs">The pairs whose events the caller reads.</param>
    /// <param name="syncWritesOnly">As for <see cref="Open"/>: true when only sync writes are read.</param>
    /// <returns>
    /// The events in log order. The log may leave out any event other than a <see cref="BundleSale"/> (whose
    /// components name other SKUs) whose own SKU and location are not in <paramref name="pairs"/>; yielding them
    /// too is correct, only slower. By default it yields what <see cref="Open"/> yields.
    /// </returns>
    IEnumerable<VarianceEvent> OpenFor(IReadOnlySet<PositionKey> pairs, bool syncWritesOnly) =>
        Open(syncWritesOnly);
}
