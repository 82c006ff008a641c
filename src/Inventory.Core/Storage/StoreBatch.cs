using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;

namespace Inventory.Core.Storage;

/// <summary>Everything one accepted command changes, to be written all together or not at all.</summary>
/// <param name="IdempotencyKey">The command's key; the store refuses the batch if the key is already recorded.</param>
/// <param name="Fingerprint">A description of the command, kept with the key to detect a key reused
/// for another command.</param>
/// <param name="Positions">Conditional position writes. Every position whose holds or order lines
/// change is among them.</param>
/// <param name="HoldsRemoved">Holds to delete, identified by cart, line and position.</param>
/// <param name="HoldsPut">Holds to insert or replace (same cart, line and position).</param>
/// <param name="OrderLinesPut">Order lines to insert or replace (same order, line and position).</param>
/// <param name="Entries">Journal entries to append, in order; the store assigns their sequence numbers.</param>
/// <param name="NewOrderIds">
/// Orders this batch creates. The store writes nothing and answers <see cref="StoreWriteStatus.VersionConflict"/>
/// when any of them already has lines, so that two commands can never both create one order. Null when the batch
/// creates no order.
/// </param>
/// <param name="ExpectedCartVersions">
/// Every cart whose holds this batch changes, with the version it was read at. The store writes nothing and
/// answers <see cref="StoreWriteStatus.VersionConflict"/> when any of them has moved on; otherwise it advances
/// each by one. Null when the batch changes no cart.
/// </param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record StoreBatch(
    string IdempotencyKey,
    string Fingerprint,
    IReadOnlyList<PositionWrite> Positions,
    IReadOnlyList<Hold> HoldsRemoved,
    IReadOnlyList<Hold> HoldsPut,
    IReadOnlyList<OrderLine> OrderLinesPut,
    IReadOnlyList<JournalEntry> Entries,
    IReadOnlyList<string>? NewOrderIds = null,
    IReadOnlyDictionary<string, long>? ExpectedCartVersions = null)
{
    /// <summary>
    /// Gets the return lines to insert or replace (same return, line and position). Every position whose return
    /// lines change is among <see cref="Positions"/>, so its version serialises changes to those lines.
    /// </summary>
    public IReadOnlyList<ReturnLine> ReturnLinesPut { get; init; } = [];

    /// <summary>
    /// Gets the bundle lines to record, each on an order this batch creates (see <see cref="NewOrderIds"/>), to
    /// insert or replace by order and line id; empty by default.
    /// </summary>
    public IReadOnlyList<BundleOrderLine> BundleLinesPut { get; init; } = [];
}
