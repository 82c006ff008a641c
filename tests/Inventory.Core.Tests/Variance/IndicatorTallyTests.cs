using Inventory.Core.Variance;
using NodaTime;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>The indicators' tally keeps the same figures once sealed, and refuses events after that.</summary>
public class IndicatorTallyTests
{
    [Fact]
    public void Seal_AfterEveryEvent_KeepsTheFiguresAndRefusesMore()
    {
        var tally = new IndicatorTally(AsOf, DateTimeZone.Utc);
        VarianceEvent[] events =
        [
            new ReturnEvent("r1", VarianceSystem.Warehouse, "R1", A, Here, ReturnStage.Received, 1, At(100)),
            Restock("r2", VarianceSystem.Warehouse, "R1", A, 1, 190),
            new ReturnEvent("r3", VarianceSystem.Warehouse, "R2", B, Here, ReturnStage.Received, 1, At(10)),
            Restock("r4", VarianceSystem.Channel, "R2", B, 1, 70),
            Damage("d1", VarianceSystem.Channel, "D1", A, 1, 50),
            Damage("d2", VarianceSystem.Warehouse, "D1", A, 1, 55),
            Adjust("a1", VarianceSystem.Warehouse, "X1", A, -2, null, 60),
            Adjust("a2", VarianceSystem.Channel, "X1", A, -2, null, 61),
            Order("o1", VarianceSystem.Warehouse, "O1", A, 3, 80),
        ];
        foreach (var item in events)
        {
            tally.Add(item);
        }

        var before = Figures(tally);
        tally.Seal();

        Assert.Equal(("60,90", (1L, 1L), 1), before);
        Assert.Equal(before, Figures(tally));
        Assert.Equal(3, tally.UnitsShipped);
        Assert.Throws<InvalidOperationException>(() => tally.Add(events[0]));
    }

    private static (string Minutes, (long Due, long SameDay) Damages, int Adjustments) Figures(IndicatorTally tally) =>
        (string.Join(",", tally.ReturnToStockMinutes()), tally.DamageCounts(), tally.AdjustmentLines);
}
