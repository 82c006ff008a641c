using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>The weekly indicators depend on which events happened, never on the order they are read in.</summary>
public class IndicatorPropertyTests
{
    [Property(MaxTest = 200)]
    public Property EventOrder_Meets_NoChangeInIndicators() =>
        Prop.ForAll(
            Arb.From(Gen.ListOf(AnyEvent()).SelectMany(list => Gen.Choose(0, int.MaxValue).Select(s => (list, s)))),
            pair =>
            {
                var (events, seed) = pair;
                var random = new Random(seed);
                var shuffled = events.OrderBy(_ => random.Next()).ToList();

                var expected = Classify([], [], events).Indicators;
                var actual = Classify([], [], shuffled).Indicators;

                return expected.SequenceEqual(actual);
            });

    private static Gen<VarianceEvent> AnyEvent() =>
        from kind in Gen.Choose(0, 6)
        from line in Gen.Choose(0, 4)
        from system in Gen.Elements(VarianceSystem.Channel, VarianceSystem.Warehouse)
        from minute in Gen.Choose(0, 700)
        from quantity in Gen.Choose(1, 5)
        select Make(kind, $"l{line}", system, minute, quantity);

    private static VarianceEvent Make(int kind, string line, VarianceSystem system, int minute, int quantity) =>
        kind switch
        {
            0 => new ReservationEvent(
                $"h{minute}", line, A, Here, (ReservationStage)(minute % 2), quantity, At(minute)),
            1 => new OversellEvent($"x{minute}", line, A, Here, quantity, At(minute)),
            2 => new ReturnEvent($"r{minute}", system, line, A, Here, (ReturnStage)(minute % 3), quantity, At(minute)),
            3 => Damage($"d{minute}", system, line, A, quantity, minute),
            4 => Adjust($"a{minute}", system, line, A, quantity, null, minute),
            5 => Order($"o{minute}", system, line, A, quantity, minute),
            _ => Bundle($"b{minute}", system, line, quantity, minute),
        };
}
