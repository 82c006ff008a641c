using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// What the event stream said about one watched SKU and location: its deciding sync writes and the facts that
/// end up moving the difference.
/// </summary>
/// <param name="index">The position's number within its intake.</param>
internal sealed class PositionTally(int index)
{
    private List<EffectGroup>? _groups;

    public int Index { get; } = index;

    public SyncWrite? LastWrite { get; private set; }

    public SyncWrite? FreshestRead { get; private set; }

    /// <summary>Gets the facts kept for the report, one group per fact, in the order they were added.</summary>
    public IReadOnlyList<EffectGroup> Groups => _groups ?? [];

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

    /// <summary>
    /// Whether a change of <paramref name="system"/> at <paramref name="at"/> still shows in that system's count:
    /// the channel keeps what happened after the last write landed; the warehouse count the write copied already
    /// held what happened before the read, so the warehouse side counts only what came after the read.
    /// </summary>
    public bool Counts(Instant at, VarianceSystem system) => LastWrite is not { } write || at > CutOff(write, system);

    /// <summary>
    /// The instant after which a change of <paramref name="system"/> still shows once <paramref name="write"/> has
    /// landed: when the write landed for the channel, when it read the warehouse for the warehouse.
    /// </summary>
    public static Instant CutOff(SyncWrite write, VarianceSystem system) =>
        system == VarianceSystem.Channel ? write.At : write.ReadAt;

    /// <summary>
    /// Adds the group of one fact. The caller adds each fact once: a fact's kind and reference name it, so no two
    /// groups of a tally share them.
    /// </summary>
    public EffectGroup AddGroup(EffectKind kind, string reference)
    {
        var group = new EffectGroup(kind, reference);
        (_groups ??= []).Add(group);

        return group;
    }

    private static bool Later(
        SyncWrite candidate,
        SyncWrite current,
        Func<SyncWrite, Instant> first,
        Func<SyncWrite, Instant> second)
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
