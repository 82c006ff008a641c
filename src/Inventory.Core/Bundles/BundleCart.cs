using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Bundles;

/// <summary>Sells bundles through the ledger: a bundle line becomes its component lines in one cart
/// command.</summary>
/// <remarks>
/// The components are held, committed and shipped by the ledger's own commands, so a bundle is reserved whole or
/// not at all, and shares stock with the same components sold on their own. Stateless; safe to call from several
/// threads.
/// </remarks>
public static class BundleCart
{
    /// <summary>Builds the one <see cref="ReserveCart"/> that holds every line, with bundle lines exploded.</summary>
    /// <param name="catalog">The bundle definitions.</param>
    /// <param name="idempotencyKey">The command's key.</param>
    /// <param name="cartId">The cart.</param>
    /// <param name="lines">The lines; a SKU that is not a bundle at <paramref name="at"/> is held as it is.</param>
    /// <param name="at">The instant of sale, whose definitions apply; it is also the command's instant.</param>
    /// <returns>The command to execute and the sale record of each bundle line.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="InvalidCommandException">Thrown when a line's quantity is not positive or a line is
    /// null.</exception>
    /// <exception cref="OverflowException">Thrown when an exploded quantity exceeds <see
    /// cref="long.MaxValue"/>.</exception>
    public static BundleReservation Reserve(
        BundleCatalog catalog, string idempotencyKey, string cartId, IReadOnlyList<BundleCartLine> lines, Instant at)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(lines);
        var cartLines = new List<CartLine>();
        var sales = new List<BundleSale>();
        foreach (var line in lines)
        {
            var sale = Explode(catalog, idempotencyKey, line, at);
            if (sale is null)
            {
                cartLines.Add(new CartLine(line.LineId, line.Sku, line.Quantity, line.Location));
                continue;
            }

            sales.Add(sale);
            cartLines.AddRange(sale.Components.Select(
                c => new CartLine(sale.ComponentLineId(c.Sku), c.Sku, c.Quantity, line.Location)));
        }

        var command = new ReserveCart(idempotencyKey, cartId, cartLines) { At = at };

        return new BundleReservation(command, sales);
    }

    /// <summary>Gets how many whole bundles the ledger's available stock allows, pooled over its locations.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="catalog">The bundle definitions.</param>
    /// <param name="bundle">The bundle SKU.</param>
    /// <param name="at">The instant whose definition applies.</param>
    /// <param name="cartId">The asking cart, whose own holds count as available to it; null for none.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The whole bundles available; reservations of the components on their own count at once.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    public static async ValueTask<long> GetAvailableAsync(
        InventoryLedger ledger, BundleCatalog catalog, Sku bundle, Instant at, string? cartId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(catalog);
        var perBundle = catalog.Explode(bundle, 1, at);
        var units = new Dictionary<Sku, long>();
        foreach (var component in perBundle)
        {
            units[component.Sku] = await ledger.GetAvailableAsync(component.Sku, cartId, cancellationToken)
                .ConfigureAwait(false);
        }

        return BundleMath.WholeBundles(perBundle, units);
    }

    private static BundleSale? Explode(BundleCatalog catalog, string key, BundleCartLine? line, Instant at)
    {
        if (line is null)
        {
            throw new InvalidCommandException(
                $"ReserveCart '{key}': a bundle cart line is null; remove it or fill it in.");
        }

        if (line.Quantity <= 0)
        {
            throw new InvalidCommandException(
                $"ReserveCart '{key}': the quantity of line '{line.LineId}' ({line.Sku}) must be a positive whole "
                + $"number of units (was {line.Quantity}).");
        }

        return catalog.TryGetDefinition(line.Sku, at, out var definition)
            ? new BundleSale(line.LineId, line.Sku, line.Quantity, at, definition, catalog.Explode(line.Sku, 1, at))
            : null;
    }
}
