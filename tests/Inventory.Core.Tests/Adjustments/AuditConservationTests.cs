using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Core.Tests.Adjustments;

/// <summary>Whatever the zone and the instants, days and weeks each hold every adjustment exactly once.</summary>
public sealed class AuditConservationTests
{
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "UTC"];
    private static readonly Instant Origin = Instant.FromUtc(2026, 3, 1, 0, 0);

    [Property(MaxTest = 60)]
    public Property DaysAndWeeks_Meet_Conservation() =>
        Prop.ForAll(
            Gen.Elements(Zones).ToArbitrary(),
            Adjustment()
                .ArrayOf().ToArbitrary(),
            (string zoneId, AuditedAdjustment[] log) =>
            {
                var zone = DateTimeZoneProviders.Tzdb[zoneId];
                var auditor = new DailyAuditor(zone);
                var dates = log.Select(a => a.At.InZone(zone).Date).Distinct().ToList();
                var days = dates.Select(d => auditor.Report(log, d)).ToList();
                var weeks = new WeeklyReviewer(zone).Review(log);

                return days.Sum(d => d.Count) == log.Length
                    && days.Sum(d => d.NetUnits) == log.Sum(a => a.Quantity)
                    && weeks.Sum(w => w.Count) == log.Length
                    && weeks.Sum(w => w.WithoutReason) == log.Count(a => a.ReasonCode is null)
                    && weeks.All(w => w.ByReason.Sum(t => t.Count) == w.Count)
                    && weeks.All(w => w.ByRootCause.Sum(t => t.NetUnits) == w.NetUnits);
            });

    private static Gen<AuditedAdjustment> Adjustment() =>
        from quarter in Gen.Choose(0, 60 * 24 * 4)
        from quantity in Gen.Choose(-50, 50).Where(q => q != 0)
        from reason in Gen.Elements<string?>(null, "other", "damaged")
        select new AuditedAdjustment("A", quantity, reason, "bob", Origin + Duration.FromMinutes(15L * quarter));
}
