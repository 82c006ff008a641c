using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// Reads a re-readable event source in two passes so that memory grows with the SKU and location pairs, not with
/// the events. The first validates every event, counts the units sold per SKU, keeps the deciding sync writes of
/// each watched pair and, per business fact at a watched pair, its <see cref="FactSides"/>; once the writes are
/// known, those tell which facts still move the difference. The second collects the events of those facts, the
/// only ones a report shows. Pairs, facts and SKUs are numbered by <see cref="KeyTable"/>s and their figures kept
/// in arrays. See docs/variance.md, "Memory and speed".
/// </summary>
internal sealed class EventIntake
{
    /// <summary>How many kinds of change a fact's tag leaves room for.</summary>
    private const int KindSlots = 8;

    /// <summary>The most facts of one pair for which <see cref="TakeTally"/> keeps its table for the next.</summary>
    private const int ReusedGroupsLimit = 64;

    /// <summary>The groups of the pair being taken on this thread, by fact (see <see cref="TakeTally"/>).</summary>
    [ThreadStatic]
    private static Dictionary<int, EffectGroup>? _groupsOfFacts;

    private readonly Instant _asOf;
    private readonly PairCounts _pairs;

    /// <summary>Per pair, its watched number plus one; 0 for a pair within tolerance.</summary>
    private readonly int[] _watchedOf;

    /// <summary>Per watched number, the pair's number.</summary>
    private readonly int[] _pairOf;

    /// <summary>
    /// The watched pairs (those beyond tolerance) with their deciding sync writes, by watched number; a tally
    /// handed over by <see cref="TakeTally"/> is no longer held.
    /// </summary>
    private readonly PositionTally?[] _tallies;

    /// <summary>
    /// Per watched number, the first and last of its kept changes (row number plus one; 0 for none), which are
    /// chained in log order through <see cref="KeptChange.Next"/>.
    /// </summary>
    private readonly int[] _firstKept;
    private readonly int[] _lastKept;

    /// <summary>
    /// The changes of the shown facts, as plain rows rather than objects per pair and fact: the garbage collector
    /// has one array to pass over, not a graph of lists per pair. <see cref="TakeTally"/> groups a pair's rows.
    /// </summary>
    private readonly PagedArray<KeptChange> _kept = new();
    private int _keptCount;

    /// <summary>One key per business fact at a watched pair: its reference, with its watched number and kind.</summary>
    private readonly KeyTable _facts = new();
    private KeyTable _skus = new();
    private Change[] _changes = new Change[4];
    private PagedArray<FactSides> _sides = new();
    private PagedArray<long> _sold = new();
    private bool[] _shown = [];

    /// <summary>Whether the log gives positions, so the full read notes where the facts' events lie.</summary>
    private readonly bool _positioned;

    /// <summary>Per change at a watched pair, and per bundle sale, its event's position, in log order.</summary>
    private PagedArray<FactPosition> _positions = new();
    private int _positionCount;

    /// <summary>The last pair <see cref="Pair"/> looked up: its SKU, location and number.</summary>
    private string? _lastSku;
    private string? _lastLocation;
    private int _lastPair = -1;

    private EventIntake(Instant asOf, PairCounts pairs, Func<int, bool> watched, bool positioned)
    {
        _asOf = asOf;
        _positioned = positioned;
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
        _firstKept = new int[_pairOf.Length];
        _lastKept = new int[_pairOf.Length];
    }

    /// <summary>Which systems recorded each bundle sale that a shown bundle fact refers to.</summary>
    public Dictionary<(string Reference, LocationId Location), BundleSides> Bundles { get; } = [];

    /// <summary>
    /// Reads the events of <paramref name="source"/>, whose every open must yield the same events. The full read
    /// validates every event. The second read goes to the positions of the shown facts' events and of the bundle
    /// sales when the log gives positions of its own (see <see cref="IPositionedVarianceEventLog.OpenAt"/>), and
    /// otherwise to the pairs whose facts are shown (see <see cref="IVarianceEventLog.OpenFor"/>).
    /// </summary>
    public static EventIntake Read(Instant asOf, PairCounts pairs, Func<int, bool> watched, EventSource source)
    {
        var intake = new EventIntake(asOf, pairs, watched, positioned: source.OpenAt is not null);
        intake.SumFacts(source.OpenFull());
        if (!intake._shown.Contains(true))
        {
            return intake;
        }

        if (source.OpenAt is { } openAt)
        {
            var (wanted, fingerprints) = intake.WantedPositions();
            intake.CollectFacts(openAt(wanted), new AskedPositions(wanted, fingerprints));
        }
        else
        {
            intake.CollectFacts(source.OpenFor(intake.KeysOf(intake.ShownPairs())), null);
        }

        return intake;
    }

