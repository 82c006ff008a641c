using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>
/// Finds the reversals among one SKU's adjustments: a move in one direction followed, within a window, by a move in
/// the other direction.
/// </summary>
/// <remarks>
/// Adjustments at one instant have no order between them, so the rows of one direction at one instant are one move
/// (their sum), and an instant with both directions holds one reversal of its own whichever way it is read. Such an
/// instant's two moves are placed in the order that gives the fewest reversals with its neighbours (additions first
/// when both orders give as few), so the result depends only on the adjustments, never on how they were listed.
/// Zero changes have no direction and are left out. Stateless and safe to use from any thread.
/// </remarks>
internal static class Reversals
{
    private const int Falling = 0;
    private const int Rising = 1;
    private const int Unreachable = int.MaxValue / 2;

    /// <summary>Finds the reversals, in time order.</summary>
    /// <param name="items">One SKU's adjustments, ordered by instant.</param>
    /// <param name="window">The longest gap between the two moves of a reversal.</param>
    /// <returns>Each reversal as the move before and the move after.</returns>
    public static List<(Move Before, Move After)> Find(IReadOnlyList<AuditedAdjustment> items, Duration window)
    {
        if (!BothDirections(items))
        {
            return [];
        }

        var moments = Moments(items);
        var moves = Arrange(moments, window);
        var reversals = new List<(Move, Move)>();
        for (var i = 1; i < moves.Count; i++)
        {
            var (before, after) = (moves[i - 1], moves[i]);
            if (Int128.Sign(before.Units) != Int128.Sign(after.Units) && after.At - before.At <= window)
            {
                reversals.Add((before, after));
            }
        }

        return reversals;
    }

    private static bool BothDirections(IReadOnlyList<AuditedAdjustment> items)
    {
        var (up, down) = (false, false);
        for (var i = 0; i < items.Count; i++)
        {
            up |= items[i].Quantity > 0;
            down |= items[i].Quantity < 0;
        }

        return up && down;
    }

    private static List<Moment> Moments(IReadOnlyList<AuditedAdjustment> items)
    {
        var moments = new List<Moment>();
        foreach (var item in items.Where(a => a.Quantity != 0))
        {
            Int128 up = Math.Max(item.Quantity, 0);
            Int128 down = Math.Min(item.Quantity, 0);
            if (moments.Count > 0 && moments[^1].At == item.At)
            {
                var last = moments[^1];
                moments[^1] = last with { Up = last.Up + up, Down = last.Down + down };
            }
            else
            {
                moments.Add(new Moment(item.At, up, down));
            }
        }

        return moments;
    }

    // Chooses, for every instant with both directions, which comes first: the fewest reversals in total, found by
    // dynamic programming over the direction each instant ends with.
    private static List<Move> Arrange(List<Moment> moments, Duration window)
    {
        var cost = new int[moments.Count, 2];
        var from = new int[moments.Count, 2];
        for (var i = 0; i < moments.Count; i++)
        {
            for (var exit = Falling; exit <= Rising; exit++)
            {
                (cost[i, exit], from[i, exit]) = Best(moments, cost, i, exit, window);
            }
        }

        return Moves(moments, Exits(moments.Count, cost, from));
    }

    private static (int Cost, int From) Best(List<Moment> moments, int[,] cost, int i, int exit, Duration window)
    {
        var moment = moments[i];
        if (!moment.Mixed && moment.Direction != exit)
        {
            return (Unreachable, Falling);
        }

        var own = moment.Mixed ? 1 : 0;
        if (i == 0)
        {
            return (own, Falling);
        }

        var entry = moment.Mixed ? 1 - exit : exit;
        var near = moment.At - moments[i - 1].At <= window;
        var viaDown = cost[i - 1, Falling] + (near && entry != Falling ? 1 : 0);
        var viaUp = cost[i - 1, Rising] + (near && entry != Rising ? 1 : 0);

        return viaUp < viaDown ? (own + viaUp, Rising) : (own + viaDown, Falling);
    }

    private static int[] Exits(int count, int[,] cost, int[,] from)
    {
        var exits = new int[count];
        if (count == 0)
        {
            return exits;
        }

        exits[count - 1] = cost[count - 1, Rising] < cost[count - 1, Falling] ? Rising : Falling;
        for (var i = count - 1; i > 0; i--)
        {
            exits[i - 1] = from[i, exits[i]];
        }

        return exits;
    }

    private static List<Move> Moves(List<Moment> moments, int[] exits)
    {
        var moves = new List<Move>();
        for (var i = 0; i < moments.Count; i++)
        {
            var moment = moments[i];
            var (first, second) = exits[i] == Falling ? (moment.Up, moment.Down) : (moment.Down, moment.Up);
            if (first != 0)
            {
                moves.Add(new Move(moment.At, first));
            }

            if (second != 0)
            {
                moves.Add(new Move(moment.At, second));
            }
        }

        return moves;
    }

    /// <summary>The units one SKU moved in one direction at one instant.</summary>
    /// <param name="At">The instant.</param>
    /// <param name="Units">The signed units: positive added, negative removed; never zero.</param>
    internal readonly record struct Move(Instant At, Int128 Units);

    private readonly record struct Moment(Instant At, Int128 Up, Int128 Down)
    {
        public bool Mixed => Up != 0 && Down != 0;

        public int Direction => Up != 0 ? Rising : Falling;
    }
}
