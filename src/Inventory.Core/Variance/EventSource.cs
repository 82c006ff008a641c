using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>
/// How the classifier reads a log: one full read, each event with a position, then a second read either of some
/// pairs (<see cref="OpenFor"/>) or, when the log can find its events again, of some positions (<see cref="OpenAt"/>).
/// </summary>
/// <param name="OpenFull">Opens the full read; positions rise strictly.</param>
/// <param name="OpenFor">Opens the second read for some pairs (see <see cref="IVarianceEventLog.OpenFor"/>).</param>
/// <param name="OpenAt">
/// Opens the second read at the given positions (see <see cref="IPositionedVarianceEventLog.OpenAt"/>); null when
/// the log gives no positions of its own.
/// </param>
internal sealed record EventSource(
    Func<IEnumerable<PositionedEvent>> OpenFull,
    Func<IReadOnlySet<PositionKey>, IEnumerable<VarianceEvent>> OpenFor,
    Func<IReadOnlyList<long>, IEnumerable<VarianceEvent>>? OpenAt)
{
    /// <summary>Numbers the events of a log that gives no positions, from 0 in log order.</summary>
    public static IEnumerable<PositionedEvent> Numbered(IEnumerable<VarianceEvent> events)
    {
        long position = 0;
        foreach (var item in events)
        {
            yield return new PositionedEvent(position++, item);
        }
    }
}
