namespace Inventory.Core.Variance;

/// <summary>How a finding behaves over the recent daily reconciliations.</summary>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public enum VarianceTrend
{
    /// <summary>Seen on fewer days than the recurring rule asks for.</summary>
    OneOff = 0,

    /// <summary>Seen on at least the recurring number of the recent days.</summary>
    Recurring = 1,

    /// <summary>Its absolute difference rises over the recent days by a one-sided Mann-Kendall test.</summary>
    Growing = 2,

    /// <summary>Recurring on the days after a fix the caller recorded for its SKU.</summary>
    Resistant = 3,
}
