using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>A step of a return line in one system.</summary>
/// <param name="Id">The event's own id.</param>
/// <param name="System">The system that recorded the step.</param>
/// <param name="ReturnId">The return line id both systems share.</param>
/// <param name="Sku">The SKU returned.</param>
/// <param name="Location">The location it came back to.</param>
/// <param name="Stage">The step; only <see cref="ReturnStage.Restocked"/> moves available stock.</param>
/// <param name="Quantity">The units; positive.</param>
/// <param name="At">When the step was recorded.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public sealed record ReturnEvent(
    string Id,
    VarianceSystem System,
    string ReturnId,
    Sku Sku,
    LocationId Location,
    ReturnStage Stage,
    long Quantity,
    Instant At) : VarianceEvent(Id, Sku, Location, At)
{
    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        RequireSystem(System);
        RequireText(ReturnId, nameof(ReturnId));
        RequirePositive(Quantity, nameof(Quantity));
        if (Stage is not (ReturnStage.Initiated or ReturnStage.Received or ReturnStage.Restocked))
        {
            throw new VarianceInputException($"Event '{Id}': stage {(int)Stage} is not defined.");
        }
    }
}
