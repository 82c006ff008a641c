namespace Inventory.Core.Variance;

/// <summary>Which side of its threshold an indicator must stay on.</summary>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public enum IndicatorDirection
{
    /// <summary>The figure must not exceed the threshold; a higher value raises an alert.</summary>
    AtMost = 0,

    /// <summary>The figure must not fall below the threshold; a lower value raises an alert.</summary>
    AtLeast = 1,
}
