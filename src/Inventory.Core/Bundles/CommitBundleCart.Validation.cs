using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Core.Bundles;

/// <content>Checks that each sale is one the domain allows before anything is decided.</content>
public sealed partial record CommitBundleCart
{
    private void ValidateSale(BundleSale sale)
    {
        var what = $"bundle line '{sale.LineId}' ({sale.Bundle.Value})";
        RequireSet(sale.Bundle.Value, $"SKU of {what}");
        RequirePositive(sale.Quantity, $"the quantity of {what}");
        ValidateDefinition(sale, what);
        ValidateSpan(sale, what);
        ValidatePerBundle(sale, what);
        ValidateLeaves(sale, what);
    }

    private void ValidateDefinition(BundleSale sale, string what)
    {
        if (sale.Definition is null || !sale.Definition.Parent.Equals(sale.Bundle))
        {
            Invalid($"{what} must carry a definition version of {sale.Bundle.Value} "
                + $"(was {sale.Definition?.Parent.Value ?? "null"}).");
        }

        if (sale.Definition.Components.Count == 0)
        {
            Invalid($"{what}: its definition version has no components; a bundle holds at least one.");
        }

        foreach (var component in sale.Definition.Components)
        {
            RequireSet(component.Sku.Value, $"definition component SKU of {what}");
            if (component.Quantity <= 0)
            {
                Invalid($"{what}: its definition quantity of {component.Sku.Value} must be a positive whole number "
                    + $"of units (was {component.Quantity}).");
            }

            if (component.Sku.Equals(sale.Bundle))
            {
                Invalid($"{what}: its definition version contains {sale.Bundle.Value} itself "
                    + $"({Describe(sale.Definition.Components)}); a bundle cannot contain itself.");
            }
        }
    }

    private void ValidateSpan(BundleSale sale, string what)
    {
        var version = sale.Definition;
        if (version.ValidFrom is { } from && version.ValidTo is { } to && to <= from)
        {
            Invalid($"{what}: its definition version's span {Span(version)} is empty; validFrom must be earlier "
                + "than validTo.");
        }

        if (!version.IsValidAt(sale.SoldAt))
        {
            Invalid($"{what} was sold at {Format(sale.SoldAt)}, outside its definition version's span "
                + $"{Span(version)}; a sale carries the version in force at its instant.");
        }
    }

    private void ValidatePerBundle(BundleSale sale, string what)
    {
        if (sale.PerBundle is null || sale.PerBundle.Count == 0)
        {
            Invalid($"{what} has no components; explode it before selling.");
        }

        var seen = new HashSet<Sku>();
        foreach (var component in sale.PerBundle)
        {
            RequireSet(component.Sku.Value, $"component SKU of {what}");
            RequirePositive(component.Quantity, $"the per-bundle quantity of {component.Sku.Value} in {what}");
            if (!seen.Add(component.Sku))
            {
                Invalid($"{what} lists {component.Sku.Value} more than once in its per-bundle composition "
                    + $"({Describe(sale.PerBundle)}); give each leaf component once, with its summed quantity.");
            }

            if (component.Sku.Equals(sale.Bundle))
            {
                Invalid($"{what}: its per-bundle composition contains {sale.Bundle.Value} itself "
                    + $"({Describe(sale.PerBundle)}); a bundle cannot contain itself.");
            }
        }
    }

    /// <summary>
    /// Checks the per-bundle composition against the definition's lines. A line whose SKU is in the composition is
    /// a leaf and one whose SKU is not is a nested bundle. With no nested line the composition must equal the lines
    /// summed per SKU. With nested lines the ledger cannot open them (it holds no catalog); every explosion still
    /// holds at least a leaf line's units of its SKU, and at least one leaf unit per unit of each line.
    /// </summary>
    private void ValidateLeaves(BundleSale sale, string what)
    {
        var listed = new Dictionary<Sku, Int128>();
        foreach (var line in sale.Definition.Components)
        {
            listed[line.Sku] = listed.GetValueOrDefault(line.Sku) + line.Quantity;
        }

        var leaves = sale.PerBundle.ToDictionary(c => c.Sku, c => c.Quantity);
        if (listed.Keys.All(leaves.ContainsKey))
        {
            if (leaves.Count != listed.Count || listed.Any(l => leaves[l.Key] != l.Value))
            {
                Invalid($"{what}: its per-bundle composition ({Describe(sale.PerBundle)}) is not its definition's "
                    + $"leaf composition ({Describe(listed)}).");
            }

            return;
        }

        foreach (var line in listed.Where(l => leaves.ContainsKey(l.Key) && leaves[l.Key] < l.Value))
        {
            Invalid($"{what} holds {leaves[line.Key]} x {line.Key.Value} per bundle, fewer than the {line.Value} its "
                + "definition lists.");
        }

        var units = sale.PerBundle.Aggregate(Int128.Zero, (sum, c) => sum + c.Quantity);
        var lines = listed.Values.Aggregate(Int128.Zero, (sum, q) => sum + q);
        if (units < lines)
        {
            Invalid($"{what} holds {units} leaf units per bundle, fewer than the {lines} units its definition's "
                + "lines call for; each unit of a line holds at least one leaf unit.");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Invalid(string detail) =>
        throw new InvalidCommandException($"CommitBundleCart '{IdempotencyKey}': {detail}");

    private static string Describe(IEnumerable<BundleComponent> components) =>
        string.Join(", ", components.Select(c => c.ToString()));

    private static string Describe(Dictionary<Sku, Int128> listed) =>
        string.Join(", ", listed.OrderBy(l => l.Key.Value, StringComparer.Ordinal).Select(l => $"{l.Value} x {l.Key}"));

    private static string Span(BundleDefinition version) =>
        $"[{(version.ValidFrom is { } from ? Format(from) : "-inf")}, "
        + $"{(version.ValidTo is { } to ? Format(to) : "+inf")})";

    private static string Format(Instant at) => InstantPattern.ExtendedIso.Format(at);
}
