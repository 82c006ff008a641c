namespace Inventory.Core.Variance;

/// <summary>
/// Computes the weekly indicators of docs/variance.md from a report and the indicator tally of its window, and
/// raises an alert for each figure on the wrong side of its threshold. Values are exact ratios of whole numbers;
/// the threshold test uses the exact ratio, the reported value is rounded to two decimals.
/// </summary>
internal static class WeeklyIndicators
{
    private const IndicatorDirection AtMost = IndicatorDirection.AtMost;

    private const IndicatorDirection AtLeast = IndicatorDirection.AtLeast;

    public static IReadOnlyList<VarianceIndicator> Compute(
        VarianceReport report,
        IndicatorTally tally,
        VarianceThresholds thresholds)
    {
        var minutes = tally.ReturnToStockMinutes();
        var (damagesDue, damagesSameDay) = tally.DamageCounts();
        var heroBasis = report.HeroSkus.Count == 0 ? 0 : 100;

        return
        [
            Ratio("record_accuracy_percent", report.RowsWithinTolerance, report.RowsCompared, 100,
                thresholds.MinRecordAccuracyPercent, AtLeast),
            Ratio("hero_discrepancy_percent", report.HeroDiscrepancyBasisPoints, heroBasis, 1,
                thresholds.MaxHeroDiscrepancyPercent, AtMost),
            Ratio("oversells", tally.Oversells, 1, 1, thresholds.MaxOversells, AtMost),
            Ratio("reservation_expiry_percent", tally.ReservationsExpired, tally.ReservationsPlaced, 100,
                thresholds.MaxReservationExpiryPercent, AtMost),
            Ratio("return_to_stock_median_hours", Rank(minutes, 50), minutes.Count == 0 ? 0 : 60, 1,
                thresholds.MaxReturnToStockMedianHours, AtMost),
            Ratio("return_to_stock_p90_hours", Rank(minutes, 90), minutes.Count == 0 ? 0 : 60, 1,
                thresholds.MaxReturnToStockP90Hours, AtMost),
            Ratio("damages_zeroed_same_day_percent", damagesSameDay, damagesDue, 100,
                thresholds.MinDamagesZeroedSameDayPercent, AtLeast),
            Ratio("adjustments_per_1000_shipped", tally.AdjustmentLines, tally.UnitsShipped, 1000,
                thresholds.MaxAdjustmentsPerThousandShipped, AtMost),
            Ratio("unexplained_percent", UnexplainedUnits(report), report.DiscrepancyUnits, 100,
                thresholds.MaxUnexplainedPercent, AtMost),
        ];
    }

    /// <summary>Lists an alert for every breached indicator, in indicator order.</summary>
    public static IReadOnlyList<VarianceAlert> Alerts(IReadOnlyList<VarianceIndicator> indicators) =>
    [
        .. indicators
            .Where(indicator => indicator.Breached)
            .Select(indicator => new VarianceAlert(
                indicator.Figure, indicator.Value!.Value, indicator.Threshold, indicator.Direction)),
    ];

    /// <summary>
    /// Gets the nearest-rank percentile of an ascending list: the value at rank ceil(p x n / 100); 0 when empty.
    /// </summary>
    public static long Rank(List<long> ascending, int percent)
    {
        if (ascending.Count == 0)
        {
            return 0;
        }

        var rank = checked((percent * (long)ascending.Count) + 99) / 100;

        return ascending[(int)Math.Max(rank, 1) - 1];
    }

    private static long UnexplainedUnits(VarianceReport report)
    {
        long units = 0;
        foreach (var part in report.Findings.SelectMany(f => f.Parts))
        {
            if (part.Cause == VarianceCause.Unexplained)
            {
                units = checked(units + Math.Abs(part.Units));
            }
        }

        return units;
    }

    /// <summary>
    /// Builds an indicator whose exact value is numerator x scale / denominator; no value and no breach when the
    /// denominator is zero (nothing to measure).
    /// </summary>
    private static VarianceIndicator Ratio(
        string figure,
        long numerator,
        long denominator,
        int scale,
        decimal threshold,
        IndicatorDirection direction)
    {
        if (denominator == 0)
        {
            return new VarianceIndicator(figure, null, threshold, direction, false);
        }

        var scaled = (decimal)numerator * scale;
        var bound = threshold * denominator;
        var breached = direction == IndicatorDirection.AtMost ? scaled > bound : scaled < bound;
        var value = Math.Round(scaled / denominator, 2, MidpointRounding.AwayFromZero);

        return new VarianceIndicator(figure, value, threshold, direction, breached);
    }
}
