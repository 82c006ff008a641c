using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// Reads a re-readable event source in three passes so that memory grows with the SKU and location pairs, not
/// with the events: the first pass keeps the deciding sync writes of each watched pair; the second validates every
/// event, counts the units sold per SKU and sums, per business fact at a watched pair, its counted channel change
/// less its counted warehouse change; the third collects the events of the facts whose sum ended non-zero, the
/// only ones a report shows. Pairs, facts and SKUs are numbered by <see cref="KeyTable"/>s and their figures kept
/// in arrays. See docs/variance.md, "Memory and speed".
/// </summary>
internal sealed class EventIntake
{
    /// <summary>How many kinds of change a fact's tag leaves room for.</summary>
    private const int KindSlots = 8;

    private readonly Instant _asOf;
    private readonly PairCounts _pairs;

    /// <summary>Per pair, its watched number plus one; 0 for a pair within tolerance.</summary>
    private readonly int[] _watchedOf;

    /// <summary>Per watched number, the pair's number.</summary>
    private readonly int[] _pairOf;

    /// <summary>
    /// The watched pairs (those beyond tolerance) with the facts that move their difference, by watched number;
    /// a tally handed over by <see cref="TakeTally"/> is no longer held.
    /// </summary>
    private readonly PositionTally?[] _tallies;

    /// <summary>One key per business fact at a watched pair: its reference, with its watched number and kind.</summary>
    private readonly KeyTable _facts = new();
    private readonly KeyTable _skus = new();
    private Change[] _changes = new Change[4];
    private long[] _sums = new long[16];
    private long[] _sold = new long[16];
    private bool[] _shown = [];

