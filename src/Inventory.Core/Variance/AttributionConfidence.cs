namespace Inventory.Core.Variance;

/// <summary>How strongly the evidence supports an attributed part.</summary>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public enum AttributionConfidence
{
    /// <summary>The evidence fits the cause but other readings remain likely.</summary>
    Low = 0,

    /// <summary>The evidence points to the cause; one other reading remains possible.</summary>
    Medium = 1,

    /// <summary>The events prove the cause.</summary>
    High = 2,
}
