using Inventory.Core.Returns;
using Inventory.Core.Stock;

namespace Inventory.Integrations;

/// <summary>What the payloads do not say and the integrator configures: locations and the meaning of grades.</summary>
/// <remarks>A plain settings class; do not change it while mappers use it.</remarks>
public sealed class MappingOptions
{
    /// <summary>Gets or sets the location storefront orders are committed at. Default <c>default</c>.</summary>
    public LocationId OrderLocation { get; set; } = new("default");

    /// <summary>
    /// Gets or sets the location returns come back to (return bodies carry no location), and where a refund restocks
    /// when its line names none. Default <c>returns</c>.
    /// </summary>
    public LocationId ReturnLocation { get; set; } = new("returns");

    /// <summary>
    /// Gets the platform location ids (as text) mapped to ledger locations; an id not listed becomes a location of
    /// the same text.
    /// </summary>
    public IDictionary<string, LocationId> Locations { get; } =
        new Dictionary<string, LocationId>(StringComparer.Ordinal);

    /// <summary>
    /// Gets the condition each AfterShip grade (as configured by the merchant) gives received units; a grade not
    /// listed, or no grade, sends units to inspection.
    /// </summary>
    public IDictionary<string, ReturnCondition> GradeConditions { get; } =
        new Dictionary<string, ReturnCondition>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the SKU resolver. Default: an empty <see cref="InMemorySkuResolver"/>.</summary>
    public ISkuResolver Resolver { get; set; } = new InMemorySkuResolver();

    /// <summary>
    /// Gets the bundle lines recorded on orders (read them with <c>InventoryLedger.GetBundleLinesAsync</c>). A
    /// returned item that resolves to one of these bundles on the same order is initiated as the composition
    /// recorded at the time of sale, whatever the platform lists as its children now, and a Shopify refund of it
    /// restocks each recorded component's order line; empty by default. The order is the payload's
    /// <c>order.order_number</c> (AfterShip), <c>order.id</c> or <c>order_id</c> (Shopify) or <c>order_id</c>
    /// (Loop). The line is the recorded one whose line id is the payload's order line id (Shopify's
    /// <c>line_item_id</c> or <c>line_item.id</c>, Loop's <c>line_item_id</c>); a payload that names no order line
    /// (AfterShip, or a Shopify return line without one) is matched by SKU when one line of the order holds the
    /// bundle, and reported in <see cref="MappingResult.Unresolved"/> when several do.
    /// </summary>
    public IList<Inventory.Core.Bundles.BundleOrderLine> SoldBundles { get; } =
        new List<Inventory.Core.Bundles.BundleOrderLine>();

    internal LocationId Location(string platformId) =>
        Locations.TryGetValue(platformId, out var mapped) ? mapped : new LocationId(platformId);
}
