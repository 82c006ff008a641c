namespace Inventory.Core.Tests.Properties;

internal sealed partial class ReferenceLedger
{
    private string Reserve(ModelState s, Step step)
    {
        var replaced = step.LineList.Select(l => l.Line).ToHashSet();
        Renew(s, step.Cart, replaced);

        return Allocate(s, step.Cart, step.LineList);
    }

    private string Change(ModelState s, Step step)
    {
        var refusal = LiveLine(s, step, out var holds);
        if (refusal is not null)
        {
            return refusal;
        }

        var pinned = holds.Count == 1 ? holds[0].Location : -1;
        Renew(s, step.Cart, [step.Line]);

        return Allocate(s, step.Cart, [new StepLine(step.Line, holds[0].Sku, pinned, step.Quantity)]);
    }

    private string Move(ModelState s, Step step)
    {
        var refusal = LiveLine(s, step, out var holds);
        if (refusal is not null)
        {
            return refusal;
        }

        var quantity = holds.Sum(h => h.Quantity);
        Renew(s, step.Cart, [step.Line]);

        return Allocate(s, step.Cart, [new StepLine(step.Line, holds[0].Sku, step.Location, quantity)]);
    }

    private static string Release(ModelState s, Step step)
    {
        var holds = s.Holds(step.Cart);
        var removed = holds.RemoveAll(h => step.Flag || h.Line == step.Line);

        return removed == 0 ? Outcomes.UnknownReservation : Outcomes.Applied;
    }

    private string Extend(ModelState s, Step step)
    {
        var holds = s.Holds(step.Cart);
        if (holds.Count == 0)
        {
            return Outcomes.UnknownReservation;
        }

        if (holds.All(h => h.IsExpiredAt(Now)))
        {
            return Outcomes.ReservationExpired;
        }

        Renew(s, step.Cart, []);

        return Outcomes.Applied;
    }

    /// <summary>
    /// Cart activity: the holds of the named lines go (they are about to be replaced), expired holds go,
    /// and every other hold gets a fresh expiry. The kept holds stay in their order.
    /// </summary>
    private void Renew(ModelState s, int cart, HashSet<int> replacedLines)
    {
        s.Carts[cart] = s.Holds(cart)
            .Where(h => !replacedLines.Contains(h.Line) && !h.IsExpiredAt(Now))
            .Select(h => h with { ExpiresAt = Now + LedgerWorld.TtlMinutes })
            .ToList();
    }

    private string? LiveLine(ModelState s, Step step, out List<ModelHold> holds)
    {
        holds = s.Holds(step.Cart).Where(h => h.Line == step.Line).ToList();
        if (holds.Count == 0)
        {
            return Outcomes.UnknownReservation;
        }

        return holds.Any(h => h.IsExpiredAt(Now)) ? Outcomes.ReservationExpired : null;
    }

    /// <summary>Places every line in turn; each line sees the holds the earlier lines took.</summary>
    private string Allocate(ModelState s, int cart, IReadOnlyList<StepLine> lines)
    {
        var shortfalls = new List<string>();
        foreach (var line in lines)
        {
            Int128 shown;
            var plan = line.Location >= 0 ? Pinned(s, line, out shown) : Anywhere(s, line, out shown);
            if (plan is null)
            {
                shortfalls.Add(Outcomes.Shortfall(
                    LedgerWorld.Line(line.Line), LedgerWorld.SkuName(line.Sku), LedgerWorld.LocationName(line.Location),
                    line.Quantity, (long)shown));
                continue;
            }

            foreach (var (location, quantity) in plan)
            {
                s.Carts[cart] = [.. s.Holds(cart), new ModelHold(
                    cart, line.Line, line.Sku, location, quantity, Now + LedgerWorld.TtlMinutes)];
                s.RequireFits(line.Sku, location, Now);
            }
        }

        return shortfalls.Count == 0 ? Outcomes.Applied : Outcomes.Refused("InsufficientStock", shortfalls);
    }

    private List<(int Location, long Quantity)>? Pinned(ModelState s, StepLine line, out Int128 shown)
    {
        var available = s.Available(line.Sku, line.Location, Now);
        shown = Int128.Max(0, available);

        return available >= line.Quantity ? [(line.Location, line.Quantity)] : null;
    }

    private List<(int Location, long Quantity)>? Anywhere(ModelState s, StepLine line, out Int128 shown)
    {
        var candidates = Candidates(s, line.Sku)
            .Select((location, rank) => (
                Location: location,
                Available: (long)Int128.Max(0, s.Available(line.Sku, location, Now)),
                Priority: config.ConfiguredLocations ? rank : 0))
            .ToList();
        var ordered = config.HighestFirst
            ? candidates.OrderByDescending(c => c.Available).ThenBy(c => c.Priority).ThenBy(c => c.Location).ToList()
            : candidates.OrderBy(c => c.Priority).ThenBy(c => c.Location).ToList();

        if (config.Whole)
        {
            shown = candidates.Count == 0 ? 0 : candidates.Max(c => c.Available);
            foreach (var candidate in ordered.Where(c => c.Available >= line.Quantity))
            {
                return [(candidate.Location, line.Quantity)];
            }

            return null;
        }

        // A split that fails holds less than the line asks for, so the channel total it reports fits 64 bits.
        shown = candidates.Aggregate(Int128.Zero, (sum, c) => sum + c.Available);
        var plan = new List<(int, long)>();
        var remaining = line.Quantity;
        foreach (var candidate in ordered.Where(c => c.Available > 0 && remaining > 0))
        {
            var take = Math.Min(candidate.Available, remaining);
            plan.Add((candidate.Location, take));
            remaining -= take;
        }

        return remaining == 0 ? plan : null;
    }

    /// <summary>The channel's locations in its own order, or else every known location of the SKU by name.</summary>
    private IEnumerable<int> Candidates(ModelState s, int sku) => config.ConfiguredLocations
        ? LedgerWorld.ConfiguredOrder
        : s.Positions.Keys.Where(k => k.Sku == sku).Select(k => k.Location).Order();
}
