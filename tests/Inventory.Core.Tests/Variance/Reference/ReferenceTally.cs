using Inventory.Core.Variance;
namespace Inventory.Core.Tests.Variance.Reference;

/// <summary>What the event stream said about one SKU and location: its sync writes and its matched changes.</summary>
internal sealed class ReferenceTally
{
    public SyncWrite? LastWrite { get; private set; }

    public SyncWrite? FreshestRead { get; private set; }

    public Dictionary<(EffectKind Kind, string Reference), ReferenceGroup> Groups { get; } = [];

    /// <summary>
    /// Keeps the write that landed last and the one that read latest; ties break on id, so order never matters.
    /// </summary>
    public void Add(SyncWrite write)
    {
        if (LastWrite is null || Later(write, LastWrite, w => w.At, w => w.ReadAt))
        {
            LastWrite = write;
        }

        if (FreshestRead is null || Later(write, FreshestRead, w => w.ReadAt, w => w.At))
        {
            FreshestRead = write;
        }
    }

    public ReferenceGroup Group(EffectKind kind, string reference)
    {
        if (!Groups.TryGetValue((kind, reference), out var group))
        {
            group = new ReferenceGroup(kind);
            Groups.Add((kind, reference), group);
        }

        return group;
    }

    private static bool Later(
        SyncWrite candidate,
        SyncWrite current,
        Func<SyncWrite, NodaTime.Instant> first,
        Func<SyncWrite, NodaTime.Instant> second)
    {
        var byFirst = first(candidate).CompareTo(first(current));
        if (byFirst != 0)
        {
            return byFirst > 0;
        }

        var bySecond = second(candidate).CompareTo(second(current));

        return bySecond != 0 ? bySecond > 0 : string.CompareOrdinal(candidate.Id, current.Id) > 0;
    }
}
