using System.Globalization;
using Inventory.Core.Ledger;
using NodaTime;

namespace Inventory.Core.Bundles;

/// <summary>
/// Turns every hold of a cart into committed stock of a new order, as <c>CommitCart</c> does, and records each
/// bundle line on the order with its definition version and composition at the time of sale.
/// </summary>
/// <param name="IdempotencyKey">The command's key.</param>
/// <param name="CartId">The cart, reserved with the bundle lines exploded (see <see cref="BundleCart"/>).</param>
/// <param name="OrderId">The new order; it must not exist yet.</param>
/// <param name="Sales">The sale record of each bundle line of the cart.</param>
/// <remarks>
/// <para>
/// Refused, changing nothing, when the cart has no holds, any hold has expired, the order exists, or the cart does
/// not hold exactly the units of some component a sale calls for under that sale's component line id.
/// </para>
/// <para>
/// Invalid, throwing <see cref="InvalidCommandException"/> from the ledger and changing nothing, when a sale is not
/// one the domain allows: a definition version of another bundle, without components, with a component quantity
/// that is not positive or with the bundle among its components; a version whose span is empty or does not contain
/// the instant of sale; a per-bundle composition that is empty, lists a component twice, holds the bundle itself
/// or is not the definition's leaf composition. A definition line that is not in the per-bundle composition is
/// taken to be a nested bundle; the ledger holds no catalog to open it, so only what every explosion of it must
/// satisfy is checked (see docs/bundles.md).
/// </para>
/// <para>Immutable; safe to share between threads.</para>
/// </remarks>
public sealed partial record CommitBundleCart(
    string IdempotencyKey, string CartId, string OrderId, IReadOnlyList<BundleSale> Sales)
    : LedgerCommand(IdempotencyKey)
{
    internal override void Validate()
    {
        base.Validate();
        RequireId(CartId, "cart id");
        RequireId(OrderId, "order id");
        if (Sales is null)
        {
            throw new InvalidCommandException($"CommitBundleCart '{IdempotencyKey}': the sales must not be null.");
        }

        RequireNoNulls(Sales, "sale");
        RequireDistinct(Sales.Select(s => s.LineId), "bundle line id");
        foreach (var sale in Sales)
        {
            ValidateSale(sale);
        }
    }

    internal override string Fingerprint()
    {
        var text = new CommandFingerprint("commit-bundles").Text(CartId).Text(OrderId).Count(Sales.Count);
        foreach (var sale in Sales)
        {
            var version = sale.Definition;
            text.Text(sale.LineId).Text(sale.Bundle.Value).Number(sale.Quantity).Number(sale.SoldAt.ToUnixTimeTicks())
                .Text(Ticks(version.ValidFrom)).Text(Ticks(version.ValidTo));
            Components(text, version.Components);
            Components(text, sale.PerBundle);
        }

        return text.ToString();
    }

    private static string? Ticks(Instant? at) => at?.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture);

    private static void Components(CommandFingerprint text, IReadOnlyList<BundleComponent> components)
    {
        text.Count(components.Count);
        foreach (var component in components)
        {
            text.Text(component.Sku.Value).Number(component.Quantity);
        }
    }
}
