using Inventory.Core.Adjustments;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Adjustments;
using Inventory.Core.Tests.Support;

namespace Inventory.Core.Tests.Concurrency;

public sealed class ConcurrentCountTests
{
    private const int Rounds = 150;

    [Theory]
    [InlineData(StockBucket.Damaged)]
    [InlineData(StockBucket.QualityControl)]
    public async Task SubmitAsync_TwoCountsOfOneBucketAtOnce_EndAtTheCountedValue(StockBucket bucket)
    {
        // Each round is a fresh race; many rounds make a lost update far more likely to show.
        for (var round = 0; round < Rounds; round++)
        {
            var harness = new LedgerHarness();
            await harness.Receive("A", "W1", 100);
            var adjustments = new ManualAdjustments(
                harness.Ledger, new AdjustmentPolicy(AdjustmentPolicyOptions.CreateDefault()));
            var count = Requests.Count(5, ReasonOf(bucket), bucket);

            await Concurrently.RunAsync(threads: 2, count: 2, async i =>
                Assert.True((await adjustments.SubmitAsync($"count-{i}", count)).IsApplied));

            var position = await harness.Position("A", "W1");
            Assert.Equal((5L, 105L, 100L), (Units(bucket, position), position.OnHand, position.Available));
            Assert.Equal(position, Fold(await harness.Journal()));
        }
    }

    private static string ReasonOf(StockBucket bucket) =>
        bucket == StockBucket.Damaged ? ReasonCodes.Damaged : ReasonCodes.QualityControl;

    private static long Units(StockBucket bucket, StockPosition position) =>
        bucket == StockBucket.Damaged ? position.Damaged : position.QualityControl;

    private static StockPosition Fold(IEnumerable<JournalEntry> entries) =>
        entries.Aggregate(StockPosition.Empty, (position, entry) => position.Apply(entry.Change));
}
