using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Core.Tests.Adjustments;

/// <summary>
/// Reversals of one SKU: rows at one instant have no order between them, so the count and the evidence must not
/// depend on how the rows were listed, and a change of zero units is no direction at all.
/// </summary>
public sealed class DailyAuditorFlipTests
{
    private static readonly LocalDate Day = new(2026, 3, 2);

    [Fact]
    public void Report_OppositeRowsAtOneInstantInEitherOrder_CountTheFewestReversals()
    {
        AuditedAdjustment[] listed = [At(10, 0, 5), At(10, 0, -5), At(11, 0, 5)];
        AuditedAdjustment[] swapped = [At(10, 0, -5), At(10, 0, 5), At(11, 0, 5)];

        var first = FlipEvidence(listed);
        var second = FlipEvidence(swapped);

        Assert.Equal("1 reversal(s) within 4h: -5 at 10:00 then +5 at 10:00.", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Report_UpAndDownAtOneInstantAlone_IsOneReversalShownUpThenDown()
    {
        var evidence = FlipEvidence([At(10, 0, -5), At(10, 0, 5)]);

        Assert.Equal("1 reversal(s) within 4h: +5 at 10:00 then -5 at 10:00.", evidence);
    }

    [Fact]
    public void Report_MixedInstantBetweenAnUpAndADown_IsPlacedToContinueBothNeighbours()
    {
        AuditedAdjustment[] log = [At(9, 0, 1), At(10, 0, -2), At(10, 0, 2), At(11, 0, -1)];

        var evidence = FlipEvidence(log);

        Assert.Equal("1 reversal(s) within 4h: +2 at 10:00 then -2 at 10:00.", evidence);
    }

    [Fact]
    public void Report_MixedInstantBetweenTwoUps_ReversesTwice()
    {
        AuditedAdjustment[] log = [At(9, 0, 1), At(10, 0, 2), At(10, 0, -2), At(11, 0, 1)];

        var evidence = FlipEvidence(log);

        // Either order at 10:00 reverses twice; with as few reversals either way, additions come first.
        Assert.Equal(
            "2 reversal(s) within 4h: +2 at 10:00 then -2 at 10:00; -2 at 10:00 then +1 at 11:00.", evidence);
    }

    [Fact]
    public void Report_MixedInstantNextToAnUpBeyondTheWindow_IsPlacedForTheNeighbourWithinIt()
    {
        // The up at 05:00 is more than 4 h before 10:00, so only the up at 11:00 decides the order at 10:00.
        AuditedAdjustment[] log = [At(5, 0, 1), At(10, 0, 2), At(10, 0, -2), At(11, 0, 1)];

        var evidence = FlipEvidence(log);

        Assert.Equal("1 reversal(s) within 4h: -2 at 10:00 then +2 at 10:00.", evidence);
    }

    [Fact]
    public void Report_RowsOfOneDirectionAtOneInstant_CountAsOneMoveOfTheirSum()
    {
        AuditedAdjustment[] log = [At(10, 0, 3), At(11, 0, -8), At(10, 0, 5)];

        var evidence = FlipEvidence(log);

        Assert.Equal("1 reversal(s) within 4h: +8 at 10:00 then -8 at 11:00.", evidence);
    }

    [Fact]
    public void Report_TwoZeroChanges_AreNoFlip()
    {
        var report = Auditor().Report([At(10, 0, 0), At(10, 30, 0)], Day);

        Assert.Equal(2, report.Count);
        Assert.DoesNotContain(report.Flags, f => f.Kind == AuditFlagKind.Flip);
    }

    [Fact]
    public void Report_ZeroChangeBetweenAnUpAndADown_IsSkipped()
    {
        var evidence = FlipEvidence([At(10, 0, 5), At(10, 30, 0), At(11, 0, -5)]);

        Assert.Equal("1 reversal(s) within 4h: +5 at 10:00 then -5 at 11:00.", evidence);
    }

    [Fact]
    public void Report_ZeroChangeNextToAnUpAtOneInstant_IsNoReversal()
    {
        var report = Auditor().Report([At(10, 0, 0), At(10, 0, 5), At(10, 30, 0)], Day);

        Assert.DoesNotContain(report.Flags, f => f.Kind == AuditFlagKind.Flip);
    }

    [Fact]
    public void Report_LargeMagnitudesOfOneSkuListedInEitherOrder_GiveTheSameFlagsInTimeOrder()
    {
        AuditedAdjustment[] log = [At(15, 0, 300), At(9, 0, -200), At(9, 0, 150)];

        var forward = Auditor().Report(log, Day).Flags.Where(f => f.Kind == AuditFlagKind.LargeMagnitude);
        var backward = Auditor().Report(log.Reverse().ToArray(), Day).Flags
            .Where(f => f.Kind == AuditFlagKind.LargeMagnitude);

        Assert.Equal(
            [
                "-200 units at 09:00 by ann, reason correction (flagged above 100).",
                "+150 units at 09:00 by ann, reason correction (flagged above 100).",
                "+300 units at 15:00 by ann, reason correction (flagged above 100).",
            ],
            forward.Select(f => f.Evidence));
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Report_SimultaneousRowsOutsideWorkingHours_AreShownInOneOrder()
    {
        AuditedAdjustment[] log = [At(6, 0, 4, "B"), At(6, 0, -1, "A"), At(6, 0, 2, "A")];

        var forward = Auditor().Report(log, Day).Flags.Single(f => f.Kind == AuditFlagKind.OutsideWorkingHours);
        var backward = Auditor().Report(log.Reverse().ToArray(), Day).Flags
            .Single(f => f.Kind == AuditFlagKind.OutsideWorkingHours);

        Assert.Equal("3 adjustment(s) outside 07:00-19:00: 06:00 A -1; 06:00 A +2; 06:00 B +4.", forward.Evidence);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Report_UnitsThatOverflowOnlyInSomeOrder_SumTheSameInEveryOrder()
    {
        AuditedAdjustment[] log = [At(10, 0, long.MaxValue, "A"), At(11, 0, 1, "B"), At(12, 0, -1, "C")];

        var forward = Auditor().Report(log, Day);
        var backward = Auditor().Report([log[0], log[2], log[1]], Day);

        Assert.Equal(long.MaxValue, forward.NetUnits);
        Assert.Equal(long.MaxValue, backward.NetUnits);
    }

    private static string? FlipEvidence(IReadOnlyList<AuditedAdjustment> log) =>
        Auditor().Report(log, Day).Flags.SingleOrDefault(f => f.Kind == AuditFlagKind.Flip)?.Evidence;

    private static DailyAuditor Auditor() => new(DateTimeZone.Utc);

    private static AuditedAdjustment At(int hour, int minute, long quantity, string sku = "MUG") =>
        new(sku, quantity, "correction", "ann", Instant.FromUtc(2026, 3, 2, hour, minute));
}