    private EventIntake(Instant asOf, PairCounts pairs, Func<int, bool> watched)
    {
        _asOf = asOf;
        _pairs = pairs;
        _watchedOf = new int[pairs.Count];
        var pairOf = new List<int>();
        for (var pair = 0; pair < pairs.Count; pair++)
        {
            if (watched(pair))
            {
                pairOf.Add(pair);
                _watchedOf[pair] = pairOf.Count;
            }
        }

        _pairOf = [.. pairOf];
        _tallies = [.. _pairOf.Select((_, index) => new PositionTally(index))];
    }

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
        PairCounts pairs,
        Func<int, bool> watched,
        Func<bool, IEnumerable<VarianceEvent>> open,
        Func<IReadOnlySet<PositionKey>, bool, IEnumerable<VarianceEvent>> openFor)
    {
        var intake = new EventIntake(asOf, pairs, watched);
        if (intake._tallies.Length > 0)
        {
            intake.ReadWrites(openFor(intake.KeysOf(Enumerable.Range(0, intake._tallies.Length)), true));
        }

        intake.SumFacts(open(false));
        if (intake._shown.Contains(true))
        {
            intake.CollectFacts(openFor(intake.KeysOf(intake.ShownPairs()), false));
        }

        return intake;
    }

    /// <summary>
    /// Hands over the tally of pair <paramref name="pair"/> (null when it is within tolerance) and lets go of it, so
    /// the facts of the pairs already reported can be collected while the report is built.
    /// </summary>
    public PositionTally? TakeTally(int pair)
    {
        var watched = _watchedOf[pair];
        if (watched == 0)
        {
            return null;
        }

        var tally = _tallies[watched - 1];
        _tallies[watched - 1] = null;

        return tally;
    }

    /// <summary>Gets the <paramref name="count"/> SKUs the channel sold most units of, ties broken by SKU.</summary>
    public IReadOnlyList<Sku> TopSold(int count)
    {
        var ids = Enumerable.Range(0, _skus.Count).ToArray();
        Array.Sort(ids, (x, y) =>
        {
            var byUnits = _sold[y].CompareTo(_sold[x]);
            return byUnits != 0 ? byUnits : _skus.First(x).SequenceCompareTo(_skus.First(y));
        });

        return [.. ids.Take(count).Select(id => new Sku(_skus.First(id).ToString()))];
    }

    /// <summary>The watched pairs' keys, by watched number.</summary>
    private HashSet<PositionKey> KeysOf(IEnumerable<int> watched) => [.. watched.Select(index => Key(index))];

    private PositionKey Key(int watched) => _pairs.Key(_pairOf[watched]);

    /// <summary>The watched numbers of the pairs at which at least one shown fact lies.</summary>
    private IEnumerable<int> ShownPairs() =>
        Enumerable.Range(0, _facts.Count).Where(fact => _shown[fact]).Select(fact => _facts.Tag(fact) / KindSlots)
            .Distinct();

    /// <summary>
    /// Builds the key that ties the two systems' records of one bundle line together: the order id's length, then
    /// the order id and the parent SKU, so no two different lines share a key whatever characters their ids hold.
    /// </summary>
    public static string BundleReference(string orderId, Sku parent) =>
        orderId.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + orderId + parent.Value;

    /// <summary>
    /// Keeps the deciding writes. An invalid write is passed over here: the full read that follows validates
    /// every event in order and reports the first bad one, as a single read would.
    /// </summary>
    private void ReadWrites(IEnumerable<VarianceEvent> events)
    {
        foreach (var item in events)
        {
            if (item is SyncWrite write && write.At <= _asOf && IsValid(write)
                && Watched(write.Sku, write.Location) is { } tally)
            {
                tally.Add(write);
            }
        }
    }

    private PositionTally? Watched(Sku sku, LocationId location) =>
        _pairs.Find(sku, location) is >= 0 and var pair && _watchedOf[pair] is > 0 and var watched
            ? _tallies[watched - 1]
            : null;

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
        else if (item is BundleSale { System: VarianceSystem.Channel } sale)
        {
            CountSold(sale.Sku, sale.Quantity);
        }
    }

    /// <summary>
    /// Sums, per business fact at a watched pair, its counted channel change less its counted warehouse change;
    /// the facts whose sum ends non-zero are the ones a report shows.
    /// </summary>
    private void SumFacts(IEnumerable<VarianceEvent> events)
    {
        foreach (var item in events)
        {
            Check(item);
            if (item.At > _asOf || _tallies.Length == 0)
            {
                continue;
            }

            var count = Changes(item);
            for (var i = 0; i < count; i++)
            {
                var change = _changes[i];
                if (Watched(change.Sku, item.Location) is { } tally && tally.Counts(item.At, change.System))
                {
                    var fact = _facts.GetOrAdd(change.Reference, change.Parent, [], Tag(tally, change.Kind));
                    if (fact == _sums.Length)
                    {
                        Array.Resize(ref _sums, checked(fact * 2));
                    }

                    var delta = change.System == VarianceSystem.Channel ? change.Delta : checked(-change.Delta);
                    _sums[fact] = checked(_sums[fact] + delta);
                }
            }
        }

        _shown = [.. _sums.Take(_facts.Count).Select(sum => sum != 0)];
    }

    private static int Tag(PositionTally tally, EffectKind kind) => checked((tally.Index * KindSlots) + (int)kind);

    private void CollectFacts(IEnumerable<VarianceEvent> events)
    {
        var bundles = Enumerable.Range(0, _facts.Count)
            .Where(fact => _shown[fact] && _facts.Tag(fact) % KindSlots == (int)EffectKind.Bundle)
            .Select(fact => (BundleReference(_facts.First(fact).ToString(), new Sku(_facts.Second(fact).ToString())),
                Key(_facts.Tag(fact) / KindSlots).Location))
            .ToHashSet();
        foreach (var item in events)
        {
            if (item.At > _asOf)
            {
                continue;
            }

            var count = Changes(item);
            for (var i = 0; i < count; i++)
            {
                var change = _changes[i];
                if (Watched(change.Sku, item.Location) is { } tally
                    && _facts.Find(change.Reference, change.Parent, [], Tag(tally, change.Kind)) is >= 0 and var fact
                    && _shown[fact])
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
        var reference = change.Kind == EffectKind.Bundle
            ? BundleReference(change.Reference, new Sku(change.Parent))
            : change.Reference;
        var group = tally.Group(change.Kind, reference);
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

    /// <summary>
    /// Puts the count changes one event made, one per SKU it touched, in the reused buffer, and returns how many.
    /// </summary>
    private int Changes(VarianceEvent item)
    {
        switch (item)
        {
            case OrderEvent o:
                _changes[0] = new(EffectKind.Order, o.System, o.OrderId, string.Empty, o.Sku, checked(-o.Quantity));
                return 1;
            case ReturnEvent { Stage: ReturnStage.Restocked } r:
                _changes[0] = new(EffectKind.Return, r.System, r.ReturnId, string.Empty, r.Sku, r.Quantity);
                return 1;
            case DamageEvent d:
                _changes[0] = new(EffectKind.Damage, d.System, d.DamageId, string.Empty, d.Sku, checked(-d.Quantity));
                return 1;
            case AdjustmentEvent a:
                _changes[0] = new(EffectKind.Adjustment, a.System, a.AdjustmentId, string.Empty, a.Sku, a.Delta);
                return 1;
            case BundleSale sale:
                return BundleChanges(sale);
            default:
                return 0;
        }
    }

    private int BundleChanges(BundleSale sale)
    {
        var parent = sale.Sku.Value;
        if (sale.Components.Count == 0)
        {
            _changes[0] = new(
                EffectKind.Bundle, sale.System, sale.OrderId, parent, sale.Sku, checked(-sale.Quantity));
            return 1;
        }

        if (_changes.Length < sale.Components.Count)
        {
            _changes = new Change[sale.Components.Count];
        }

        for (var i = 0; i < sale.Components.Count; i++)
        {
            var component = sale.Components[i];
            var units = checked(sale.Quantity * component.QuantityPerBundle);
            _changes[i] = new(EffectKind.Bundle, sale.System, sale.OrderId, parent, component.Sku, checked(-units));
        }

        return sale.Components.Count;
    }

    private void CountSold(Sku sku, long quantity)
    {
        var id = _skus.GetOrAdd(sku.Value, [], [], 0);
        if (id == _sold.Length)
        {
            Array.Resize(ref _sold, checked(id * 2));
        }

        _sold[id] = checked(_sold[id] + quantity);
    }

    /// <summary>
    /// One count change: the fact it belongs to (kind, reference, and for a bundle line the parent SKU), the system
    /// that made it, the SKU it moved and the signed units.
    /// </summary>
    private readonly record struct Change(
        EffectKind Kind,
        VarianceSystem System,
        string Reference,
        string Parent,
        Sku Sku,
        long Delta);
}
