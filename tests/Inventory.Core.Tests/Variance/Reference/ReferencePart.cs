using Inventory.Core.Variance;
namespace Inventory.Core.Tests.Variance.Reference;

/// <summary>Sums the units, evidence and weakest confidence of one cause at one SKU and location.</summary>
internal sealed class ReferencePart(VarianceCause cause)
{
    private readonly SortedSet<string> _evidence = new(StringComparer.Ordinal);

    public VarianceCause Cause { get; } = cause;

    public long Units { get; private set; }

    public AttributionConfidence Confidence { get; private set; } = AttributionConfidence.High;

    public void Add(long units, AttributionConfidence confidence, IEnumerable<string> evidence)
    {
        Units = checked(Units + units);
        Confidence = confidence < Confidence ? confidence : Confidence;
        _evidence.UnionWith(evidence.Where(id => id.Length > 0));
    }

    public VariancePart Build() => new(Cause, Units, [.. _evidence], Confidence);
}
