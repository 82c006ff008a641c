using Inventory.Core.Variance;
namespace Inventory.Core.Tests.Variance.Reference;

/// <summary>The earliest record of one bundle sale in each system (ties broken by event id).</summary>
internal sealed class ReferenceBundleSides
{
    public ReferenceEffect? Channel { get; private set; }

    public ReferenceEffect? Warehouse { get; private set; }

    public void Record(VarianceSystem system, ReferenceEffect effect)
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

    public ReferenceEffect? Side(VarianceSystem system) => system == VarianceSystem.Channel ? Channel : Warehouse;

    private static ReferenceEffect Earlier(ReferenceEffect candidate, ReferenceEffect? current)
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
