using System.Globalization;
using Inventory.Core.Variance;

namespace Inventory.Cli.Reconcile;

/// <summary>Parses <c>--threshold figure=value</c> arguments onto the indicator thresholds.</summary>
internal static class ThresholdArguments
{
    private static readonly Dictionary<string, Action<VarianceThresholds, decimal>> _setters = new()
    {
        ["record_accuracy_percent"] = (t, v) => t.MinRecordAccuracyPercent = v,
        ["hero_discrepancy_percent"] = (t, v) => t.MaxHeroDiscrepancyPercent = v,
        ["oversells"] = (t, v) => t.MaxOversells = v,
        ["reservation_expiry_percent"] = (t, v) => t.MaxReservationExpiryPercent = v,
        ["return_to_stock_median_hours"] = (t, v) => t.MaxReturnToStockMedianHours = v,
        ["return_to_stock_p90_hours"] = (t, v) => t.MaxReturnToStockP90Hours = v,
        ["damages_zeroed_same_day_percent"] = (t, v) => t.MinDamagesZeroedSameDayPercent = v,
        ["adjustments_per_1000_shipped"] = (t, v) => t.MaxAdjustmentsPerThousandShipped = v,
        ["unexplained_percent"] = (t, v) => t.MaxUnexplainedPercent = v,
    };

    /// <summary>Applies each <c>figure=value</c> pair to <paramref name="thresholds"/>.</summary>
    /// <exception cref="ArgumentException">Thrown when a pair names no figure or its value is not a number.</exception>
    public static void Apply(IEnumerable<string> pairs, VarianceThresholds thresholds)
    {
        foreach (var pair in pairs)
        {
            var split = pair.Split('=', 2);
            if (split.Length != 2 || !_setters.TryGetValue(split[0].Trim(), out var set))
            {
                throw new ArgumentException(
                    $"--threshold: '{pair}' must be figure=value, the figure one of " +
                    $"{string.Join(", ", _setters.Keys)}.");
            }

            if (!decimal.TryParse(split[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"--threshold: '{split[1]}' in '{pair}' is not a number.");
            }

            set(thresholds, value);
        }
    }
}
