namespace Inventory.Core.Variance;

/// <summary>Sums the units, evidence and weakest confidence of one cause at one SKU and location.</summary>
internal sealed class PartBuilder(VarianceCause cause)
{
    /// <summary>The ids as added, repeats included; sorted and made distinct once, when the part is built.</summary>
    private readonly List<string> _evidence = [];

    public VarianceCause Cause { get; } = cause;

    public long Units { get; private set; }

    public AttributionConfidence Confidence { get; private set; } = AttributionConfidence.High;

    /// <summary>Adds units to the part and lowers its confidence to <paramref name="confidence"/> if weaker.</summary>
    public void Add(long units, AttributionConfidence confidence)
    {
        Units = checked(Units + units);
        Confidence = confidence < Confidence ? confidence : Confidence;
    }

    /// <summary>Adds the ids of the events behind some changes; empty ids are left out.</summary>
    public void AddEvidence(List<Effect> effects)
    {
        foreach (var effect in effects)
        {
            AddEvidence(effect.EventId);
        }
    }

    /// <summary>Adds one event's id; a null or empty id is left out.</summary>
    public void AddEvidence(string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            _evidence.Add(id);
        }
    }

    /// <summary>Builds the part, its evidence sorted by id with each id once.</summary>
    public VariancePart Build()
    {
        _evidence.Sort(StringComparer.Ordinal);
        var distinct = 0;
        for (var i = 0; i < _evidence.Count; i++)
        {
            if (distinct == 0 || !string.Equals(_evidence[distinct - 1], _evidence[i], StringComparison.Ordinal))
            {
                _evidence[distinct++] = _evidence[i];
            }
        }

        var evidence = new string[distinct];
        _evidence.CopyTo(0, evidence, 0, distinct);

        return new(Cause, Units, evidence, Confidence);
    }
}
