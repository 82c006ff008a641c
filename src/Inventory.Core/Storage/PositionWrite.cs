using Inventory.Core.Stock;

namespace Inventory.Core.Storage;

/// <summary>A conditional write of one position: applied only if the store still holds
/// <paramref name="ExpectedVersion"/>.</summary>
/// <param name="Key">The SKU and location.</param>
/// <param name="ExpectedVersion">The version read; 0 means the position must not exist yet.</param>
/// <param name="Stored">The new stored position (the fold of all entries, expired holds included).</param>
/// <remarks>On success the store gives the position version <c>ExpectedVersion + 1</c>. Immutable.</remarks>
public readonly record struct PositionWrite(PositionKey Key, long ExpectedVersion, StockPosition Stored);
