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
    /// Opens the log again for the events of some SKU and location pairs only; called after a full open has read
    /// (and validated) every event, so this open may skip lines unread.
    /// </summary>
    /// <param name="pairs">The pairs whose events the caller reads.</param>
    /// <returns>
    /// The events in log order. The log may leave out any event other than a <see cref="BundleSale"/> (whose
    /// components name other SKUs) whose own SKU and location are not in <paramref name="pairs"/>; yielding them
    /// too is correct, only slower. By default every event is yielded.
    /// </returns>
    IEnumerable<VarianceEvent> OpenFor(IReadOnlySet<PositionKey> pairs) => Open(false);
}
