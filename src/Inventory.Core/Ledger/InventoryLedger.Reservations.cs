using Inventory.Core.Reservations;
using Inventory.Core.Stock;

namespace Inventory.Core.Ledger;

/// <content>Decisions for cart holds: reserve, change, move, release, extend and expire.</content>
public sealed partial class InventoryLedger
{
    private LedgerResult? Reserve(ReserveCart command, LedgerWork work)
    {
        var expiry = work.Now + _ttl;
        if (work.Snapshot.Holds.Count > 0)
        {
            // A cart the command finds empty (the common case) has nothing to replace or extend.
            var replaced = command.Lines.Select(l => l.LineId).ToHashSet(StringComparer.Ordinal);
            foreach (var hold in work.Snapshot.Holds.Where(h => replaced.Contains(h.LineId)))
            {
                work.ReleaseHold(hold);
            }

            ExtendOthers(work, replaced, expiry);
        }

        var shortfalls = Allocate(work, command.CartId, command.Lines, expiry);

        return shortfalls is not null ? LedgerResult.Insufficient(command.IdempotencyKey, shortfalls) : null;
    }

    private LedgerResult? Change(ChangeReservation command, LedgerWork work)
    {
        var holds = LiveLineHolds(command, command.CartId, command.LineId, work, out var refusal);
        if (holds is null)
        {
            return refusal;
        }

        var pinned = holds.Count == 1 ? holds[0].Key.Location : (LocationId?)null;
        var line = new CartLine(command.LineId, holds[0].Key.Sku, command.Quantity, pinned);

        return Reallocate(command, work, holds, line);
    }

    private LedgerResult? Move(MoveReservation command, LedgerWork work)
    {
        var holds = LiveLineHolds(command, command.CartId, command.LineId, work, out var refusal);
        if (holds is null)
        {
            return refusal;
        }

        var quantity = holds.Sum(h => h.Quantity);
        var line = new CartLine(command.LineId, holds[0].Key.Sku, quantity, command.To);

        return Reallocate(command, work, holds, line);
    }

    private static LedgerResult? Release(ReleaseReservation command, LedgerWork work)
    {
        var holds = work.Snapshot.Holds
            .Where(h => command.LineId is null || h.LineId == command.LineId)
            .ToList();
        if (holds.Count == 0)
        {
            return UnknownReservation(command, command.CartId, command.LineId);
        }

        holds.ForEach(work.ReleaseHold);

        return null;
    }

    private LedgerResult? Extend(ExtendCart command, LedgerWork work)
    {
        var holds = work.Snapshot.Holds;
        if (holds.Count == 0)
        {
            return UnknownReservation(command, command.CartId, null);
        }

        if (holds.All(h => h.IsExpiredAt(work.Now)))
        {
            return Expired(command, command.CartId, holds, work.Now);
        }

        ExtendOthers(work, new HashSet<string>(StringComparer.Ordinal), work.Now + _ttl);

        return null;
    }

    private static LedgerResult? Expire(ExpireHolds command, LedgerWork work)
    {
        var expired = work.Snapshot.Holds.Where(h => h.IsExpiredAt(work.Now)).ToList();
        if (expired.Count == 0)
        {
            return UnknownReservation(command, command.CartId, null);
        }

        expired.ForEach(work.ReleaseHold);

        return null;
    }

    private LedgerResult? Reallocate(LedgerCommand command, LedgerWork work, List<Hold> holds, CartLine line)
    {
        var expiry = work.Now + _ttl;
        holds.ForEach(work.ReleaseHold);
        ExtendOthers(work, new HashSet<string>(StringComparer.Ordinal) { line.LineId }, expiry);

        var shortfalls = Allocate(work, holds[0].CartId, [line], expiry);

        return shortfalls is not null ? LedgerResult.Insufficient(command.IdempotencyKey, shortfalls) : null;
    }

    /// <summary>Gives the cart's other live holds a new expiry and removes its dead ones.</summary>
    private static void ExtendOthers(LedgerWork work, HashSet<string> except, NodaTime.Instant expiry)
    {
        foreach (var hold in work.Snapshot.Holds.Where(h => !except.Contains(h.LineId)))
        {
            if (hold.IsExpiredAt(work.Now))
            {
                work.ReleaseHold(hold);
            }
            else
            {
                work.PutHold(hold with { ExpiresAt = expiry });
            }
        }
    }

    /// <summary>
    /// Holds every line against one running total per position; returns the lines that cannot be met, or null
    /// when every line is held.
    /// </summary>
    private List<StockShortfall>? Allocate(
        LedgerWork work, string cartId, IReadOnlyList<CartLine> lines, NodaTime.Instant expiry)
    {
        List<StockShortfall>? shortfalls = null;
        foreach (var line in lines)
        {
            var shortfall = line.Location is { } location
                ? HoldAt(work, cartId, line, location, expiry)
                : HoldAnywhere(work, cartId, line, expiry);
            if (shortfall is not null)
            {
                (shortfalls ??= []).Add(shortfall);
            }
        }

        return shortfalls;
    }

