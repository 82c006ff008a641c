using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Core.Tests.Adjustments;

/// <summary>The daily report is a function of the adjustments as a collection: their order never matters.</summary>
public sealed class DailyAuditorPermutationPropertyTests
{
    private static readonly LocalDate Day = new(2026, 3, 2);
    private static readonly Instant Midnight = Instant.FromUtc(2026, 3, 2, 0, 0);

    // Low thresholds so that every kind of flag is raised often; few SKUs and a coarse grid of instants so that
    // rows of one SKU at one instant are common.
    private static readonly DailyAuditOptions Sensitive = new()
    {
        BaselineDays = 2,
        OperatorRateFactor = 1,
        OperatorMinimum = 1,
        RepeatCount = 2,
        RepeatWindow = Duration.FromHours(2),
        FlipWindow = Duration.FromHours(3),
        LargeUnits = 20,
        UnexplainedSharePercent = 10,
        UnexplainedMinimum = 1,
    };

    [Property(MaxTest = 500)]
    public Property PermutedRows_Meet_SameReport() =>
        Prop.ForAll(
            Adjustment().ArrayOf().SelectMany(log => Gen.Shuffle(log).Select(shuffled => (log, shuffled)))
                .ToArbitrary(),
            pair =>
            {
                var auditor = new DailyAuditor(DateTimeZone.Utc, Sensitive);
                var listed = auditor.Report(pair.log, Day);
                var permuted = auditor.Report(pair.shuffled, Day);

                return (listed.Start, listed.End, listed.Count, listed.NetUnits)
                        == (permuted.Start, permuted.End, permuted.Count, permuted.NetUnits)
                    && listed.Flags.SequenceEqual(permuted.Flags);
            });

    [Property(MaxTest = 200)]
    public Property ZeroChanges_Meet_NoEffectOnFlips() =>
        Prop.ForAll(
            Adjustment().ArrayOf().Two().ToArbitrary(),
            logs =>
            {
                var auditor = new DailyAuditor(DateTimeZone.Utc, Sensitive);
                var (log, others) = logs;
                var zeros = others.Select(a => a with { Quantity = 0 });

                return Flips(auditor.Report(log, Day)).SequenceEqual(Flips(auditor.Report([.. log, .. zeros], Day)))
                    && !Flips(auditor.Report(zeros.ToList(), Day)).Any();
            });

    [Property(MaxTest = 300)]
    public Property FlipCount_Meets_FewestOverEveryOrderOfSimultaneousRows() =>
        Prop.ForAll(
            OneSku().ArrayOf().Where(log => log.Length <= 7).ToArbitrary(),
            log =>
            {
                var flip = Flips(new DailyAuditor(DateTimeZone.Utc).Report(log, Day)).SingleOrDefault();
                var counted = flip is null ? 0 : int.Parse(flip.Evidence.Split(' ')[0], CultureInfo.InvariantCulture);

                return counted == FewestReversals(log, Duration.FromHours(4));
            });

    private static IEnumerable<AuditFlag> Flips(DailyReport report) =>
        report.Flags.Where(f => f.Kind == AuditFlagKind.Flip);

    // An independent count: every order of the rows that keeps time order, read row by row without zeros.
    private static int FewestReversals(AuditedAdjustment[] log, Duration window)
    {
        var orders = new List<List<AuditedAdjustment>> { new() };
        foreach (var group in log.GroupBy(a => a.At).OrderBy(g => g.Key))
        {
            orders = orders.SelectMany(o => Permutations(group.ToList()).Select(p => o.Concat(p).ToList())).ToList();
        }

        return orders.Min(order =>
        {
            var moves = order.Where(a => a.Quantity != 0).ToList();

            return moves.Zip(moves.Skip(1))
                .Count(p => Math.Sign(p.First.Quantity) != Math.Sign(p.Second.Quantity)
                    && p.Second.At - p.First.At <= window);
        });
    }

    private static IEnumerable<List<AuditedAdjustment>> Permutations(List<AuditedAdjustment> items) =>
        items.Count <= 1
            ? [items]
            : items.Index().SelectMany(x => Permutations(items.Where((_, i) => i != x.Index).ToList())
                .Select(rest => rest.Prepend(x.Item).ToList()));

    private static Gen<AuditedAdjustment> OneSku() =>
        from quantity in Gen.Choose(-3, 3)
        from slot in Gen.Choose(8, 20)
        select new AuditedAdjustment("A", quantity, "correction", "ann", Midnight + Duration.FromHours(slot));

    private static Gen<AuditedAdjustment> Adjustment() =>
        from sku in Gen.Elements("A", "B", "C")
        from quantity in Gen.OneOf(Gen.Choose(-3, 3), Gen.Elements(-150, 150))
        from reason in Gen.Elements<string?>(null, "other", "correction", "damaged")
        from who in Gen.Elements<string?>(null, "ann", "bob")
        from slot in Gen.Choose(-16, 23)
        select new AuditedAdjustment(sku, quantity, reason, who, Midnight + Duration.FromHours(slot));
}
