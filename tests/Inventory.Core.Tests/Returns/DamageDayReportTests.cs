using Inventory.Core.Returns;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Tests.Returns;

public sealed class DamageDayReportTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly PositionKey Key = new(new Sku("MUG"), new LocationId("W1"));

    [Fact]
    public void FindLate_MovedTheSameLocalDay_FlagsNothing()
    {
        var journal = Damage("d1", reported: Utc(2026, 6, 10, 9, 0), moved: Utc(2026, 6, 10, 22, 59), units: 2);

        Assert.Empty(DamageDayReport.FindLate(journal, new LocalDate(2026, 6, 10), London));
    }

    [Fact]
    public void FindLate_MovedAfterLocalMidnight_FlagsTheUnitsStillAvailable()
    {
        // 23:00 UTC on 10 June is midnight in London (summer time): the move belongs to the next day.
        var journal = Damage("d1", reported: Utc(2026, 6, 10, 9, 0), moved: Utc(2026, 6, 10, 23, 0), units: 2);

        var late = Assert.Single(DamageDayReport.FindLate(journal, new LocalDate(2026, 6, 10), London));

        Assert.Equal(
            (Key, "d1", 2L, 0L, 2L),
            (late.Key, late.IdempotencyKey, late.Reported, late.MovedInTime, late.Late));
    }

    [Fact]
    public void FindLate_TwentyThreeHourDay_EndsAnHourEarlierInUtc()
    {
        // 29 March 2026: clocks go forward; the day runs 00:00 GMT to 23:00 UTC (midnight BST).
        var day = new LocalDate(2026, 3, 29);
        var inTime = Damage("d1", Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 22, 59), 1);
        var late = Damage("d2", Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 23, 30), 1);

        Assert.Empty(DamageDayReport.FindLate(inTime, day, London));
        Assert.Equal("d2", Assert.Single(DamageDayReport.FindLate(late, day, London)).IdempotencyKey);
    }

    [Fact]
    public void FindLate_TwentyFiveHourDay_RunsUntilMidnightGmt()
    {
        // 25 October 2026: clocks go back; the day runs 23:00 UTC on the 24th to 00:00 UTC on the 26th.
        var day = new LocalDate(2026, 10, 25);
        var inTime = Damage("d1", Utc(2026, 10, 24, 23, 30), Utc(2026, 10, 25, 23, 59), 1);
        var late = Damage("d2", Utc(2026, 10, 24, 23, 30), Utc(2026, 10, 26, 0, 0), 1);
        var previousDay = Damage("d3", Utc(2026, 10, 24, 22, 59), Utc(2026, 10, 30, 0, 0), 1);

        Assert.Empty(DamageDayReport.FindLate(inTime, day, London));
        Assert.Equal("d2", Assert.Single(DamageDayReport.FindLate(late, day, London)).IdempotencyKey);
        Assert.Empty(DamageDayReport.FindLate(previousDay, day, London));
    }

    [Fact]
    public void FindLate_MovedInPartsByReference_CountsOnlyTheMovesBeforeTheDayEnds()
    {
        var reported = Utc(2026, 6, 10, 8, 0);
        JournalEntry[] journal =
        [
            new(1, "report", EntryKind.DamageReported, Key, default, 5, reported, "ticket-9"),
            new(2, "move-a", EntryKind.Damaged, Key, Moved(3), 3, Utc(2026, 6, 10, 12, 0), "ticket-9"),
            new(3, "move-b", EntryKind.Damaged, Key, Moved(2), 2, Utc(2026, 6, 11, 7, 0), "ticket-9"),
        ];

        var late = Assert.Single(DamageDayReport.FindLate(journal, new LocalDate(2026, 6, 10), London));

        Assert.Equal((5L, 3L, 2L), (late.Reported, late.MovedInTime, late.Late));
    }

    [Fact]
    public async Task FindLate_OverTheLedgersJournal_UsesTheReportedInstantOfTheCommand()
    {
        var harness = new Support.LedgerHarness();
        await harness.Receive("MUG", "W1", 5);
        await harness.Apply(new ReportDamage("dmg", Key.Sku, Key.Location, 1, ReportedAt: Utc(2026, 3, 1, 10, 0))
        {
            At = Utc(2026, 3, 2, 9, 0),
        });

        var journal = await harness.Journal();
        var late = Assert.Single(DamageDayReport.FindLate(journal, new LocalDate(2026, 3, 1), London));

        Assert.Equal(Utc(2026, 3, 1, 10, 0), late.ReportedAt);
        Assert.Empty(DamageDayReport.FindLate(journal, new LocalDate(2026, 3, 2), London));
    }

    private static JournalEntry[] Damage(string key, Instant reported, Instant moved, long units) =>
    [
        new(1, key, EntryKind.DamageReported, Key, default, units, reported),
        new(2, key, EntryKind.Damaged, Key, new StockChange(Damaged: units), units, moved),
    ];

    private static StockChange Moved(long units) => new(Damaged: units);

    private static Instant Utc(int year, int month, int day, int hour, int minute) =>
        Instant.FromUtc(year, month, day, hour, minute);
}
