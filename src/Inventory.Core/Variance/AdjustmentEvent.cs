using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>A manual change of a count in one system.</summary>
/// <param name="Id">The event's own id.</param>
/// <param name="System">The system whose count changed.</param>
/// <param name="AdjustmentId">The adjustment id both systems share when it was carried across.</param>
/// <param name="Sku">The SKU adjusted.</param>
/// <param name="Location">The location adjusted.</param>
/// <param name="Delta">The signed change of available units; not zero.</param>
/// <param name="Reason">The reason code, or null when none was given.</param>
/// <param name="At">When the change was made.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public sealed record AdjustmentEvent(
    string Id,
    VarianceSystem System,
    string AdjustmentId,
    Sku Sku,
    LocationId Location,
    long Delta,
    string? Reason,
    Instant At) : VarianceEvent(Id, Sku, Location, At)
{
    /// <summary>Gets whether the adjustment carries a reason code.</summary>
    public bool HasReason => !string.IsNullOrWhiteSpace(Reason);

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        RequireSystem(System);
        RequireText(AdjustmentId, nameof(AdjustmentId));
        if (Delta == 0)
        {
            throw new VarianceInputException($"Event '{Id}': Delta must not be zero.");
        }
    }
}