    private static StockShortfall? HoldAt(
        LedgerWork work, string cartId, CartLine line, LocationId location, NodaTime.Instant expiry)
    {
        var key = new PositionKey(line.Sku, location);
        var available = work.Effective(key).Available;
        if (available < line.Quantity)
        {
            return new StockShortfall(line.LineId, line.Sku, location, line.Quantity, Math.Max(0, available));
        }

        work.AddHold(new Hold(cartId, line.LineId, key, line.Quantity, expiry));

        return null;
    }

    private StockShortfall? HoldAnywhere(LedgerWork work, string cartId, CartLine line, NodaTime.Instant expiry)
    {
        var candidates = CandidateLocations(work.Snapshot, line.Sku)
            .Select((location, index) => new LocationCandidate(
                location,
                Math.Max(0, work.Effective(new PositionKey(line.Sku, location)).Available),
                _locations.Count > 0 ? index : 0))
            .ToList();
        var ordered = OrderCandidates(candidates);

        var plan = _lineAllocation == LineAllocation.Whole
            ? WholePlan(ordered, line.Quantity)
            : SplitPlan(ordered, line.Quantity);
        if (plan is null)
        {
            var available = _lineAllocation == LineAllocation.Whole
                ? candidates.Select(c => c.Available).DefaultIfEmpty(0).Max()
                : candidates.Sum(c => c.Available);

            return new StockShortfall(line.LineId, line.Sku, null, line.Quantity, available);
        }

        foreach (var (location, quantity) in plan)
        {
            work.AddHold(new Hold(cartId, line.LineId, new PositionKey(line.Sku, location), quantity, expiry));
        }

        return null;
    }

    /// <summary>
    /// Asks the strategy for the supply order and checks that it returned each candidate exactly once, unchanged:
    /// a repeated, invented or inflated candidate would let the plan take units that are not there.
    /// </summary>
    private IReadOnlyList<LocationCandidate> OrderCandidates(List<LocationCandidate> candidates)
    {
        var ordered = _strategy.Order(candidates);
        if (ordered is null || !IsPermutation(candidates, ordered))
        {
            var returned = ordered is null ? "null" : $"[{string.Join(", ", ordered)}]";
            throw new InvalidOperationException(
                $"The allocation strategy {_strategy.GetType().FullName} must return each candidate it was given "
                + $"exactly once and unchanged; given [{string.Join(", ", candidates)}], it returned {returned}. "
                + "Nothing was applied.");
        }

        return ordered;
    }

    private static bool IsPermutation(List<LocationCandidate> given, IReadOnlyList<LocationCandidate> returned)
    {
        if (returned.Count != given.Count)
        {
            return false;
        }

        // The candidates name distinct locations, so equal counts and every returned item found once in the
        // remaining given items make a permutation.
        var remaining = new HashSet<LocationCandidate>(given);
        foreach (var candidate in returned)
        {
            if (!remaining.Remove(candidate))
            {
                return false;
            }
        }

        return true;
    }

    private static List<(LocationId Location, long Quantity)>? WholePlan(
        IReadOnlyList<LocationCandidate> ordered, long quantity)
    {
        foreach (var candidate in ordered)
        {
            if (candidate.Available >= quantity)
            {
                return [(candidate.Location, quantity)];
            }
        }

        return null;
    }

    private static List<(LocationId Location, long Quantity)>? SplitPlan(
        IReadOnlyList<LocationCandidate> ordered, long quantity)
    {
        var plan = new List<(LocationId, long)>();
        var remaining = quantity;
        foreach (var candidate in ordered)
        {
            var take = Math.Min(candidate.Available, remaining);
            if (take > 0)
            {
                plan.Add((candidate.Location, take));
                remaining -= take;
            }

            if (remaining == 0)
            {
                return plan;
            }
        }

        return null;
    }

    private static List<Hold>? LiveLineHolds(
        LedgerCommand command, string cartId, string lineId, LedgerWork work, out LedgerResult? refusal)
    {
        var holds = work.Snapshot.Holds.Where(h => h.LineId == lineId).ToList();
        refusal = holds.Count == 0
            ? UnknownReservation(command, cartId, lineId)
            : holds.Any(h => h.IsExpiredAt(work.Now)) ? Expired(command, cartId, holds, work.Now) : null;

        return refusal is null ? holds : null;
    }

    private static LedgerResult UnknownReservation(LedgerCommand command, string cartId, string? lineId) =>
        LedgerResult.Refused(
            command.IdempotencyKey,
            LedgerStatus.UnknownReservation,
            lineId is null
                ? $"Cart '{cartId}' holds nothing; nothing was changed."
                : $"Cart '{cartId}' holds nothing for line '{lineId}'; nothing was changed.");

    private static LedgerResult Expired(
        LedgerCommand command, string cartId, IEnumerable<Hold> holds, NodaTime.Instant now)
    {
        var lines = holds.Where(h => h.IsExpiredAt(now))
            .Select(h => $"line '{h.LineId}' ({h.Key}, {h.Quantity} units, expired {h.ExpiresAt})");

        return LedgerResult.Refused(
            command.IdempotencyKey,
            LedgerStatus.ReservationExpired,
            $"Cart '{cartId}' has expired holds: {string.Join("; ", lines)}; reserve again. Nothing was changed.");
    }
}
