namespace Inventory.Core.Reservations;

/// <summary>Supplies a line from locations in the channel's priority order; ties by location id.</summary>
/// <remarks>Stateless; safe to share between threads.</remarks>
public sealed class PriorityOrderAllocation : IAllocationStrategy
{
    /// <summary>Gets the shared instance.</summary>
    public static PriorityOrderAllocation Instance { get; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<LocationCandidate> Order(IReadOnlyList<LocationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);

        return candidates.OrderBy(c => c.Priority).ThenBy(c => c.Location).ToList();
    }
}
