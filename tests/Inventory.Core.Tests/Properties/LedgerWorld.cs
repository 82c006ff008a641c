using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Tests.Properties;

/// <summary>The fixed cast of SKUs, locations, carts, orders and lines that generated steps point into.</summary>
internal static class LedgerWorld
{
    public const int SkuCount = 3;

    public const int LocationCount = 3;

    public const long TtlMinutes = 20;

    /// <summary>Configured channel order: W2, W3, W1, so that priority and ordinal order differ.</summary>
    public static IReadOnlyList<int> ConfiguredOrder { get; } = [1, 2, 0];

    public static Instant Start { get; } = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static Sku Sku(int index) => new(SkuName(index));

    public static LocationId Location(int index) => new(LocationName(index));

    public static string SkuName(int index) => $"SKU-{(char)('A' + index)}";

    public static string LocationName(int index) => index < 0 ? string.Empty : $"W{index + 1}";

    public static string Cart(int index) => $"cart-{index}";

    public static string Order(int index) => $"order-{index}";

    public static string Line(int index) => $"line-{index}";

    public static IEnumerable<(int Sku, int Location)> AllKeys() =>
        from sku in Enumerable.Range(0, SkuCount)
        from location in Enumerable.Range(0, LocationCount)
        select (sku, location);
}
