using System.Globalization;
using Inventory.Core.Variance;

namespace Inventory.Cli.Reconcile;

/// <summary>Parses <c>--threshold figure=value</c> arguments onto the indicator thresholds.</summary>
internal static class ThresholdArguments
{
    private static readonly Dictionary<string, (Action<VarianceThresholds, decimal> Set, bool Percent)> _figures =
        new()
        {
            ["record_accuracy_percent"] = ((t, v) => t.MinRecordAccuracyPercent = v, true),
            ["hero_discrepancy_percent"] = ((t, v) => t.MaxHeroDiscrepancyPercent = v, false),
            ["oversells"] = ((t, v) => t.MaxOversells = v, false),
            ["reservation_expiry_percent"] = ((t, v) => t.MaxReservationExpiryPercent = v, true),
            ["return_to_stock_median_hours"] = ((t, v) => t.MaxReturnToStockMedianHours = v, false),
            ["return_to_stock_p90_hours"] = ((t, v) => t.MaxReturnToStockP90Hours = v, false),
            ["damages_zeroed_same_day_percent"] = ((t, v) => t.MinDamagesZeroedSameDayPercent = v, true),
            ["adjustments_per_1000_shipped"] = ((t, v) => t.MaxAdjustmentsPerThousandShipped = v, false),
            ["unexplained_percent"] = ((t, v) => t.MaxUnexplainedPercent = v, true),
        };

    /// <summary>Applies each <c>figure=value</c> pair to <paramref name="thresholds"/>.</summary>
    /// <exception cref="ArgumentException">
    /// Thrown when a pair names no figure, or its value is not a number or out of the figure's range.
    /// </exception>
    public static void Apply(IEnumerable<string> pairs, VarianceThresholds thresholds)
    {
        foreach (var pair in pairs)
        {
            var split = pair.Split('=', 2);
            var figure = split[0].Trim();
            if (split.Length != 2 || !_figures.TryGetValue(figure, out var rule))
            {
                throw new ArgumentException(
                    $"--threshold: '{pair}' must be figure=value, the figure one of " +
                    $"{string.Join(", ", _figures.Keys)}.");
            }

            if (!decimal.TryParse(split[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"--threshold: '{split[1]}' in '{pair}' is not a number.");
            }

            if (value < 0 || (rule.Percent && value > 100))
            {
                var range = rule.Percent ? "must be from 0 to 100" : "must not be negative";
                throw new ArgumentException($"--threshold: '{pair}': {figure} {range}.");
            }

            rule.Set(thresholds, value);
        }
    }
}
