namespace Inventory.Core.Variance;

/// <summary>
/// A re-readable event log that gives each event a position and can open at chosen positions, so that the
/// classifier's second read visits only the events its report shows instead of passing over the whole log.
/// </summary>
/// <remarks>
/// A position is the log's own number for an event, such as the byte offset of its line in a file. The classifier
/// keeps one position per change at a pair beyond tolerance and per bundle sale while it reads, and asks for the
/// events of the facts it shows (docs/variance.md, "Memory and speed"). Implementations are read by one
/// classification at a time; each open starts anew.
/// </remarks>
public interface IPositionedVarianceEventLog : IVarianceEventLog
{
    /// <summary>
    /// Opens the log from its first event, yielding what <see cref="IVarianceEventLog.Open"/> yields for a full read,
    /// each event with its position. Positions rise strictly through the log, and every open gives an event the same
    /// position.
    /// </summary>
    /// <returns>The events with their positions, read lazily.</returns>
    IEnumerable<PositionedEvent> OpenPositioned();

    /// <summary>Opens the log at some positions only.</summary>
    /// <param name="positions">Strictly rising positions, each given by <see cref="OpenPositioned"/>.</param>
    /// <returns>
    /// Exactly the events at those positions, in that order. The classifier checks each against a fingerprint of
    /// the event its full read found there (kind, id, SKU, location, instant and count changes) and refuses the
    /// read with a <see cref="VarianceInputException"/> when one differs or the count is not the one asked for.
    /// </returns>
    IEnumerable<VarianceEvent> OpenAt(IReadOnlyList<long> positions);
}
