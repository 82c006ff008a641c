using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using NodaTime;
using Xunit.Sdk;

namespace Inventory.Core.Tests.Properties;

/// <summary>Invariants of the ledger checked over generated scenarios, without the reference model.</summary>
[Collection(LedgerPropertiesCollection.Name)]
public class LedgerInvariantTests
{
    private static readonly EntryKind[] _onHandKinds =
        [EntryKind.Received, EntryKind.Returned, EntryKind.Fulfilled, EntryKind.Counted, EntryKind.Adjusted];

    private static readonly StepKind[] _reservationPath =
        [StepKind.Reserve, StepKind.Change, StepKind.Move, StepKind.Release, StepKind.Extend, StepKind.Commit];

    /// <summary>
    /// On hand moves only through receipts, returns, fulfilments, counts and adjustments: the OnHand changes of
    /// those entries sum to the final on hand of each position, and every other entry leaves on hand alone.
    /// </summary>
    [Property(MaxTest = 2500)]
    public Property OnHand_Meets_Conservation() => Prop.ForAll(LedgerGenerators.Scenarios(), (Scenario scenario) =>
    {
        var driver = RunAll(scenario);
        var journal = driver.Journal();

        var stray = journal.FirstOrDefault(e => !_onHandKinds.Contains(e.Kind) && e.Change.OnHand != 0);
        Require(stray is null, $"entry {stray} changes on hand");
        foreach (var (sku, location) in LedgerWorld.AllKeys())
        {
            var key = new PositionKey(LedgerWorld.Sku(sku), LedgerWorld.Location(location));
            var moved = journal.Where(e => e.Key == key && _onHandKinds.Contains(e.Kind)).Sum(e => e.Change.OnHand);
            var onHand = driver.Position(sku, location).OnHand;
            Require(moved == onHand, $"{key}: entries move on hand by {moved}, on hand is {onHand}");
        }
    });

    /// <summary>
    /// Reserving, changing, moving, releasing, extending and committing never take a position's available
    /// below zero: after each such command every position is at zero or above, or no lower than it was.
    /// </summary>
    [Property(MaxTest = 2500)]
    public Property ReservationPath_Meets_NeverNegativeAvailable() =>
        Prop.ForAll(LedgerGenerators.Scenarios(), (Scenario scenario) =>
        {
            var driver = new LedgerDriver(scenario.Config);
            foreach (var action in scenario.Plan())
            {
                var before = driver.AllPositions();
                var answer = driver.Run(action);
                if (!_reservationPath.Contains(action.Step.Kind) && action.Step.Kind != StepKind.Sweep)
                {
                    continue;
                }

                foreach (var (key, after) in driver.AllPositions())
                {
                    Require(
                        after.Available >= 0 || after.Available >= before[key].Available,
                        $"{action} ({answer}) took {key} from {before[key].Available} to {after.Available}");
                }
            }
        });

    /// <summary>
    /// Sending every applied command of a scenario again, with its key, later: each answer is a replay with
    /// the first answer's entries, and nothing in the store changes.
    /// </summary>
    [Property(MaxTest = 2500)]
    public Property Replay_Meets_Idempotency() => Prop.ForAll(LedgerGenerators.Scenarios(), (Scenario scenario) =>
    {
        var driver = new LedgerDriver(scenario.Config);
        var firsts = new List<(LedgerCommand Command, LedgerResult Result)>();
        foreach (var action in scenario.Plan())
        {
            if (Outcomes.IsApplied(driver.Run(action)) && action.Key is { } key)
            {
                firsts.Add((LedgerDriver.ToCommand(key, action.Step), driver.LastResult!));
            }
        }

        driver.Clock.Advance(Duration.FromHours(1));
        var before = LedgerSnapshot.Take(driver);
        foreach (var (command, first) in firsts)
        {
            var again = LedgerDriver.Wait(driver.Ledger.ExecuteAsync(command));
            Require(again.IsApplied && again.IsReplay, $"{command.IdempotencyKey} answered {again.Message}");
            Require(again.Entries.SequenceEqual(first.Entries), $"{command.IdempotencyKey} returned other entries");
        }

        Require(LedgerSnapshot.Take(driver) == before, "replaying applied commands changed the store");
    });

    /// <summary>
    /// A command that does not apply (refused, invalid, or a key conflict) leaves every position, hold, order
    /// line and the journal exactly as before; multi-line carts, lines sharing a SKU included.
    /// </summary>
    [Property(MaxTest = 2500)]
    public Property Refusal_Meets_AllOrNothing() =>
        Prop.ForAll(LedgerGenerators.Scenarios(), (Scenario scenario) => RequireRefusalsChangeNothing(scenario));

