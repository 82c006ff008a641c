using System.Globalization;

namespace Inventory.Core.Variance;

/// <summary>
/// The thresholds of the weekly indicators; a figure on the wrong side of its threshold raises an alert. Percentages
/// are of 100; a value exactly at its threshold raises nothing.
/// </summary>
/// <remarks>Not thread-safe while being configured; validated once, with the classifier's options.</remarks>
public sealed class VarianceThresholds
{
    /// <summary>Gets or sets the lowest share of SKU and locations within tolerance, in percent.</summary>
    /// <value>97 by default. Must be between 0 and 100.</value>
    public decimal MinRecordAccuracyPercent { get; set; } = 97m;

    /// <summary>Gets or sets the highest discrepancy on hero SKUs, in percent of their warehouse count.</summary>
    /// <value>2 by default. Must not be negative.</value>
    public decimal MaxHeroDiscrepancyPercent { get; set; } = 2m;

    /// <summary>Gets or sets the most oversold order lines allowed in the window.</summary>
    /// <value>0 by default. Must not be negative.</value>
    public decimal MaxOversells { get; set; }

    /// <summary>Gets or sets the highest share of placed reservations that expired, in percent.</summary>
    /// <value>20 by default. Must be between 0 and 100.</value>
    public decimal MaxReservationExpiryPercent { get; set; } = 20m;

    /// <summary>Gets or sets the longest median time from a return's receipt to its restock, in hours.</summary>
    /// <value>24 by default. Must not be negative.</value>
    public decimal MaxReturnToStockMedianHours { get; set; } = 24m;

    /// <summary>
    /// Gets or sets the longest 90th percentile time from a return's receipt to its restock, in hours.
    /// </summary>
    /// <value>72 by default. Must not be negative.</value>
    public decimal MaxReturnToStockP90Hours { get; set; } = 72m;

    /// <summary>
    /// Gets or sets the lowest share of damage reports out of available in both systems the business day they were
    /// reported, in percent.
    /// </summary>
    /// <value>95 by default. Must be between 0 and 100.</value>
    public decimal MinDamagesZeroedSameDayPercent { get; set; } = 95m;

    /// <summary>Gets or sets the most adjustment lines per 1,000 units the warehouse shipped.</summary>
    /// <value>5 by default. Must not be negative.</value>
    public decimal MaxAdjustmentsPerThousandShipped { get; set; } = 5m;

    /// <summary>Gets or sets the highest share of discrepancy units no cause explains, in percent.</summary>
    /// <value>10 by default. Must be between 0 and 100.</value>
    public decimal MaxUnexplainedPercent { get; set; } = 10m;

    /// <summary>Gets a copy of these thresholds.</summary>
    /// <returns>A new instance with the same values.</returns>
    public VarianceThresholds Copy() => (VarianceThresholds)MemberwiseClone();

    /// <summary>Lists every invalid threshold, one sentence each that says how to fix it.</summary>
    /// <returns>The problems; empty when every threshold is valid.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Percent(problems, MinRecordAccuracyPercent, nameof(MinRecordAccuracyPercent));
        NotNegative(problems, MaxHeroDiscrepancyPercent, nameof(MaxHeroDiscrepancyPercent));
        NotNegative(problems, MaxOversells, nameof(MaxOversells));
        Percent(problems, MaxReservationExpiryPercent, nameof(MaxReservationExpiryPercent));
        NotNegative(problems, MaxReturnToStockMedianHours, nameof(MaxReturnToStockMedianHours));
        NotNegative(problems, MaxReturnToStockP90Hours, nameof(MaxReturnToStockP90Hours));
        Percent(problems, MinDamagesZeroedSameDayPercent, nameof(MinDamagesZeroedSameDayPercent));
        NotNegative(problems, MaxAdjustmentsPerThousandShipped, nameof(MaxAdjustmentsPerThousandShipped));
        Percent(problems, MaxUnexplainedPercent, nameof(MaxUnexplainedPercent));

        return problems;
    }

    private static void Percent(List<string> problems, decimal value, string name)
    {
        if (value is < 0m or > 100m)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture, $"Thresholds.{name} must be between 0 and 100 (was {value})."));
        }
    }

    private static void NotNegative(List<string> problems, decimal value, string name)
    {
        if (value < 0m)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture, $"Thresholds.{name} must not be negative (was {value})."));
        }
    }
}
