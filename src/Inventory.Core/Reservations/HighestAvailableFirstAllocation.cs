namespace Inventory.Core.Reservations;

/// <summary>Supplies a line from the location with the most available units first; ties by priority, then id.</summary>
/// <remarks>Stateless; safe to share between threads.</remarks>
public sealed class HighestAvailableFirstAllocation : IAllocationStrategy
{
    /// <summary>Gets the shared instance.</summary>
    public static HighestAvailableFirstAllocation Instance { get; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<LocationCandidate> Order(IReadOnlyList<LocationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);

        return candidates
            .OrderByDescending(c => c.Available)
            .ThenBy(c => c.Priority)
            .ThenBy(c => c.Location)
            .ToList();
    }
}