    /// <summary>Runs a scenario, failing when a command that did not apply changed anything in the store.</summary>
    internal static void RequireRefusalsChangeNothing(Scenario scenario)
    {
        var driver = new LedgerDriver(scenario.Config);
        foreach (var action in scenario.Plan())
        {
            var before = LedgerSnapshot.Take(driver);
            var answer = driver.Run(action);
            if (action.Key is not null && !Outcomes.IsApplied(answer))
            {
                Require(LedgerSnapshot.Take(driver) == before, $"{action} answered {answer} yet changed the store");
            }
        }
    }

    /// <summary>
    /// Two lines of one cart for the same SKU are checked against one running total: with stock s, lines of
    /// q1 and q2 (each at most s) are held together exactly when q1 + q2 &lt;= s; otherwise nothing is held and
    /// the second line is named short by s - q1.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property ReserveCart_LinesSharingSku_MeetsRunningTotal() =>
        Prop.ForAll(Arb.From(SharedSkuCarts()), (SharedSkuCart cart) =>
        {
            var driver = new LedgerDriver(cart.Config);
            var sku = LedgerWorld.Sku(0);
            var here = LedgerWorld.Location(0);
            driver.Execute(new ReceiveStock("stock-a", sku, here, cart.Stock));
            driver.Execute(new ReceiveStock("stock-b", LedgerWorld.Sku(1), here, 1000));
            var before = LedgerSnapshot.Take(driver);

            var answer = driver.Execute(new ReserveCart("cart", LedgerWorld.Cart(0), cart.Lines(here)));

            var fits = cart.First + cart.Second <= cart.Stock;
            var position = driver.Position(0, 0);
            if (fits)
            {
                Require(answer == Outcomes.Applied, $"{cart}: answered {answer}");
                Require(position.Reserved == cart.First + cart.Second, $"{cart}: reserved {position.Reserved}");
                Require(position.Available == cart.Stock - cart.First - cart.Second, $"{cart}: {position}");
                return;
            }

            var where = cart.Pinned ? here.Value : null;
            var expected = Outcomes.Refused("InsufficientStock", [Outcomes.Shortfall(
                "line-1", sku.Value, where, cart.Second, cart.Stock - cart.First)]);
            Require(answer == expected, $"{cart}: answered {answer}, expected {expected}");
            Require(LedgerSnapshot.Take(driver) == before, $"{cart}: a refused cart changed the store");
        });

    /// <summary>
    /// Folding the journal's changes per position rebuilds exactly the stored positions; stored reserved is
    /// the sum of the stored holds, the reserved a reader sees is the sum of the live ones, and after a sweep
    /// the two agree.
    /// </summary>
    [Property(MaxTest = 2500)]
    public Property Journal_Meets_Rebuild() => Prop.ForAll(LedgerGenerators.Scenarios(), (Scenario scenario) =>
    {
        var driver = RunAll(scenario);
        RequireRebuilt(driver);

        LedgerDriver.Wait(driver.Ledger.SweepExpiredAsync());
        RequireRebuilt(driver);
        foreach (var stored in LedgerDriver.Wait(driver.Store.ReadAllPositionsAsync(driver.Clock.GetCurrentInstant())))
        {
            Require(stored.ExpiredReserved == 0, $"{stored.Key} keeps {stored.ExpiredReserved} expired units");
        }
    });

    private static void RequireRebuilt(LedgerDriver driver)
    {
        var now = driver.Clock.GetCurrentInstant();
        var journal = driver.Journal().ToLookup(e => e.Key);
        var stored = LedgerDriver.Wait(driver.Store.ReadAllPositionsAsync(now));
        var holds = LedgerSnapshot.AllHolds(driver);
        Require(journal.All(g => stored.Any(s => s.Key == g.Key)), "the journal names a position the store lacks");
        foreach (var position in stored)
        {
            var rebuilt = LedgerSnapshot.Fold(journal[position.Key]);
            var key = position.Key;
            Require(rebuilt == position.Stored, $"{key}: journal gives ({rebuilt}), store ({position.Stored})");

            var held = holds.Where(h => h.Key == key).ToList();
            Require(held.Sum(h => h.Quantity) == position.Stored.Reserved, $"{key}: holds and reserved differ");
            var live = held.Where(h => !h.IsExpiredAt(now)).Sum(h => h.Quantity);
            Require(live == position.Effective.Reserved, $"{key}: live holds {live}, read ({position.Effective})");
        }
    }

    private static LedgerDriver RunAll(Scenario scenario)
    {
        var driver = new LedgerDriver(scenario.Config);
        foreach (var action in scenario.Plan())
        {
            driver.Run(action);
        }

        return driver;
    }

    private static Gen<SharedSkuCart> SharedSkuCarts() =>
        from config in LedgerGenerators.Config
        from stock in Gen.Choose(1, 200)
        from first in Gen.Choose(1, stock)
        from second in Gen.Choose(1, stock)
        from pinned in Gen.Elements(true, false)
        from otherSku in Gen.Elements(true, false)
        select new SharedSkuCart(config, stock, first, second, pinned, otherSku);

    private static void Require(bool holds, string what)
    {
        if (!holds)
        {
            throw new XunitException(what);
        }
    }
}
