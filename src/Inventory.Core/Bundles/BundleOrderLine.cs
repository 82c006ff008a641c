using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Bundles;

/// <summary>
/// The parent line of a bundle as recorded on an order: what picking shows, and the composition a return of the
/// line is measured against, whatever later happens to the bundle's definition.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="LineId">The parent line id; each component's order line is "<c>LineId/component SKU</c>".</param>
/// <param name="Bundle">The bundle SKU.</param>
/// <param name="Quantity">Bundles sold; positive.</param>
/// <param name="SoldAt">The instant of sale, whose definition applied.</param>
/// <param name="VersionFrom">The first instant of the definition version in force; null for "since always".</param>
/// <param name="VersionTo">The end of that version's span; null for "until further notice".</param>
/// <param name="Children">The lines of that version, as registered.</param>
/// <param name="PerBundle">The leaf components of one bundle, each once, in ordinal SKU order.</param>
/// <remarks>
/// Immutable; safe to share between threads. Two lines are equal when every field and every component, in order,
/// are equal, so a line read back from a store compares equal to the line written.
/// </remarks>
public sealed record BundleOrderLine(
    string OrderId,
    string LineId,
    Sku Bundle,
    long Quantity,
    Instant SoldAt,
    Instant? VersionFrom,
    Instant? VersionTo,
    IReadOnlyList<BundleComponent> Children,
    IReadOnlyList<BundleComponent> PerBundle)
{
    /// <summary>Gets the lines of the definition version in force at the sale, as registered.</summary>
    public IReadOnlyList<BundleComponent> Children { get; init; } = Children is null ? [] : [.. Children];

    /// <summary>Gets the leaf components of one bundle, each once, in ordinal SKU order.</summary>
    public IReadOnlyList<BundleComponent> PerBundle { get; init; } = PerBundle is null ? [] : [.. PerBundle];

    /// <summary>Records a sold bundle line on an order.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="sale">The sale, as exploded at the time of sale.</param>
    /// <returns>The order's record of the line.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="sale"/> is null.</exception>
    public static BundleOrderLine FromSale(string orderId, BundleSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var version = sale.Definition;

        return new BundleOrderLine(
            orderId, sale.LineId, sale.Bundle, sale.Quantity, sale.SoldAt, version.ValidFrom, version.ValidTo,
            version.Components, sale.PerBundle);
    }

    /// <summary>Gets the sale as recorded, to measure a return against.</summary>
    /// <returns>The sale with the recorded definition version and composition.</returns>
    public BundleSale ToSale() => new(
        LineId, Bundle, Quantity, SoldAt, new BundleDefinition(Bundle, Children, VersionFrom, VersionTo), PerBundle);

    /// <summary>Compares every field, and the components item by item.</summary>
    /// <param name="other">Another line.</param>
    /// <returns>True when both lines record the same sale.</returns>
    public bool Equals(BundleOrderLine? other) =>
        other is not null
        && string.Equals(OrderId, other.OrderId, StringComparison.Ordinal)
        && string.Equals(LineId, other.LineId, StringComparison.Ordinal)
        && Bundle.Equals(other.Bundle)
        && Quantity == other.Quantity
        && SoldAt == other.SoldAt
        && VersionFrom == other.VersionFrom
        && VersionTo == other.VersionTo
        && Children.SequenceEqual(other.Children)
        && PerBundle.SequenceEqual(other.PerBundle);

    /// <summary>Gets a hash of the identifying fields.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(OrderId), StringComparer.Ordinal.GetHashCode(LineId), Bundle, Quantity);
}
