using Inventory.Core.Stock;
using Inventory.Core.Variance;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// The event log file as a re-readable source: each open reads the file again from the start. An event's position is
/// the byte offset of its line, so a read at positions passes over the rest of the file unparsed.
/// </summary>
/// <param name="path">The JSON Lines file.</param>
internal sealed class JsonLinesEventLog(string path) : IPositionedVarianceEventLog
{
    public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) => EventJsonLinesReader.Read(path, syncWritesOnly);

    public IEnumerable<VarianceEvent> OpenFor(IReadOnlySet<PositionKey> pairs, bool syncWritesOnly) =>
        EventJsonLinesReader.Read(path, syncWritesOnly, new EventPairFilter(pairs));

    public IEnumerable<PositionedEvent> OpenPositioned() => EventJsonLinesReader.ReadPositioned(path);

    public IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions) =>
        EventJsonLinesReader.ReadAt(path, positions);
}
