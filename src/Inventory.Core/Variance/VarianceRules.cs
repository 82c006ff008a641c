using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>The attribution rules of docs/variance.md, applied to one SKU and location.</summary>
internal sealed class VarianceRules(VarianceOptions options)
{
    /// <summary>
    /// Agreement: the difference is within the unit tolerance or within the percent of the larger count.
    /// </summary>
    public bool WithinTolerance(long channel, long warehouse)
    {
        var difference = Int128.Abs((Int128)channel - warehouse);
        var larger = Int128.Abs(Larger(channel, warehouse));

        return difference <= options.ToleranceUnits || difference * 100 <= larger * options.TolerancePercent;
    }

    /// <summary>
    /// The count of larger size of the two, which the tolerance in percent and the hero discrepancy are measured
    /// against.
    /// </summary>
    public static long Larger(long channel, long warehouse) =>
        Int128.Abs(channel) >= Int128.Abs(warehouse) ? channel : warehouse;

    public IReadOnlyList<VariancePart> Explain(
        long difference,
        LocationId location,
        PositionTally? tally,
        EventIntake intake)
    {
        // One slot per cause, in the order of the causes, which is the order of the parts.
        var parts = new PartBuilder?[(int)VarianceCause.Unexplained + 1];
        foreach (var group in tally?.Groups ?? [])
        {
            var completed = group.Kind == EffectKind.Bundle
                ? Complete(group, (group.Reference, location), intake)
                : group;
            Attribute(completed, tally!, parts);
        }

        long attributed = 0;
        foreach (var part in parts)
        {
            if (part is { Cause: not VarianceCause.Unexplained })
            {
                attributed = checked(attributed + part.Units);
            }
        }

        var remainder = checked(difference - attributed);
        if (remainder != 0 || parts[(int)VarianceCause.Unexplained] is not null)
        {
            Part(parts, VarianceCause.Unexplained).Add(remainder, AttributionConfidence.Low);
        }

        var shown = 0;
        foreach (var part in parts)
        {
            shown += part is { Units: not 0 } ? 1 : 0;
        }

        var built = new VariancePart[shown];
        shown = 0;
        foreach (var part in parts)
        {
            if (part is { Units: not 0 })
            {
                built[shown++] = part.Build();
            }
        }

        return built;
    }

    /// <summary>A bundle sale recorded in both systems counts as present on every SKU either one touched.</summary>
    private static EffectGroup Complete(
        EffectGroup group,
        (string Reference, LocationId Location) key,
        EventIntake intake)
    {
        if (!intake.Bundles.TryGetValue(key, out var sides))
        {
            return group;
        }

        var completed = new EffectGroup(group.Kind, group.Reference);
        completed.Channel.AddRange(group.Channel);
        completed.Warehouse.AddRange(group.Warehouse);
        foreach (var system in new[] { VarianceSystem.Channel, VarianceSystem.Warehouse })
        {
            if (completed.Side(system).Count == 0 && sides.Side(system) is { } recorded)
            {
                completed.Side(system).Add(recorded);
            }
        }

        return completed;
    }

    private void Attribute(EffectGroup group, PositionTally tally, PartBuilder?[] parts)
    {
        var channel = Counted(group.Channel, tally, VarianceSystem.Channel);
        var warehouse = Counted(group.Warehouse, tally, VarianceSystem.Warehouse);
        var units = checked(channel - warehouse);
        if (units == 0)
        {
            return;
        }

        var (cause, confidence) = Classify(group, tally);

        // Unexplained evidence is kept while its units are left to the remainder, so parts still add up.
        var part = Part(parts, cause);
        part.Add(cause == VarianceCause.Unexplained ? 0 : units, confidence);
        part.AddEvidence(group.Channel);
        part.AddEvidence(group.Warehouse);
        if (cause == VarianceCause.SyncRace)
        {
            part.AddEvidence(tally.LastWrite?.Id);
            part.AddEvidence(tally.FreshestRead?.Id);
        }
    }

    private (VarianceCause Cause, AttributionConfidence Confidence) Classify(EffectGroup group, PositionTally tally)
    {
        if (group.Channel.Count > 0 && group.Warehouse.Count > 0)
        {
            return AllCounted(group, tally) ? Matched(group) : (VarianceCause.SyncRace, AttributionConfidence.High);
        }

        var late = Latest(group) < options.AsOf - options.NormalSyncLag;

        return group.Kind switch
        {
            EffectKind.Order or EffectKind.Bundle => (VarianceCause.SyncTiming, Grade(!late)),
            EffectKind.Return => (VarianceCause.ReturnsNotFlowing, late ? Strong : AttributionConfidence.Medium),
            EffectKind.Damage => SameBusinessDay(Latest(group))
                ? (VarianceCause.SyncTiming, AttributionConfidence.Medium)
                : (VarianceCause.ReturnsNotFlowing, Strong),
            _ => Adjustment(group, late),
        };
    }

    private const AttributionConfidence Strong = AttributionConfidence.High;

    private static AttributionConfidence Grade(bool strong) => strong ? Strong : AttributionConfidence.Low;

    private static (VarianceCause, AttributionConfidence) Matched(EffectGroup group) => group.Kind == EffectKind.Bundle
        ? (VarianceCause.BundleMismodel, Strong)
        : (VarianceCause.Unexplained, AttributionConfidence.Low);

    private static (VarianceCause, AttributionConfidence) Adjustment(EffectGroup group, bool late)
    {
        if (group.MissingReason)
        {
            return (VarianceCause.UnloggedAdjustment, Strong);
        }

        return late
            ? (VarianceCause.UnloggedAdjustment, AttributionConfidence.Low)
            : (VarianceCause.SyncTiming, AttributionConfidence.Medium);
    }

    private bool SameBusinessDay(Instant at) =>
        at.InZone(options.BusinessZone).Date == options.AsOf.InZone(options.BusinessZone).Date;

    private static bool AllCounted(EffectGroup group, PositionTally tally) =>
        group.Channel.All(e => IsCounted(e, tally, VarianceSystem.Channel))
        && group.Warehouse.All(e => IsCounted(e, tally, VarianceSystem.Warehouse));

    private static long Counted(List<Effect> effects, PositionTally tally, VarianceSystem system)
    {
        long sum = 0;
        foreach (var effect in effects)
        {
            sum = IsCounted(effect, tally, system) ? checked(sum + effect.Delta) : sum;
        }

        return sum;
    }

    private static bool IsCounted(Effect effect, PositionTally tally, VarianceSystem system) =>
        tally.Counts(effect.At, system);

    private static Instant Latest(EffectGroup group)
    {
        var latest = Instant.MinValue;
        foreach (var effect in group.Channel)
        {
            latest = effect.At > latest ? effect.At : latest;
        }

        foreach (var effect in group.Warehouse)
        {
            latest = effect.At > latest ? effect.At : latest;
        }

        return latest;
    }

    private static PartBuilder Part(PartBuilder?[] parts, VarianceCause cause) =>
        parts[(int)cause] ??= new PartBuilder(cause);
}
