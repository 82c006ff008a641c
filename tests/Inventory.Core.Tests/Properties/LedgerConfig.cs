using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using NodaTime;

namespace Inventory.Core.Tests.Properties;

/// <summary>The ledger options a scenario runs under.</summary>
/// <param name="ConfiguredLocations">
/// Whether the channel lists its locations (W2, W3, W1) or they are discovered from stock.
/// </param>
/// <param name="HighestFirst">Highest-available-first allocation instead of priority order.</param>
/// <param name="Whole">Take a line whole from one location instead of splitting it.</param>
internal sealed record LedgerConfig(bool ConfiguredLocations, bool HighestFirst, bool Whole)
{
    public static LedgerConfig Default { get; } = new(false, false, false);

    public InventoryOptions ToOptions()
    {
        var options = new InventoryOptions
        {
            ReservationTtl = Duration.FromMinutes(LedgerWorld.TtlMinutes),
            AllocationStrategy = HighestFirst
                ? HighestAvailableFirstAllocation.Instance
                : PriorityOrderAllocation.Instance,
            LineAllocation = Whole ? LineAllocation.Whole : LineAllocation.Split,
        };
        if (ConfiguredLocations)
        {
            foreach (var index in LedgerWorld.ConfiguredOrder)
            {
                options.Locations.Add(LedgerWorld.Location(index));
            }
        }

        return options;
    }
}
