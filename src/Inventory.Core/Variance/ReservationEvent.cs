using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>A cart reservation placed or expired in the channel; read by the weekly indicators only.</summary>
/// <param name="Id">The event's own id.</param>
/// <param name="ReservationId">The reservation's id.</param>
/// <param name="Sku">The SKU held.</param>
/// <param name="Location">The location the units were held at.</param>
/// <param name="Stage">The step reported.</param>
/// <param name="Quantity">The units held; positive.</param>
/// <param name="At">When the step happened.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public sealed record ReservationEvent(
    string Id,
    string ReservationId,
    Sku Sku,
    LocationId Location,
    ReservationStage Stage,
    long Quantity,
    Instant At) : VarianceEvent(Id, Sku, Location, At)
{
    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        RequireText(ReservationId, nameof(ReservationId));
        RequirePositive(Quantity, nameof(Quantity));
        if (Stage is not (ReservationStage.Placed or ReservationStage.Expired))
        {
            throw new VarianceInputException($"Event '{Id}': stage {(int)Stage} is not defined.");
        }
    }
}
