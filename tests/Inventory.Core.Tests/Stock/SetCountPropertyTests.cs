using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;

namespace Inventory.Core.Tests.Stock;

/// <summary>Counts of any bucket against the rule they must keep, over random sequences of counts.</summary>
public sealed class SetCountPropertyTests
{
    private static readonly StockBucket[] Buckets =
        [StockBucket.Available, StockBucket.Damaged, StockBucket.QualityControl, StockBucket.SafetyStock];

    [Property(MaxTest = 200)]
    public Property SetCount_Meets_Specification() =>
        Prop.ForAll(
            Counts().ToArbitrary(),
            counts =>
            {
                var harness = new LedgerHarness();
                harness.Receive("A", "W1", 100).GetAwaiter().GetResult();
                var sku = new Sku("A");
                var location = new LocationId("W1");

                for (var i = 0; i < counts.Length; i++)
                {
                    var (bucket, counted) = counts[i];
                    var before = harness.Position("A", "W1").GetAwaiter().GetResult();
                    harness.Apply(new SetCount($"count-{i}", sku, location, counted, Bucket: bucket))
                        .GetAwaiter().GetResult();
                    var after = harness.Position("A", "W1").GetAwaiter().GetResult();
                    if (!Keeps(bucket, counted, before, after))
                    {
                        return false;
                    }
                }

                var journal = harness.Journal().GetAwaiter().GetResult();

                return harness.Position("A", "W1").GetAwaiter().GetResult()
                    == journal.Aggregate(StockPosition.Empty, (p, e) => p.Apply(e.Change));
            });

    /// <summary>
    /// The counted bucket ends at the count (on hand for available); any other bucket's count moves on hand by the
    /// same units and leaves available and every other state as they were.
    /// </summary>
    private static bool Keeps(StockBucket bucket, long counted, StockPosition before, StockPosition after) =>
        bucket switch
        {
            StockBucket.Available => after == before with { OnHand = counted },
            StockBucket.Damaged => after == before with
            {
                Damaged = counted, OnHand = before.OnHand + counted - before.Damaged,
            },
            StockBucket.QualityControl => after == before with
            {
                QualityControl = counted, OnHand = before.OnHand + counted - before.QualityControl,
            },
            _ => after == before with
            {
                SafetyStock = counted, OnHand = before.OnHand + counted - before.SafetyStock,
            },
        };

    private static Gen<(StockBucket Bucket, long Counted)[]> Counts() =>
        (from bucket in Gen.Elements(Buckets)
         from counted in Gen.Choose(0, 150)
         select (bucket, (long)counted))
        .ArrayOf()
        .Select(a => a.Take(6).ToArray());
}
