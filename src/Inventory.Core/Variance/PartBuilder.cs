namespace Inventory.Core.Variance;

/// <summary>Sums the units, evidence and weakest confidence of one cause at one SKU and location.</summary>
internal sealed class PartBuilder(VarianceCause cause)
{
    /// <summary>The ids as added, repeats included; sorted and made distinct once, when the part is built.</summary>
    private readonly List<string> _evidence = [];

    public VarianceCause Cause { get; } = cause;

    public long Units { get; private set; }

    public AttributionConfidence Confidence { get; private set; } = AttributionConfidence.High;

    public void Add(long units, AttributionConfidence confidence, IEnumerable<string> evidence)
    {
        Units = checked(Units + units);
        Confidence = confidence < Confidence ? confidence : Confidence;
        foreach (var id in evidence)
        {
            if (id.Length > 0)
            {
                _evidence.Add(id);
            }
        }
    }

    public VariancePart Build()
    {
        _evidence.Sort(StringComparer.Ordinal);
        var distinct = new List<string>(_evidence.Count);
        foreach (var id in _evidence)
        {
            if (distinct.Count == 0 || !string.Equals(distinct[^1], id, StringComparison.Ordinal))
            {
                distinct.Add(id);
            }
        }

        return new(Cause, Units, [.. distinct], Confidence);
    }
}
