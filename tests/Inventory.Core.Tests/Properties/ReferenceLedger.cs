using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Properties;

/// <summary>
/// A deliberately plain reference model of the reservation ledger: dictionaries and lists, one obvious rule
/// per command, exact 128-bit arithmetic. It shares no code with the ledger. Each command works on a copy of
/// the state that is kept only if the command applies, so "nothing changes on refusal" holds by construction.
/// </summary>
internal sealed partial class ReferenceLedger(LedgerConfig config)
{
    private readonly Dictionary<string, string> _recorded = new(StringComparer.Ordinal);
    private readonly List<string> _oversells = [];
    private ModelState _state = new();

    /// <summary>Gets the current instant, in whole minutes since the scenario started.</summary>
    public long Now { get; private set; }

    public void Advance(long minutes) => Now += minutes;

    public string Execute(string key, Step step)
    {
        if (!step.IsWellFormed())
        {
            return Outcomes.Invalid;
        }

        var description = step.Describe();
        if (_recorded.TryGetValue(key, out var first))
        {
            return first == description ? Outcomes.Replay : Outcomes.KeyConflict;
        }

        var next = _state.Clone();
        _oversells.Clear();
        string outcome;
        try
        {
            outcome = Decide(next, step);
        }
        catch (OverflowException)
        {
            return Outcomes.Invalid;
        }

        if (outcome != Outcomes.Applied)
        {
            return outcome;
        }

        _state = next;
        _recorded[key] = description;

        return Outcomes.AppliedWith(_oversells);
    }

    /// <summary>Removes every expired hold and says how many there were.</summary>
    public string Sweep()
    {
        var removed = 0;
        foreach (var holds in _state.Carts.Values)
        {
            removed += holds.RemoveAll(h => h.IsExpiredAt(Now));
        }

        return Outcomes.Swept(removed);
    }

    /// <summary>Gets the position as a reader sees it: expired holds no longer count as reserved.</summary>
    public StockPosition Position(int sku, int location)
    {
        if (!_state.Positions.TryGetValue((sku, location), out var f))
        {
            return StockPosition.Empty;
        }

        var reserved = _state.LiveReserved(sku, location, Now);

        return new StockPosition(
            (long)f.OnHand, (long)f.Committed, (long)reserved, (long)f.Damaged, (long)f.QualityControl,
            (long)f.SafetyStock, 0);
    }

    public IReadOnlyCollection<(int Sku, int Location)> KnownPositions => _state.Positions.Keys;

    /// <summary>
    /// Gets the channel-wide available quantity of a SKU: per location, available plus what the asking cart
    /// itself holds there, floored at zero, summed over the channel's locations.
    /// </summary>
    public Int128 AvailableTo(int sku, int? cart)
    {
        Int128 total = 0;
        foreach (var location in Candidates(_state, sku))
        {
            var own = cart is { } c
                ? _state.Holds(c).Where(h => h.Sku == sku && h.Location == location && !h.IsExpiredAt(Now))
                    .Sum(h => h.Quantity)
                : 0;
            total += Int128.Max(0, _state.Available(sku, location, Now) + own);
        }

        return total;
    }

    private string Decide(ModelState s, Step step) => step.Kind switch
    {
        StepKind.Receive => Receive(s, step),
        StepKind.SetCount => Count(s, step),
        StepKind.Adjust => Adjust(s, step),
        StepKind.Reserve => Reserve(s, step),
        StepKind.Change => Change(s, step),
        StepKind.Move => Move(s, step),
        StepKind.Release => Release(s, step),
        StepKind.Extend => Extend(s, step),
        StepKind.Commit => Commit(s, step),
        StepKind.Fulfil => Fulfil(s, step),
        StepKind.Cancel => Cancel(s, step),
        StepKind.External => External(s, step),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "Not a ledger command."),
    };

    private string Receive(ModelState s, Step step)
    {
        s.Touch(step.Sku, step.Location).OnHand += step.Quantity;
        s.RequireFits(step.Sku, step.Location, Now);

        return Outcomes.Applied;
    }

    private string Count(ModelState s, Step step)
    {
        var figures = s.Touch(step.Sku, step.Location);
        var difference = step.Quantity - figures.OnHand;
        if (difference < long.MinValue || difference > long.MaxValue)
        {
            throw new OverflowException("The counted difference does not fit 64 bits.");
        }

        figures.OnHand = step.Quantity;
        s.RequireFits(step.Sku, step.Location, Now);
        NoteOversell(s, step.Sku, step.Location, -(long)difference);

        return Outcomes.Applied;
    }

    private string Adjust(ModelState s, Step step)
    {
        var before = s.Peek(step.Sku, step.Location);
        var bucketBefore = BucketUnits(before, step.Bucket);
        var onHandAfter = before.OnHand + step.Quantity;
        var bucketAfter = step.Bucket == 1 ? onHandAfter : bucketBefore + step.Quantity;
        if (!Fits(onHandAfter) || !Fits(bucketAfter))
        {
            throw new OverflowException("The adjustment leaves the 64-bit range.");
        }

        if (onHandAfter < 0 || bucketAfter < 0)
        {
            var had = (long)Int128.Max(0, Int128.Min(before.OnHand, bucketBefore));
            var shortfall = Outcomes.Shortfall(
                null, LedgerWorld.SkuName(step.Sku), LedgerWorld.LocationName(step.Location), -step.Quantity, had);

            return Outcomes.Refused("InsufficientStock", [shortfall]);
        }

        var figures = s.Touch(step.Sku, step.Location);
        figures.OnHand = onHandAfter;
        SetBucket(figures, step.Bucket, bucketAfter);
        s.RequireFits(step.Sku, step.Location, Now);
        if (step.Bucket == 1)
        {
            NoteOversell(s, step.Sku, step.Location, -step.Quantity);
        }

        return Outcomes.Applied;
    }

    /// <summary>
    /// An outside event that removed units and left available below zero is reported as an oversell of the
    /// units it removed, or of the deficit when that is smaller.
    /// </summary>
    private void NoteOversell(ModelState s, int sku, int location, long removed)
    {
        var available = s.Available(sku, location, Now);
        if (removed > 0 && available < 0)
        {
            var units = (long)Int128.Min(removed, -available);
            _oversells.Add(Outcomes.Oversell(LedgerWorld.SkuName(sku), LedgerWorld.LocationName(location), units));
        }
    }

    private static Int128 BucketUnits(ModelFigures f, int bucket) => bucket switch
    {
        1 => f.OnHand,
        2 => f.Damaged,
        3 => f.QualityControl,
        _ => f.SafetyStock,
    };

    private static void SetBucket(ModelFigures f, int bucket, Int128 value)
    {
        switch (bucket)
        {
            case 2:
                f.Damaged = value;
                break;
            case 3:
                f.QualityControl = value;
                break;
            case 4:
                f.SafetyStock = value;
                break;
        }
    }

    private static bool Fits(Int128 value) => value >= long.MinValue && value <= long.MaxValue;
}
