using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>Exact splits of whole minor units by weight.</summary>
internal static class RefundSplit
{
    /// <summary>
    /// Splits <paramref name="total"/> whole units in proportion to the weights: each part is the floor of its
    /// exact share, and the units left over go one each to the largest remainders (ties in ordinal SKU order).
    /// </summary>
    public static IReadOnlyDictionary<Sku, decimal> Split(
        decimal total, IReadOnlyList<(Sku Sku, decimal Weight)> weights)
    {
        var sum = weights.Sum(w => w.Weight);
        var parts = new Dictionary<Sku, decimal>();
        var remainders = new List<(Sku Sku, decimal Remainder)>();
        foreach (var (sku, weight) in weights)
        {
            var (quotient, remainder) = DivRem(checked(total * weight), sum);
            parts[sku] = quotient;
            remainders.Add((sku, remainder));
        }

        var left = total - parts.Values.Sum();
        foreach (var (sku, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Sku).Take((int)left))
        {
            parts[sku] += 1;
        }

        return parts;
    }

    /// <summary>Gets floor(part * returned / sold) exactly.</summary>
    public static decimal UnitShare(decimal part, long returned, long sold) =>
        DivRem(checked(part * returned), sold).Quotient;

    private static (decimal Quotient, decimal Remainder) DivRem(decimal numerator, decimal denominator)
    {
        var quotient = decimal.Floor(numerator / denominator);

        // The division rounds at 28 digits; step back when that rounding crossed a whole number.
        while (quotient * denominator > numerator)
        {
            quotient -= 1;
        }

        while ((quotient + 1) * denominator <= numerator)
        {
            quotient += 1;
        }

        return (quotient, numerator - (quotient * denominator));
    }
}
