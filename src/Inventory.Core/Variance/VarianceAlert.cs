using System.Globalization;

namespace Inventory.Core.Variance;

/// <summary>A threshold crossed by a weekly figure.</summary>
/// <param name="Figure">The figure's report name.</param>
/// <param name="Value">The figure's value, rounded to two decimals.</param>
/// <param name="Threshold">The threshold it crossed.</param>
/// <param name="Direction">Which side of the threshold the figure should have stayed on.</param>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record VarianceAlert(string Figure, decimal Value, decimal Threshold, IndicatorDirection Direction)
{
    /// <summary>Gets a sentence naming the figure, its value and the threshold.</summary>
    public string Message => Direction == IndicatorDirection.AtMost
        ? string.Create(CultureInfo.InvariantCulture, $"{Figure} is {Value} (at most {Threshold} allowed)")
        : string.Create(CultureInfo.InvariantCulture, $"{Figure} is {Value} (at least {Threshold} required)");
}
