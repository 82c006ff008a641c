using Inventory.Core.Reservations;

namespace Inventory.Core.Bundles;

/// <summary>A cart reservation with its bundle lines exploded, and the sale record of each bundle line.</summary>
/// <param name="Command">The one command that holds every component, all or nothing.</param>
/// <param name="Sales">One record per bundle line, in cart order; plain lines have none.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record BundleReservation(ReserveCart Command, IReadOnlyList<BundleSale> Sales);
