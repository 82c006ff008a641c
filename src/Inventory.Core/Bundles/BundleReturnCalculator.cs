using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>
/// The partial-return calculator: what a return of some components of a sold bundle line restocks, how many whole
/// bundles have come back, and how the refund splits across the components.
/// </summary>
/// <remarks>
/// <para>
/// The price paid for the line is first split across its components by weight times units sold (largest
/// remainder, so the parts add up to the price exactly). A component's part is then refunded unit by unit:
/// after n of its Q units have come back, floor(part * n / Q) has been refunded. A return refunds the difference
/// that it makes, so parts never go negative, returns in any number of steps add up to the same amount, and a
/// line returned in full refunds exactly the price paid. All money is whole minor units in exact decimal
/// arithmetic.
/// </para>
/// <para>
/// Everything is measured against the composition recorded in the <see cref="BundleSale"/>, never the catalog, so
/// later edits to the bundle do not change what a return restocks. Stateless; safe to call from several threads.
/// </para>
/// </remarks>
public static class BundleReturnCalculator
{
    /// <summary>Calculates one return.</summary>
    /// <param name="sale">The sold line with its composition as sold.</param>
    /// <param name="pricePaid">The price paid for the whole line, in whole minor units (cents); zero or more.</param>
    /// <param name="currency">The currency code.</param>
    /// <param name="alreadyReturned">Components returned before, by earlier returns of this line.</param>
    /// <param name="returning">The components coming back now.</param>
    /// <param name="weights">
    /// Refund weight of one unit of each component, usually its standalone price; null weighs every unit alike.
    /// </param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException">Thrown when a required argument is null.</exception>
    /// <exception cref="BundleReturnException">
    /// Thrown, listing every problem, when more of a component comes back than was sold, a component was not in the
    /// bundle as sold, a quantity is not positive, the price is negative or not whole, or a weight is missing or
    /// negative, a component is listed twice in the composition as sold, the units sold pass the 64-bit range, or
    /// the price and weights pass the range of decimal arithmetic.
    /// </exception>
    public static BundleReturnResult Calculate(
        BundleSale sale,
        decimal pricePaid,
        string currency,
        IReadOnlyList<ReturnedComponent> alreadyReturned,
        IReadOnlyList<ReturnedComponent> returning,
        IReadOnlyDictionary<Sku, decimal>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(alreadyReturned);
        ArgumentNullException.ThrowIfNull(returning);
        var problems = new List<string>();
        var sold = Sold(sale, problems);
        if (problems.Count > 0)
        {
            throw new BundleReturnException(sale.LineId, problems);
        }

        CheckMoney(pricePaid, currency, problems);
        var before = Totals(alreadyReturned, sold, sale, "returned before", problems);
        var now = Totals(returning, sold, sale, "coming back", problems);
        CheckQuantities(sold, before, now, problems);
        var unitWeights = Weights(sale, weights, problems);
        if (problems.Count > 0)
        {
            throw new BundleReturnException(sale.LineId, problems);
        }

        try
        {
            var parts = RefundSplit.Split(
                pricePaid, [.. sold.Select(p => (p.Key, checked(unitWeights[p.Key] * p.Value)))]);

            return Refund(sale, currency, sold, before, returning, parts);
        }
        catch (OverflowException)
        {
            // Decimal holds 28 to 29 digits: the price times a weight times the units sold can pass it.
            throw new BundleReturnException(
                sale.LineId,
                [$"the price paid ({pricePaid}) times the component weights and quantities passes the range of "
                    + "decimal arithmetic; give smaller weights (only their ratios count)."]);
        }
    }

    /// <summary>Gets the units sold per component, each SKU listed once and each product within range.</summary>
    private static Dictionary<Sku, long> Sold(BundleSale sale, List<string> problems)
    {
        var sold = new Dictionary<Sku, long>();
        foreach (var component in sale.PerBundle)
        {
            if (sold.ContainsKey(component.Sku))
            {
                problems.Add($"component {component.Sku} is listed more than once in the composition as sold.");
            }
            else if (Multiply(component.Quantity, sale.Quantity) is { } units)
            {
                sold[component.Sku] = units;
            }
            else
            {
                problems.Add($"component {component.Sku}: {component.Quantity} per bundle times {sale.Quantity} "
                    + "bundles passes the 64-bit range.");
            }
        }

        return sold;
    }