    /// <summary>
    /// Hands over the tally of pair <paramref name="pair"/> (null when it is within tolerance) with its shown facts
    /// grouped, and lets go of it, so the groups of the pairs already reported can be collected while the report
    /// is built. Pairs may be taken on several threads at once, each pair once.
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
        if (tally is null)
        {
            return null;
        }

        // One dictionary per thread, emptied after each pair: a pair's groups cost no table of their own.
        var groups = _groupsOfFacts ??= [];
        try
        {
            for (var row = _firstKept[watched - 1]; row > 0; row = _kept[row - 1].Next)
            {
                ref readonly var kept = ref _kept[row - 1];
                var fact = kept.Fact;
                if (!groups.TryGetValue(fact, out var group))
                {
                    group = GroupOf(tally, fact);
                    groups.Add(fact, group);
                }

                group.Side(kept.System).Add(new Effect(kept.Delta, kept.At, kept.EventId));
                group.MissingReason |= kept.MissingReason;
            }
        }
        finally
        {
            // A table grown by a pair with many facts is let go rather than cleared for every later pair.
            if (groups.Count > ReusedGroupsLimit)
            {
                _groupsOfFacts = null;
            }
            else
            {
                groups.Clear();
            }
        }

        return tally;
    }

    /// <summary>
    /// The tally's group for a fact, keyed as a report names it (a bundle line by order id and parent).
    /// </summary>
    private EffectGroup GroupOf(PositionTally tally, int fact)
    {
        var kind = (EffectKind)(_facts.Tag(fact) % KindSlots);
        var reference = _facts.First(fact).ToString();

        return tally.AddGroup(kind, kind == EffectKind.Bundle
            ? BundleReference(reference, new Sku(_facts.Second(fact).ToString()))
            : reference);
    }

    /// <summary>
    /// Gets the <paramref name="count"/> SKUs the channel sold most units of, ties broken by SKU: one pass that
    /// keeps the best so far in a heap whose root is the worst of them, so each SKU costs at most a logarithm of
    /// <paramref name="count"/>, however many are asked for.
    /// </summary>
    public IReadOnlyList<Sku> TopSold(int count)
    {
        int Compare(int x, int y)
        {
            var byUnits = _sold[y].CompareTo(_sold[x]);
            return byUnits != 0 ? byUnits : _skus.First(x).SequenceCompareTo(_skus.First(y));
        }

        var worstFirst = new PriorityQueue<int, int>(Comparer<int>.Create((x, y) => Compare(y, x)));
        for (var id = 0; id < _skus.Count && count > 0; id++)
        {
            if (worstFirst.Count < count)
            {
                worstFirst.Enqueue(id, id);
            }
            else if (Compare(id, worstFirst.Peek()) < 0)
            {
                worstFirst.DequeueEnqueue(id, id);
            }
        }

        var best = worstFirst.UnorderedItems.Select(item => item.Element).ToArray();
        Array.Sort(best, Compare);

        return [.. best.Select(id => new Sku(_skus.First(id).ToString()))];
    }

    /// <summary>Lets go of the units sold per SKU, which only <see cref="TopSold"/> reads.</summary>
    public void ForgetSales()
    {
        _skus = new KeyTable();
        _sold = new PagedArray<long>();
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

    private PositionTally? Watched(Sku sku, LocationId location) =>
        Pair(sku, location) is >= 0 and var pair && _watchedOf[pair] is > 0 and var watched
            ? _tallies[watched - 1]
            : null;

    /// <summary>
    /// The pair's number, or -1: the last pair looked up is remembered, since a log often holds several events of one
    /// SKU and location in a row (the channel's and the warehouse's records of one order, a return's stages), and
    /// comparing two short strings costs less than a look-up in a table of a million pairs.
    /// </summary>
    private int Pair(Sku sku, LocationId location)
    {
        if (!string.Equals(sku.Value, _lastSku, StringComparison.Ordinal)
            || !string.Equals(location.Value, _lastLocation, StringComparison.Ordinal))
        {
            (_lastSku, _lastLocation, _lastPair) = (sku.Value, location.Value, _pairs.Find(sku, location));
        }

        return _lastPair;
    }

    /// <summary>
    /// The error for an event that takes a running total of the window (units sold or shipped, a count's drift)
    /// beyond 64 bits, naming the event and its SKU and location.
    /// </summary>
    public static VarianceInputException TotalBeyond(VarianceEvent item) =>
        new($"Event {item.Id} ({item.Sku} @ {item.Location}) takes a running total of the window beyond what 64 "
            + "bits hold.")
        {
            Position = new PositionKey(item.Sku, item.Location),
        };

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
    /// Keeps the deciding writes of each watched pair and, per business fact at a watched pair, the sums and
    /// instants of its changes; then shows the facts whose counted channel change may differ from their counted
    /// warehouse change once the writes are known (see <see cref="FactSides.Moves"/>).
    /// </summary>
    private void SumFacts(IEnumerable<PositionedEvent> events)
    {
        var previous = long.MinValue;
        var first = true;
        foreach (var (position, item) in events)
        {
            if (_positioned)
            {
                // The second read asks for positions in rising order; a log that gave them otherwise is refused here.
                if (!first && position <= previous)
                {
                    throw new VarianceInputException(
                        $"The event log gave position {position} after {previous} (event {item?.Id}); positions "
                        + "must rise strictly.");
                }

                (previous, first) = (position, false);
            }

            try
            {
                Check(item);
            }
            catch (OverflowException)
            {
                throw TotalBeyond(item);
            }

            if (item.At > _asOf || _tallies.Length == 0)
            {
                continue;
            }

            if (item is SyncWrite write)
            {
                Watched(write.Sku, write.Location)?.Add(write);
                continue;
            }

            var count = Changes(item);

            // Made once per event, and only for an event whose position is kept.
            int? fingerprint = null;
            if (_positioned && item is BundleSale)
            {
                // Any bundle sale may be a record of a shown bundle line (see RecordBundle): its position is kept.
                KeepPosition(position, -1, fingerprint ??= Fingerprint(item, count));
            }

            for (var i = 0; i < count; i++)
            {
                var change = _changes[i];
                if (Watched(change.Sku, item.Location) is { } tally)
                {
                    var fact = _facts.GetOrAdd(change.Reference, change.Parent, [], Tag(tally, change.Kind));
                    _sides.EnsureLength(fact + 1);

                    _sides[fact].Add(change.System, change.Delta, item.At);
                    if (_positioned)
                    {
                        KeepPosition(position, fact, fingerprint ??= Fingerprint(item, count));
                    }
                }
            }
        }

        _shown = new bool[_facts.Count];
        for (var fact = 0; fact < _shown.Length; fact++)
        {
            _shown[fact] = _sides[fact].Moves(_tallies[_facts.Tag(fact) / KindSlots]!.LastWrite);
        }

        _sides = new PagedArray<FactSides>();
    }

    private static int Tag(PositionTally tally, EffectKind kind) => checked((tally.Index * KindSlots) + (int)kind);

    /// <summary>
    /// Reads the second time: keeps the changes of the shown facts and the bundle records they refer to. When
    /// <paramref name="asked"/> is given (a read at positions), the log must yield exactly the events the full read
    /// found there: as many, each with the fingerprint noted for its position.
    /// </summary>
    private void CollectFacts(IEnumerable<VarianceEvent> events, AskedPositions? asked)
    {
        var read = 0;
        var bundles = Enumerable.Range(0, _facts.Count)
            .Where(fact => _shown[fact] && _facts.Tag(fact) % KindSlots == (int)EffectKind.Bundle)
            .Select(fact => (BundleReference(_facts.First(fact).ToString(), new Sku(_facts.Second(fact).ToString())),
                Key(_facts.Tag(fact) / KindSlots).Location))
            .ToHashSet();
        foreach (var item in events)
        {
            ArgumentNullException.ThrowIfNull(item);
            var count = item.At <= _asOf || asked is not null ? Changes(item) : 0;
            asked?.Require(read, item, Fingerprint(item, count));
            read++;
            if (item.At > _asOf)
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                var change = _changes[i];
                if (Watched(change.Sku, item.Location) is { } tally
                    && _facts.Find(change.Reference, change.Parent, [], Tag(tally, change.Kind)) is >= 0 and var fact
                    && _shown[fact])
                {
                    Keep(tally.Index, fact, item, change);
                }
            }

            if (item is BundleSale sale && bundles.Count > 0)
            {
                RecordBundle(sale, bundles);
            }
        }

        asked?.RequireAll(read);
    }

    /// <summary>
    /// Notes that the event at <paramref name="position"/> changed a fact (-1: a bundle sale), with the event's
    /// fingerprint (see <see cref="Fingerprint"/>).
    /// </summary>
    private void KeepPosition(long position, int fact, int fingerprint)
    {
        _positions.EnsureLength(checked(_positionCount + 1));
        _positions[_positionCount++] = new FactPosition(position, fact, fingerprint);
    }

    /// <summary>
    /// The positions of the shown facts' events and of the bundle sales, rising and each once, with their events'
    /// fingerprints; the positions noted during the full read are then let go.
    /// </summary>
    private (long[] Positions, int[] Fingerprints) WantedPositions()
    {
        var (wanted, fingerprints) = (new List<long>(), new List<int>());
        for (var i = 0; i < _positionCount; i++)
        {
            var (position, fact, fingerprint) = _positions[i];
            if ((fact < 0 || _shown[fact]) && (wanted.Count == 0 || wanted[^1] != position))
            {
                wanted.Add(position);
                fingerprints.Add(fingerprint);
            }
        }

        (_positions, _positionCount) = (new PagedArray<FactPosition>(), 0);

        return ([.. wanted], [.. fingerprints]);
    }

    /// <summary>
    /// A hash of what the classifier reads from an event: its kind, id, SKU, location, instant, whether it is an
    /// adjustment without a reason, and the count changes of its first <paramref name="count"/> entries in the change
    /// buffer. A read at positions that yields an event
    /// with another fingerprint did not yield the event the full read found there.
    /// </summary>
    private int Fingerprint(VarianceEvent item, int count)
    {
        var hash = new HashCode();
        hash.Add(item.GetType());
        hash.Add(item.Id);
        hash.Add(item.Sku);
        hash.Add(item.Location);
        hash.Add(item.At);
        hash.Add(item is AdjustmentEvent { HasReason: false });
        for (var i = 0; i < count; i++)
        {
            hash.Add(_changes[i]);
        }

        return hash.ToHashCode();
    }

    /// <summary>Appends one change of a shown fact to the rows of its watched pair.</summary>
    private void Keep(int watched, int fact, VarianceEvent item, Change change)
    {
        _kept.EnsureLength(checked(_keptCount + 1));

        _kept[_keptCount] = new KeptChange
        {
            Fact = fact,
            System = change.System,
            MissingReason = item is AdjustmentEvent { HasReason: false },
            Delta = change.Delta,
            At = item.At,
            EventId = item.Id,
        };
        _keptCount++;
        if (_lastKept[watched] > 0)
        {
            _kept[_lastKept[watched] - 1].Next = _keptCount;
        }
        else
        {
            _firstKept[watched] = _keptCount;
        }

        _lastKept[watched] = _keptCount;
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
        _sold.EnsureLength(id + 1);

        _sold[id] = checked(_sold[id] + quantity);
    }

    /// <summary>
    /// One kept change of a shown fact: the fact's number, the system, whether it is an adjustment without a reason,
    /// the signed units, the instant and the event's id; <see cref="Next"/> chains the rows of one pair.
    /// </summary>
    private struct KeptChange
    {
        public int Next;
        public int Fact;
        public VarianceSystem System;
        public bool MissingReason;
        public long Delta;
        public Instant At;
        public string EventId;
    }

    /// <summary>Where an event lies in its log, and the fact it changed (-1 for a bundle sale).</summary>
    private readonly record struct FactPosition(long Position, int Fact, int Fingerprint);

    /// <summary>The positions a read at positions was asked for, with the fingerprints of their events.</summary>
    private sealed class AskedPositions(long[] positions, int[] fingerprints)
    {
        /// <summary>Refuses the <paramref name="index"/>-th event yielded when it is not the one asked for.</summary>
        public void Require(int index, VarianceEvent item, int fingerprint)
        {
            if (index >= positions.Length)
            {
                throw Changed($"yielded more than the {positions.Length} events asked for (then {item.Id})");
            }

            if (fingerprints[index] != fingerprint)
            {
                throw Changed(
                    $"yielded {item.Id} ({item.Sku} @ {item.Location}) at position {positions[index]}, which is not "
                    + "the event its full read found there");
            }
        }

        /// <summary>Refuses a read that yielded fewer events than were asked for.</summary>
        public void RequireAll(int read)
        {
            if (read < positions.Length)
            {
                throw Changed($"yielded {read} of the {positions.Length} events asked for");
            }
        }

        private static VarianceInputException Changed(string what) =>
            new($"The event log's read at positions {what}: the log changed between its two reads, or does not give "
                + "the events at the positions asked for.");
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
