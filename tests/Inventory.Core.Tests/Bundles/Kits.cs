using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Tests.Bundles;

/// <summary>Short builders for bundle tests.</summary>
internal static class Kits
{
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static readonly LocationId W1 = new("W1");

    public static Sku S(string sku) => new(sku);

    public static BundleComponent C(string sku, long quantity) => new(new Sku(sku), quantity);

    public static BundleDefinition Kit(string parent, params BundleComponent[] components) =>
        new(new Sku(parent), components);

    public static BundleCatalog Catalog(params BundleDefinition[] definitions)
    {
        var catalog = new BundleCatalog();
        catalog.Register(definitions);

        return catalog;
    }

    public static ComponentStock StockAt(LocationId location, params (string Sku, long Units)[] units)
    {
        var stock = new ComponentStock();
        foreach (var (sku, count) in units)
        {
            stock.Set(new Sku(sku), location, count);
        }

        return stock;
    }
}
