using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Support;

/// <summary>Expected positions, written with the buckets a test cares about.</summary>
internal static class Expect
{
    public static StockPosition Position(long onHand, long committed = 0, long reserved = 0, long damaged = 0) =>
        new(onHand, committed, reserved, damaged, QualityControl: 0, SafetyStock: 0, Incoming: 0);

    public static PositionKey Key(string sku, string location) => new(new Sku(sku), new LocationId(location));
}
