using System.Runtime.InteropServices;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// Reads a re-readable event source in three passes so that memory grows with the SKU and location pairs, not
/// with the events: the first pass validates every event, keeps the deciding sync writes of each watched pair and
/// the units sold per SKU; the second sums, per open business fact, its counted channel change less its counted
/// warehouse change and drops the fact whenever that sum returns to zero; the third collects the events of the
/// facts whose sum ended non-zero, the only ones a report shows. See docs/variance.md, "Memory and speed".
/// </summary>
internal sealed class EventIntake
{
    private readonly Instant _asOf;

    private EventIntake(Instant asOf, IEnumerable<PositionKey> watched)
    {
        _asOf = asOf;
        foreach (var key in watched)
        {
            Positions.Add(key, new PositionTally(Positions.Count));
        }
    }

    /// <summary>Gets the watched pairs (those beyond tolerance) with the facts that move their difference.</summary>
    public Dictionary<PositionKey, PositionTally> Positions { get; } = [];

    public Dictionary<Sku, long> UnitsSold { get; } = [];

    /// <summary>Which systems recorded each bundle sale that a shown bundle fact refers to.</summary>
    public Dictionary<(string Reference, LocationId Location), BundleSides> Bundles { get; } = [];

    /// <summary>
    /// Reads the events of <paramref name="open"/>, which must yield the same events on every call; its argument
    /// says whether sync writes alone are wanted (see <see cref="IVarianceEventLog.Open"/>). The first read goes
    /// through <paramref name="openFor"/> with the watched pairs and the last with the pairs whose facts are shown
    /// (see <see cref="IVarianceEventLog.OpenFor"/>); the full read in between validates every event.
    /// </summary>
    public static EventIntake Read(
        Instant asOf,
        IEnumerable<PositionKey> watched,
        Func<bool, IEnumerable<VarianceEvent>> open,
        Func<IReadOnlySet<PositionKey>, bool, IEnumerable<VarianceEvent>> openFor)
    {
        var intake = new EventIntake(asOf, watched);
        if (intake.Positions.Count > 0)
        {
            intake.ReadWrites(openFor(intake.Positions.Keys.ToHashSet(), true));
        }

        var shown = intake.SumFacts(open(false));
        if (shown.Count > 0)
        {
            intake.CollectFacts(openFor(intake.PairsOf(shown), false), shown);
        }

        return intake;
    }

    /// <summary>The pairs at which at least one of <paramref name="facts"/> lies.</summary>
    private HashSet<PositionKey> PairsOf(HashSet<FactKey> facts)
    {
        var positions = facts.Select(fact => fact.Position).ToHashSet();

        return [.. Positions.Where(pair => positions.Contains(pair.Value.Index)).Select(pair => pair.Key)];
    }

    /// <summary>Builds the key that ties the two systems' records of one bundle line together.</summary>
    public static string BundleReference(string orderId, Sku parent) => orderId + "\u001f" + parent.Value;

    /// <summary>
    /// Keeps the deciding writes. An invalid write is passed over here: the full read that follows validates
    /// every event in order and reports the first bad one, as a single read would.
    /// </summary>
    private void ReadWrites(IEnumerable<VarianceEvent> events)
    {
        foreach (var item in events)
        {
            if (item is SyncWrite write && write.At <= _asOf && IsValid(write)
                && Positions.TryGetValue(new(write.Sku, write.Location), out var tally))
            {
                tally.Add(write);
            }
        }
    }

    private static bool IsValid(SyncWrite write)
    {
        try
        {
            write.Validate();
            return true;
        }
        catch (VarianceInputException)
        {
            return false;
        }
    }

    /// <summary>Validates every event in order and counts the units the channel sold.</summary>
    private void Check(VarianceEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Validate();
        if (item.At > _asOf)
        {
            return;
        }

        if (item is OrderEvent { System: VarianceSystem.Channel } order)
        {
            CountSold(order.Sku, order.Quantity);
        }
        else if (item is BundleSale sale)
        {
            CountBundle(sale);
        }
    }

    private void CountBundle(BundleSale sale)
    {
        foreach (var component in sale.Components)
        {
            _ = checked(sale.Quantity * component.QuantityPerBundle);
        }

        if (sale.System == VarianceSystem.Channel)
        {
            CountSold(sale.Sku, sale.Quantity);
        }
    }

