using Inventory.Core.Orders;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Bundles;

/// <summary>
/// The parent line of a sold bundle, as composed at the time of sale: what picking shows, and what a return of
/// the line is measured against, whatever later happens to the bundle's definition.
/// </summary>
/// <param name="LineId">The parent line id; each component's cart and order line is <see
/// cref="ComponentLineId"/>.</param>
/// <param name="Bundle">The bundle SKU.</param>
/// <param name="Quantity">Bundles sold.</param>
/// <param name="SoldAt">The instant whose definition applied.</param>
/// <param name="Definition">The definition version in force at <paramref name="SoldAt"/>.</param>
/// <param name="PerBundle">The leaf components of one bundle, each once, in ordinal SKU order.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record BundleSale(
    string LineId, Sku Bundle, long Quantity, Instant SoldAt, BundleDefinition Definition,
    IReadOnlyList<BundleComponent> PerBundle)
{
    /// <summary>Gets the components of the whole line: each quantity per bundle times <see
    /// cref="Quantity"/>.</summary>
    /// <exception cref="OverflowException">Thrown when a product exceeds <see cref="long.MaxValue"/>.</exception>
    public IReadOnlyList<BundleComponent> Components =>
        [.. PerBundle.Select(c => c with { Quantity = checked(c.Quantity * Quantity) })];

    /// <summary>Gets the cart and order line id under which a component of this line is held.</summary>
    /// <param name="component">The component SKU.</param>
    /// <returns>"parent line id/component SKU".</returns>
    public string ComponentLineId(Sku component) => $"{LineId}/{component}";

    /// <summary>Gets the fulfilment lines that ship <paramref name="bundles"/> whole bundles of this line.</summary>
    /// <param name="bundles">Bundles to ship; positive.</param>
    /// <param name="location">The location they ship from; null takes them from the lines' locations in
    /// order.</param>
    /// <returns>One fulfilment line per component.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="bundles"/> is not
    /// positive.</exception>
    public IReadOnlyList<FulfilmentLine> FulfilmentLines(long bundles, LocationId? location = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bundles);

        return [.. PerBundle.Select(
            c => new FulfilmentLine(ComponentLineId(c.Sku), checked(c.Quantity * bundles), location))];
    }
}
