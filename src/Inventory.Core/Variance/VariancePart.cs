namespace Inventory.Core.Variance;

/// <summary>The share of a difference attributed to one cause.</summary>
/// <param name="Cause">The cause.</param>
/// <param name="Units">The signed units (channel minus warehouse) the cause accounts for.</param>
/// <param name="Evidence">The ids of the events the attribution rests on, in ordinal order.</param>
/// <param name="Confidence">How strongly the evidence supports the attribution.</param>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record VariancePart(
    VarianceCause Cause,
    long Units,
    IReadOnlyList<string> Evidence,
    AttributionConfidence Confidence);
