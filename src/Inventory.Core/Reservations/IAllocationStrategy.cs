namespace Inventory.Core.Reservations;

/// <summary>Decides the order in which locations supply a cart line that names no location.</summary>
/// <remarks>
/// The ledger takes units from the candidates in the returned order, either the whole line from the first
/// location that can supply it or split in whole units, as <see cref="Ledger.InventoryOptions.LineAllocation"/>
/// says. Implementations must be stateless or thread-safe: one instance serves every thread.
/// </remarks>
public interface IAllocationStrategy
{
    /// <summary>Orders the candidate locations for one line.</summary>
    /// <param name="candidates">Each location once, with its available units already clamped at zero.</param>
    /// <returns>
    /// The same candidates, each exactly once and unchanged, in supply order; the ledger throws
    /// <see cref="InvalidOperationException"/> naming the strategy otherwise.
    /// </returns>
    IReadOnlyList<LocationCandidate> Order(IReadOnlyList<LocationCandidate> candidates);
}
