using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Support.LedgerHarness;

namespace Inventory.Core.Tests.Regressions;

/// <summary>
/// The ledger trusts an allocation strategy only to order the candidates: a strategy that repeats, invents, drops
/// or alters a candidate must stop the command with nothing held, never lead to an oversell.
/// </summary>
public sealed class AllocationStrategyOutputTests
{
    public static TheoryData<string> BadStrategies => ["repeats", "invents", "drops", "inflates", "null"];

    [Theory]
    [MemberData(nameof(BadStrategies))]
    public async Task ReserveCart_StrategyNotReturningEachCandidateOnce_ThrowsNamingTheStrategyAndHoldsNothing(
        string fault)
    {
        var harness = new LedgerHarness(o =>
        {
            o.AllocationStrategy = new FaultyStrategy(fault);
            o.Locations.Add(new LocationId("W1"));
            o.Locations.Add(new LocationId("W2"));
        });
        await harness.Receive("A", "W1", 3);
        await harness.Receive("A", "W2", 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => harness.Reserve("cart", Line("l1", "A", 6)));

        Assert.Contains(nameof(FaultyStrategy), error.Message, StringComparison.Ordinal);
        Assert.Equal(Expect.Position(onHand: 3), await harness.Position("A", "W1"));
        Assert.Equal(Expect.Position(onHand: 1), await harness.Position("A", "W2"));
        Assert.Equal(2, harness.Store.JournalLength);
    }

    [Fact]
    public async Task ReserveCart_StrategyReversingTheCandidates_IsFollowed()
    {
        var harness = new LedgerHarness(o =>
        {
            o.AllocationStrategy = new FaultyStrategy("reverses");
            o.Locations.Add(new LocationId("W1"));
            o.Locations.Add(new LocationId("W2"));
        });
        await harness.Receive("A", "W1", 3);
        await harness.Receive("A", "W2", 3);

        var result = await harness.Reserve("cart", Line("l1", "A", 4));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(Expect.Position(onHand: 3, reserved: 3), await harness.Position("A", "W2"));
        Assert.Equal(Expect.Position(onHand: 3, reserved: 1), await harness.Position("A", "W1"));
    }

    private sealed class FaultyStrategy(string fault) : IAllocationStrategy
    {
        public IReadOnlyList<LocationCandidate> Order(IReadOnlyList<LocationCandidate> candidates) => fault switch
        {
            "repeats" => [.. candidates, .. candidates],
            "invents" => [.. candidates.Take(1), new LocationCandidate(new LocationId("W9"), 50, 9)],
            "drops" => [.. candidates.Take(1)],
            "inflates" => [.. candidates.Select(c => c with { Available = c.Available + 5 })],
            "null" => null!,
            _ => [.. candidates.Reverse()],
        };
    }
}
