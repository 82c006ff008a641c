namespace Inventory.Core.Variance;

/// <summary>The earliest record of one bundle sale in each system (ties broken by event id).</summary>
internal sealed class BundleSides
{
    public Effect? Channel { get; private set; }

    public Effect? Warehouse { get; private set; }

    public void Record(VarianceSystem system, Effect effect)
    {
        if (system == VarianceSystem.Channel)
        {
            Channel = Earlier(effect, Channel);
        }
        else
        {
            Warehouse = Earlier(effect, Warehouse);
        }
    }

    public Effect? Side(VarianceSystem system) => system == VarianceSystem.Channel ? Channel : Warehouse;

    private static Effect Earlier(Effect candidate, Effect? current)
    {
        if (current is not { } known)
        {
            return candidate;
        }

        var byTime = candidate.At.CompareTo(known.At);
        var earlier = byTime != 0 ? byTime < 0 : string.CompareOrdinal(candidate.EventId, known.EventId) < 0;

        return earlier ? candidate : known;
    }
}
