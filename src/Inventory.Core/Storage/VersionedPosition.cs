using Inventory.Core.Stock;

namespace Inventory.Core.Storage;

/// <summary>A position as a store holds it, with its version and the units of its expired holds.</summary>
/// <param name="Key">The SKU and location.</param>
/// <param name="Stored">The position as the fold of its journal entries (expired holds still
/// counted as reserved).</param>
/// <param name="ExpiredReserved">Units of <see cref="StockPosition.Reserved"/> whose holds had
/// expired at the read instant.</param>
/// <param name="Version">The version the position was read at; 0 when the store has no record of it.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct VersionedPosition(
    PositionKey Key, StockPosition Stored, long ExpiredReserved, long Version)
{
    /// <summary>Gets the position as it counts at the read instant: expired holds no longer reserved.</summary>
    public StockPosition Effective => Stored with { Reserved = checked(Stored.Reserved - ExpiredReserved) };
}
