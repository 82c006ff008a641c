using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;

namespace Inventory.Core.Tests.Properties;

/// <summary>
/// Everything the store holds that a command could change, in a comparable text form: stored positions with
/// versions, the holds of every cart, the lines of every order, and the journal length.
/// </summary>
internal sealed record LedgerSnapshot(string Positions, string Holds, string OrderLines, long JournalLength)
{
    private const int Carts = 8;
    private const int Orders = 8;

    public static LedgerSnapshot Take(LedgerDriver driver)
    {
        var now = driver.Clock.GetCurrentInstant();
        var positions = LedgerDriver.Wait(driver.Store.ReadAllPositionsAsync(now));
        var query = new StoreQuery(
            now,
            [],
            [],
            Enumerable.Range(0, Carts).Select(LedgerWorld.Cart).ToList(),
            Enumerable.Range(0, Orders).Select(LedgerWorld.Order).ToList());
        var read = LedgerDriver.Wait(driver.Store.ReadAsync(query));

        return new LedgerSnapshot(
            string.Join("\n", positions.Select(p => p.ToString())),
            string.Join("\n", read.Holds.Select(h => h.ToString()).Order(StringComparer.Ordinal)),
            string.Join("\n", read.OrderLines.Select(l => l.ToString()).Order(StringComparer.Ordinal)),
            driver.Store.JournalLength);
    }

    /// <summary>Gets every hold the store keeps, expired ones included until they are swept.</summary>
    public static IReadOnlyList<Hold> AllHolds(LedgerDriver driver)
    {
        var query = new StoreQuery(
            driver.Clock.GetCurrentInstant(), [], [], Enumerable.Range(0, Carts).Select(LedgerWorld.Cart).ToList(), []);

        return LedgerDriver.Wait(driver.Store.ReadAsync(query)).Holds;
    }

    public static StockPosition Fold(IEnumerable<JournalEntry> entries) =>
        entries.Aggregate(StockPosition.Empty, (position, entry) => position.Apply(entry.Change));
}
