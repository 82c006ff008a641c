using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>An event whose system or stage is no defined value is refused, naming the event and the value.</summary>
public class VarianceEventValidationTests
{
    public static TheoryData<VarianceEvent, string> Undefined => new()
    {
        { Order("o1", (VarianceSystem)2, "O1", A, 1, 10), "Event 'o1': system 2 is not defined." },
        { Order("o2", (VarianceSystem)(-1), "O1", A, 1, 10), "Event 'o2': system -1 is not defined." },
        {
            new ReturnEvent("r1", VarianceSystem.Channel, "R1", A, Here, (ReturnStage)3, 1, At(10)),
            "Event 'r1': stage 3 is not defined."
        },
        {
            new ReservationEvent("h1", "H1", A, Here, (ReservationStage)2, 1, At(10)),
            "Event 'h1': stage 2 is not defined."
        },
    };

    public static TheoryData<VarianceEvent> Defined => new()
    {
        Order("o1", VarianceSystem.Channel, "O1", A, 1, 10),
        Order("o2", VarianceSystem.Warehouse, "O1", A, 1, 10),
        new ReturnEvent("r1", VarianceSystem.Warehouse, "R1", A, Here, ReturnStage.Initiated, 1, At(10)),
        new ReturnEvent("r2", VarianceSystem.Warehouse, "R1", A, Here, ReturnStage.Received, 1, At(10)),
        new ReturnEvent("r3", VarianceSystem.Warehouse, "R1", A, Here, ReturnStage.Restocked, 1, At(10)),
        new ReservationEvent("h1", "H1", A, Here, ReservationStage.Placed, 1, At(10)),
        new ReservationEvent("h2", "H1", A, Here, ReservationStage.Expired, 1, At(10)),
    };

    [Theory]
    [MemberData(nameof(Undefined))]
    public void Validate_UndefinedSystemOrStage_IsRefusedByName(VarianceEvent item, string message)
    {
        var error = Assert.Throws<VarianceInputException>(item.Validate);

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [MemberData(nameof(Defined))]
    public void Validate_EveryDefinedSystemAndStage_IsAccepted(VarianceEvent item)
    {
        var error = Record.Exception(item.Validate);

        Assert.Null(error);
    }
}