    private HashSet<FactKey> SumFacts(IEnumerable<VarianceEvent> events)
    {
        var open = new Dictionary<FactKey, long>();
        foreach (var item in events)
        {
            Check(item);
            if (item.At > _asOf || Positions.Count == 0)
            {
                continue;
            }

            foreach (var change in Changes(item))
            {
                if (Positions.TryGetValue(new(change.Sku, item.Location), out var tally)
                    && tally.Counts(item.At, change.System))
                {
                    var key = new FactKey(tally.Index, change.Kind, change.Reference);
                    var delta = change.System == VarianceSystem.Channel ? change.Delta : checked(-change.Delta);
                    ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(open, key, out _);
                    sum = checked(sum + delta);
                    if (sum == 0)
                    {
                        open.Remove(key);
                    }
                }
            }
        }

        return [.. open.Keys];
    }

    private void CollectFacts(IEnumerable<VarianceEvent> events, HashSet<FactKey> shown)
    {
        var places = Positions.ToDictionary(pair => pair.Value.Index, pair => pair.Key.Location);
        var bundles = shown
            .Where(key => key.Kind == EffectKind.Bundle)
            .Select(key => (key.Reference, places[key.Position]))
            .ToHashSet();
        foreach (var item in Counted(events))
        {
            foreach (var change in Changes(item))
            {
                if (Positions.TryGetValue(new(change.Sku, item.Location), out var tally)
                    && shown.Contains(new FactKey(tally.Index, change.Kind, change.Reference)))
                {
                    Keep(tally, item, change);
                }
            }

            if (item is BundleSale sale && bundles.Count > 0)
            {
                RecordBundle(sale, bundles);
            }
        }
    }

    private static void Keep(PositionTally tally, VarianceEvent item, Change change)
    {
        var group = tally.Group(change.Kind, change.Reference);
        group.Side(change.System).Add(new Effect(change.Delta, item.At, item.Id));
        group.MissingReason |= item is AdjustmentEvent { HasReason: false };
    }

    /// <summary>Notes the earliest record of a bundle sale per system, for the bundle facts a report shows.</summary>
    private void RecordBundle(BundleSale sale, HashSet<(string Reference, LocationId Location)> wanted)
    {
        var key = (BundleReference(sale.OrderId, sale.Sku), sale.Location);
        if (!wanted.Contains(key))
        {
            return;
        }

        if (!Bundles.TryGetValue(key, out var sides))
        {
            sides = new BundleSides();
            Bundles.Add(key, sides);
        }

        sides.Record(sale.System, new Effect(0, sale.At, sale.Id));
    }

    private IEnumerable<VarianceEvent> Counted(IEnumerable<VarianceEvent> events) =>
        events.Where(item => item.At <= _asOf);

    /// <summary>The count changes one event made, one per SKU it touched.</summary>
    private static IEnumerable<Change> Changes(VarianceEvent item) => item switch
    {
        OrderEvent o => [new(EffectKind.Order, o.System, o.OrderId, o.Sku, checked(-o.Quantity))],
        ReturnEvent { Stage: ReturnStage.Restocked } r =>
            [new(EffectKind.Return, r.System, r.ReturnId, r.Sku, r.Quantity)],
        DamageEvent d => [new(EffectKind.Damage, d.System, d.DamageId, d.Sku, checked(-d.Quantity))],
        AdjustmentEvent a => [new(EffectKind.Adjustment, a.System, a.AdjustmentId, a.Sku, a.Delta)],
        BundleSale sale => BundleChanges(sale),
        _ => [],
    };

    private static Change[] BundleChanges(BundleSale sale)
    {
        var reference = BundleReference(sale.OrderId, sale.Sku);
        if (sale.Components.Count == 0)
        {
            return [new(EffectKind.Bundle, sale.System, reference, sale.Sku, checked(-sale.Quantity))];
        }

        var changes = new Change[sale.Components.Count];
        for (var i = 0; i < changes.Length; i++)
        {
            var component = sale.Components[i];
            var units = checked(sale.Quantity * component.QuantityPerBundle);
            changes[i] = new(EffectKind.Bundle, sale.System, reference, component.Sku, checked(-units));
        }

        return changes;
    }

    private void CountSold(Sku sku, long quantity)
    {
        UnitsSold.TryGetValue(sku, out var sold);
        UnitsSold[sku] = checked(sold + quantity);
    }

    private readonly record struct Change(
        EffectKind Kind,
        VarianceSystem System,
        string Reference,
        Sku Sku,
        long Delta);
}
