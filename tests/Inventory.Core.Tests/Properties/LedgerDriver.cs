using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Core.Tests.Properties;

/// <summary>
/// Runs planned actions against a real <see cref="InventoryLedger"/> over an in-memory store and a fake clock,
/// and reports each answer in the text form of <see cref="Outcomes"/>. The in-memory store completes
/// synchronously, so the driver waits on each call without blocking a thread.
/// </summary>
internal sealed class LedgerDriver
{
    public LedgerDriver(LedgerConfig config)
    {
        Clock = new FakeClock(LedgerWorld.Start);
        Store = new InMemoryInventoryStore();
        Ledger = new InventoryLedger(Store, Clock, config.ToOptions());
    }

    public FakeClock Clock { get; }

    public InMemoryInventoryStore Store { get; }

    public InventoryLedger Ledger { get; }

    /// <summary>Gets the last result of a command that reached a decision (null after an exception).</summary>
    public LedgerResult? LastResult { get; private set; }

    public string Run(PlannedAction action)
    {
        LastResult = null;
        switch (action.Step.Kind)
        {
            case StepKind.Advance:
                Clock.Advance(Duration.FromMinutes(action.Step.Quantity));
                return "Advanced";
            case StepKind.Sweep:
                return Outcomes.Swept(Wait(Ledger.SweepExpiredAsync()));
            default:
                return Execute(ToCommand(action.Key!, action.Step));
        }
    }

    public string Execute(LedgerCommand command)
    {
        try
        {
            var result = Wait(Ledger.ExecuteAsync(command));
            LastResult = result;

            return Describe(result);
        }
        catch (InvalidCommandException)
        {
            return Outcomes.Invalid;
        }
        catch (IdempotencyKeyConflictException)
        {
            return Outcomes.KeyConflict;
        }
    }

    public StockPosition Position(int sku, int location) =>
        Wait(Ledger.GetPositionAsync(LedgerWorld.Sku(sku), LedgerWorld.Location(location)));

    public Dictionary<(int Sku, int Location), StockPosition> AllPositions() =>
        LedgerWorld.AllKeys().ToDictionary(k => k, k => Position(k.Sku, k.Location));

    public long AvailableTo(int sku, int? cart) =>
        Wait(Ledger.GetAvailableAsync(LedgerWorld.Sku(sku), cart is { } c ? LedgerWorld.Cart(c) : null));

    public IReadOnlyList<JournalEntry> Journal()
    {
        var all = new List<JournalEntry>();
        while (true)
        {
            var page = Wait(Store.ReadJournalAsync(all.Count, 500));
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    public static LedgerCommand ToCommand(string key, Step step) => step.Kind switch
    {
        StepKind.Receive => new ReceiveStock(
            key, Sku(step), Location(step), step.Quantity, step.Flag ? ReceiptKind.Return : ReceiptKind.Purchase),
        StepKind.Reserve => new ReserveCart(
            key, LedgerWorld.Cart(step.Cart), step.LineList.Select(ToCartLine).ToList()),
        StepKind.Change => new ChangeReservation(
            key, LedgerWorld.Cart(step.Cart), LedgerWorld.Line(step.Line), step.Quantity),
        StepKind.Move => new MoveReservation(
            key, LedgerWorld.Cart(step.Cart), LedgerWorld.Line(step.Line), Location(step)),
        StepKind.Release => new ReleaseReservation(
            key, LedgerWorld.Cart(step.Cart), step.Flag ? null : LedgerWorld.Line(step.Line)),
        StepKind.Extend => new ExtendCart(key, LedgerWorld.Cart(step.Cart)),
        StepKind.Commit => new CommitCart(key, LedgerWorld.Cart(step.Cart), LedgerWorld.Order(step.Order)),
        StepKind.Fulfil => new FulfilOrder(
            key, LedgerWorld.Order(step.Order), step.Flag ? null : step.LineList.Select(ToShipment).ToList()),
        StepKind.Cancel => new CancelOrder(
            key,
            LedgerWorld.Order(step.Order),
            step.Flag ? null : step.LineList.Select(l => LedgerWorld.Line(l.Line)).ToList()),
        StepKind.External => new PlaceExternalOrder(
            key, LedgerWorld.Order(step.Order), step.LineList.Select(ToExternalLine).ToList()),
        StepKind.SetCount => new SetCount(key, Sku(step), Location(step), step.Quantity),
        StepKind.Adjust => new AdjustStock(key, Sku(step), Location(step), step.Quantity, (StockBucket)step.Bucket),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "Not a ledger command."),
    };

    public static T Wait<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully
        ? pending.Result
        : pending.AsTask().GetAwaiter().GetResult();

    private static string Describe(LedgerResult result)
    {
        if (result.IsApplied)
        {
            var oversells = result.Oversells
                .Select(e => Outcomes.Oversell(e.Key.Sku.Value, e.Key.Location.Value, e.Quantity))
                .ToList();

            return result.IsReplay ? Outcomes.Replay : Outcomes.AppliedWith(oversells);
        }

        var shortfalls = result.Shortfalls.Select(s => Outcomes.Shortfall(
            s.LineId, s.Sku.Value, s.Location?.Value, s.Requested, s.Available));

        return Outcomes.Refused(result.Status.ToString(), shortfalls);
    }

    private static Sku Sku(Step step) => LedgerWorld.Sku(step.Sku);

    private static LocationId Location(Step step) => LedgerWorld.Location(step.Location);

    private static CartLine ToCartLine(StepLine line) => new(
        LedgerWorld.Line(line.Line), LedgerWorld.Sku(line.Sku), line.Quantity,
        line.Location >= 0 ? LedgerWorld.Location(line.Location) : null);

    private static FulfilmentLine ToShipment(StepLine line) => new(
        LedgerWorld.Line(line.Line), line.Quantity, line.Location >= 0 ? LedgerWorld.Location(line.Location) : null);

    private static ExternalOrderLine ToExternalLine(StepLine line) => new(
        LedgerWorld.Line(line.Line), LedgerWorld.Sku(line.Sku), LedgerWorld.Location(line.Location), line.Quantity);
}
