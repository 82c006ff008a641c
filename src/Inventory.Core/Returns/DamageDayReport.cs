using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Returns;

/// <summary>
/// Checks the same-day damage rule over a journal: a damage reported during a business day must be out of
/// available before that day ends in the business's own time zone.
/// </summary>
/// <remarks>
/// <para>
/// A day runs from the zone's start of the date to the start of the next date, so a day on which clocks go
/// forward lasts 23 hours and one on which they go back lasts 25. A report (<see cref="EntryKind.DamageReported"/>)
/// is matched with the <see cref="EntryKind.Damaged"/> moves at its position that the same command wrote or that
/// carry the same reference.
/// </para>
/// <para>Stateless and safe to call from any thread.</para>
/// </remarks>
public static class DamageDayReport
{
    /// <summary>Finds the damages reported on <paramref name="day"/> not moved out of available in time.</summary>
    /// <param name="journal">Journal entries, in any order.</param>
    /// <param name="day">The business day.</param>
    /// <param name="zone">The business's time zone.</param>
    /// <returns>The late damages, in the order they were reported.</returns>
    /// <exception cref="ArgumentNullException">
    /// Thrown when <paramref name="journal"/> or <paramref name="zone"/> is null.
    /// </exception>
    public static IReadOnlyList<LateDamage> FindLate(
        IEnumerable<JournalEntry> journal, LocalDate day, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(zone);

        var start = zone.AtStartOfDay(day).ToInstant();
        var end = zone.AtStartOfDay(day.PlusDays(1)).ToInstant();
        var entries = journal as IReadOnlyCollection<JournalEntry> ?? journal.ToList();
        var moves = entries.Where(e => e.Kind == EntryKind.Damaged && e.At < end).ToList();

        var late = new List<LateDamage>();
        foreach (var report in entries.Where(e => e.Kind == EntryKind.DamageReported && e.At >= start && e.At < end)
                     .OrderBy(e => e.At))
        {
            var moved = moves.Where(m => Matches(report, m)).Aggregate(0L, (sum, m) => checked(sum + m.Quantity));
            if (moved < report.Quantity)
            {
                late.Add(new LateDamage(
                    report.Key, report.IdempotencyKey, report.Reference, report.At, report.Quantity, moved));
            }
        }

        return late;
    }

    private static bool Matches(JournalEntry report, JournalEntry move) =>
        move.Key == report.Key
        && (string.Equals(move.IdempotencyKey, report.IdempotencyKey, StringComparison.Ordinal)
            || (report.Reference is not null
                && string.Equals(move.Reference, report.Reference, StringComparison.Ordinal)));
}
