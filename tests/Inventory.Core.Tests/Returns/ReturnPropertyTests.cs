using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Core.Tests.Support;
using Xunit.Sdk;

namespace Inventory.Core.Tests.Returns;

/// <summary>Invariants of the return, damage and refund commands over generated event sequences.</summary>
public sealed class ReturnPropertyTests
{
    private const int Shipped = 6;
    private static readonly Sku Mug = new("MUG");
    private static readonly LocationId[] Locations = [new("W1"), new("RET")];

    /// <summary>
    /// Any sequence of return events (initiations, receipts in any condition, closures, inspections, write-offs,
    /// damages, refund restocks, repeated deliveries): every state of every position stays at zero or above, each
    /// position equals the fold of its journal, incoming equals what the return lines still expect, no return line
    /// goes negative and refunds never restock more than shipped.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property ReturnEvents_Meet_Specification() =>
        Prop.ForAll(Arb.From(Events), (ReturnEvent[] events) =>
        {
            var harness = SetUp();
            var sent = new List<LedgerCommand>();
            foreach (var next in events)
            {
                var command = next.ToCommand(sent);
                if (command is null)
                {
                    continue;
                }

                Wait(harness.Run(command));
                sent.Add(command);
                Check(harness, next);
            }
        });

    private static Gen<ReturnEvent> Event { get; } =
        from kind in Gen.Choose(0, 8)
        from returnIndex in Gen.Choose(0, 2)
        from location in Gen.Choose(0, 1)
        from quantity in Gen.Frequency((6, Gen.Choose(1, 4)), (1, Gen.Choose(5, 12)))
        from variant in Gen.Choose(0, 3)
        from target in Gen.Choose(0, 99)
        select new ReturnEvent((ReturnEventKind)kind, returnIndex, location, quantity, variant, target);

    private static Gen<ReturnEvent[]> Events { get; } =
        from count in Gen.Choose(1, 40)
        from events in Gen.ArrayOf(Event, count)
        select events;

    private static LedgerHarness SetUp()
    {
        var harness = new LedgerHarness();
        Wait(harness.Receive("MUG", "W1", 20));
        Wait(harness.PlaceExternal("o1", LedgerHarness.ExternalLine("l1", "MUG", "W1", 10)));
        Wait(harness.Apply(new FulfilOrder("ship", "o1", [new FulfilmentLine("l1", Shipped)])));

        return harness;
    }

    private static void Check(LedgerHarness harness, ReturnEvent step)
    {
        var journal = Wait(harness.Journal());
        var lines = ReturnLines(harness);
        foreach (var location in Locations)
        {
            var key = new PositionKey(Mug, location);
            var position = Wait(harness.Ledger.GetPositionAsync(Mug, location).AsTask());
            var folded = journal.Where(e => e.Key == key)
                .Aggregate(StockPosition.Empty, (sum, e) => sum.Apply(e.Change));
            var outstanding = lines
                .Where(l => l.Key == key && !l.ReturnId.StartsWith("refund:", StringComparison.Ordinal))
                .Sum(l => l.Outstanding);

            Require(position.HasNoNegativeState, $"after {step}: {key} has a negative state: {position}");
            Require(folded == position, $"after {step}: {key} is {position}, its journal folds to {folded}");
            Require(
                position.Incoming == outstanding,
                $"after {step}: {key} incoming {position.Incoming}, lines expect {outstanding}");
            Require(
                position.OnHand == checked(position.Available + position.Committed + position.Reserved
                    + position.Damaged + position.QualityControl + position.SafetyStock),
                $"after {step}: {key} breaks the on-hand identity");
        }

        Require(
            lines.All(l => l.Received >= 0 && l.Released >= 0 && l.Outstanding >= 0),
            $"after {step}: a return line is negative");
        var restocked = lines.Where(l => l.ReturnId == "refund:o1").Sum(l => l.Received);
        Require(restocked <= Shipped, $"after {step}: refunds restocked {restocked} of {Shipped} shipped");
    }

    private static IReadOnlyList<ReturnLine> ReturnLines(LedgerHarness harness)
    {
        var query = new StoreQuery(LedgerHarness.Start, [], [], [], [])
        {
            ReturnIds = ["R0", "R1", "R2", "refund:o1"],
        };

        return Wait(harness.Store.ReadAsync(query).AsTask()).ReturnLines;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message);
        }
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