    private static long? Multiply(long a, long b)
    {
        var product = (Int128)a * b;

        return product > long.MaxValue || product < long.MinValue ? null : (long)product;
    }

    private static BundleReturnResult Refund(
        BundleSale sale, string currency, Dictionary<Sku, long> sold, Dictionary<Sku, long> before,
        IReadOnlyList<ReturnedComponent> returning, IReadOnlyDictionary<Sku, decimal> parts)
    {
        var counted = new Dictionary<Sku, long>(before);
        var lines = new List<ComponentRefund>(returning.Count);
        foreach (var line in returning)
        {
            var from = counted.GetValueOrDefault(line.Sku);
            var to = checked(from + line.Quantity);
            counted[line.Sku] = to;
            var refund = RefundSplit.UnitShare(parts[line.Sku], to, sold[line.Sku])
                - RefundSplit.UnitShare(parts[line.Sku], from, sold[line.Sku]);
            lines.Add(new ComponentRefund(line.Sku, line.Quantity, Bucket(line.Condition), refund));
        }

        return new BundleReturnResult(
            sale.LineId,
            currency,
            lines,
            BundleMath.WholeBundles(sale.PerBundle, before),
            BundleMath.WholeBundles(sale.PerBundle, counted));
    }

    private static StockBucket Bucket(ComponentCondition condition) => condition switch
    {
        ComponentCondition.Damaged => StockBucket.Damaged,
        ComponentCondition.NeedsInspection => StockBucket.QualityControl,
        _ => StockBucket.Available,
    };

    private static void CheckMoney(decimal pricePaid, string? currency, List<string> problems)
    {
        if (pricePaid < 0 || pricePaid != decimal.Truncate(pricePaid))
        {
            problems.Add($"the price paid ({pricePaid}) must be a whole, non-negative number of minor units.");
        }

        if (string.IsNullOrWhiteSpace(currency))
        {
            problems.Add("the currency must not be blank.");
        }
    }

    private static Dictionary<Sku, long> Totals(
        IReadOnlyList<ReturnedComponent> lines, Dictionary<Sku, long> sold, BundleSale sale, string what,
        List<string> problems)
    {
        var totals = new Dictionary<Sku, long>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null || line.Quantity <= 0 || !Enum.IsDefined(line.Condition))
            {
                problems.Add($"line {i + 1} {what} must name a component, a positive quantity and a known condition"
                    + (line is null ? " (was null)." : $" (was {line.Quantity} x {line.Sku}, {line.Condition})."));
                continue;
            }

            if (!sold.ContainsKey(line.Sku))
            {
                problems.Add($"component {line.Sku} ({what}) was not in bundle {sale.Bundle} as sold "
                    + $"({string.Join(", ", sale.PerBundle)} per bundle).");
                continue;
            }

            totals[line.Sku] = checked(totals.GetValueOrDefault(line.Sku) + line.Quantity);
        }

        return totals;
    }

    private static void CheckQuantities(
        Dictionary<Sku, long> sold, Dictionary<Sku, long> before, Dictionary<Sku, long> now, List<string> problems)
    {
        foreach (var (sku, quantity) in now.OrderBy(p => p.Key))
        {
            var earlier = before.GetValueOrDefault(sku);
            if (checked(earlier + quantity) > sold[sku])
            {
                problems.Add(
                    $"component {sku}: {earlier} returned before and {quantity} now exceed the {sold[sku]} sold.");
            }
        }

        foreach (var (sku, quantity) in before.Where(p => p.Value > sold[p.Key]).OrderBy(p => p.Key))
        {
            problems.Add($"component {sku}: {quantity} returned before exceed the {sold[sku]} sold.");
        }
    }

    private static Dictionary<Sku, decimal> Weights(
        BundleSale sale, IReadOnlyDictionary<Sku, decimal>? weights, List<string> problems)
    {
        var result = new Dictionary<Sku, decimal>();
        foreach (var component in sale.PerBundle)
        {
            var weight = weights is null ? 1m : weights.TryGetValue(component.Sku, out var w) ? w : -1m;
            if (weight < 0)
            {
                problems.Add(weights!.ContainsKey(component.Sku)
                    ? $"the weight of component {component.Sku} is {weight}; weights must not be negative."
                    : $"no weight was given for component {component.Sku}.");
            }

            result[component.Sku] = weight;
        }

        if (problems.Count == 0 && result.Values.All(w => w == 0))
        {
            problems.Add("every component weight is zero; give at least one a positive weight.");
        }

        return result;
    }
}
