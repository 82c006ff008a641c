using Inventory.Core.Stock;
using Inventory.Core.Variance;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// The event log file as a re-readable source: each open reads the file again from the start. An event's position is
/// the byte offset of its line, so a read at positions passes over the rest of the file unparsed.
/// </summary>
/// <remarks>
/// Every read checks, before it starts and once it ends, that the file's size and time of last write are those the
/// first read found: a file written to, truncated or replaced while it is reconciled is refused, since its reads
/// would no longer yield the same events. Not thread-safe: one classification reads it at a time.
/// </remarks>
/// <param name="path">The JSON Lines file.</param>
internal sealed class JsonLinesEventLog(string path) : IPositionedVarianceEventLog
{
    private (long Length, DateTime Written)? _first;

    public IEnumerable<VarianceEvent> Open(bool syncWritesOnly) =>
        Unchanged(EventJsonLinesReader.Read(path, syncWritesOnly));

    public IEnumerable<VarianceEvent> OpenFor(IReadOnlySet<PositionKey> pairs, bool syncWritesOnly) =>
        Unchanged(EventJsonLinesReader.Read(path, syncWritesOnly, new EventPairFilter(pairs)));

    public IEnumerable<PositionedEvent> OpenPositioned() => Unchanged(EventJsonLinesReader.ReadPositioned(path));

    public IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions) =>
        Unchanged(EventJsonLinesReader.ReadAt(path, positions));

    /// <summary>Yields a read's items, checking the file before the first and after the last.</summary>
    private IEnumerable<T> Unchanged<T>(IEnumerable<T> read)
    {
        RequireUnchanged();
        foreach (var item in read)
        {
            yield return item;
        }

        RequireUnchanged();
    }

    private void RequireUnchanged()
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"{path}: the event log is not there (any more).", path);
        }

        var now = (file.Length, file.LastWriteTimeUtc);
        _first ??= now;
        if (_first != now)
        {
            throw new IOException(
                $"{path} changed while it was being reconciled: its size or time of last write differ from what the "
                + "first read found, so its reads no longer give the same events. Reconcile a copy that nothing "
                + "writes to.");
        }
    }
}
