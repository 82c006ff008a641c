using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Ledger;

/// <summary>Settings of the ledger, validated once when the ledger is built.</summary>
/// <remarks>Not thread-safe while being configured; the ledger copies what it needs and never changes it.</remarks>
public sealed class InventoryOptions
{
    /// <summary>Gets or sets how long a hold lasts after the latest activity on its cart.</summary>
    /// <value>20 minutes by default. Must be positive.</value>
    public Duration ReservationTtl { get; set; } = Duration.FromMinutes(20);

    /// <summary>Gets or sets the order in which locations supply a line that names none.</summary>
    /// <value><see cref="PriorityOrderAllocation"/> by default.</value>
    public IAllocationStrategy AllocationStrategy { get; set; } = PriorityOrderAllocation.Instance;

    /// <summary>Gets or sets whether a line may be split across locations.</summary>
    /// <value><see cref="Reservations.LineAllocation.Split"/> by default.</value>
    public LineAllocation LineAllocation { get; set; } = LineAllocation.Split;

    /// <summary>Gets the channel's locations in priority order.</summary>
    /// <value>
    /// Empty by default, meaning every location that holds a position for the SKU, in id order. When set, only
    /// these locations supply lines that name no location. Each location may appear once.
    /// </value>
    public IList<LocationId> Locations { get; } = [];

    /// <summary>Gets or sets how many times a command is tried when concurrent writers change its positions.</summary>
    /// <value>1,000 by default. Must be at least 1. A conflict means another command made progress,
    /// so the limit is only a safety valve.</value>
    public int MaxWriteAttempts { get; set; } = 1000;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="InventoryOptionsException">Thrown when any setting is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (ReservationTtl <= Duration.Zero)
        {
            problems.Add($"ReservationTtl must be positive (was {ReservationTtl}).");
        }

        if (AllocationStrategy is null)
        {
            problems.Add("AllocationStrategy must be set.");
        }

        if (!Enum.IsDefined(LineAllocation))
        {
            problems.Add($"LineAllocation {(int)LineAllocation} is not a defined value.");
        }

        if (MaxWriteAttempts < 1)
        {
            problems.Add($"MaxWriteAttempts must be at least 1 (was {MaxWriteAttempts}).");
        }

        problems.AddRange(Locations
            .GroupBy(l => l)
            .Where(g => g.Count() > 1)
            .Select(g => $"Location '{g.Key}' appears {g.Count()} times in Locations; list each once."));
        problems.AddRange(Locations
            .Where(l => l.Value.Length == 0)
            .Take(1)
            .Select(_ => "Locations holds a default (empty) location id."));

        if (problems.Count > 0)
        {
            throw new InventoryOptionsException(problems);
        }
    }
}
