using Inventory.Core.Stock;
using Inventory.Core.Variance;

namespace Inventory.Cli.Reconcile;

/// <summary>The event log file as a re-readable source: each open reads the file again from the start.</summary>
/// <param name="path">The JSON Lines file.</param>
internal sealed class JsonLinesEventLog(string path) : IVarianceEventLog
{
    public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => EventJsonLinesReader.Read(path, syncWritesOnly);

    public IEnumerable<VarianceEvent> OpenFor(IReadOnlySet<PositionKey> pairs, bool syncWritesOnly) =>
        EventJsonLinesReader.Read(path, syncWritesOnly, new EventPairFilter(pairs));
}
