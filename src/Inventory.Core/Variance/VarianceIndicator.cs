namespace Inventory.Core.Variance;

/// <summary>One weekly figure of the reconciliation, with the threshold it is held to.</summary>
/// <param name="Figure">The figure's report name, for example <c>record_accuracy_percent</c>.</param>
/// <param name="Value">
/// The value rounded half away from zero to two decimals; null when there was nothing to measure.
/// </param>
/// <param name="Threshold">The threshold.</param>
/// <param name="Direction">Which side of the threshold the figure must stay on.</param>
/// <param name="Breached">Whether the exact (unrounded) value crossed the threshold.</param>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record VarianceIndicator(
    string Figure,
    decimal? Value,
    decimal Threshold,
    IndicatorDirection Direction,
    bool Breached);
