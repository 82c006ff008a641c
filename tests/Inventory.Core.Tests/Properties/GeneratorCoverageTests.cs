using FsCheck;
using FsCheck.Fluent;

namespace Inventory.Core.Tests.Properties;

/// <summary>
/// Guards the generators themselves: a property over scenarios that never reach an answer proves nothing
/// about that answer, so a fixed sample of generated scenarios must reach each of them several times.
/// </summary>
[Collection(LedgerPropertiesCollection.Name)]
public class GeneratorCoverageTests
{
    private static readonly string[] _required =
    [
        "Receive Applied", "Receive Replay", "Receive Invalid", "Receive KeyConflict",
        "Reserve Applied", "Reserve InsufficientStock", "Reserve Invalid", "Reserve Replay",
        "Change Applied", "Change InsufficientStock", "Change ReservationExpired", "Change UnknownReservation",
        "Move Applied", "Move InsufficientStock", "Move ReservationExpired", "Move UnknownReservation",
        "Release Applied", "Release UnknownReservation",
        "Extend Applied", "Extend ReservationExpired", "Extend UnknownReservation",
        "Commit Applied", "Commit OrderAlreadyExists", "Commit ReservationExpired", "Commit UnknownReservation",
        "Fulfil Applied", "Fulfil ExceedsOpenQuantity", "Fulfil UnknownOrder",
        "Cancel Applied", "Cancel UnknownOrder", "External Applied", "External OrderAlreadyExists",
        "SetCount Applied", "SetCount Invalid", "Adjust Applied", "Adjust InsufficientStock", "Sweep Swept",
    ];

    [Fact]
    public void Scenarios_FixedSample_ReachEveryAnswerSeveralTimes()
    {
        var scenarios = SampleAcrossSizes(3);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scenario in scenarios)
        {
            var driver = new LedgerDriver(scenario.Config);
            foreach (var action in scenario.Plan())
            {
                var answer = driver.Run(action);
                var kind = $"{action.Step.Kind} {answer.Split(' ')[0]}";
                seen[kind] = seen.GetValueOrDefault(kind) + (answer == Outcomes.Swept(0) ? 0 : 1);
            }
        }

        var rare = _required.Where(kind => seen.GetValueOrDefault(kind) < 5).ToList();
        Assert.True(rare.Count == 0, "Reached fewer than 5 times: " + string.Join(", ", rare));
    }

    /// <summary>Samples the sizes a property run walks through (0 to 99), a few scenarios at each.</summary>
    private static IEnumerable<Scenario> SampleAcrossSizes(int perSize) =>
        Enumerable.Range(0, 100).SelectMany(size =>
            LedgerGenerators.Scenarios().Generator.Sample(perSize, new Rnd(20260302UL + (ulong)size), size));

    [Fact]
    public void Scenarios_FixedSample_CoverEveryLedgerConfiguration()
    {
        var configs = SampleAcrossSizes(1)
            .Select(s => s.Config)
            .Distinct()
            .Count();

        Assert.Equal(8, configs);
    }
}
