using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>Units found damaged and taken out of available stock in one system.</summary>
/// <param name="Id">The event's own id.</param>
/// <param name="System">The system that took the units out.</param>
/// <param name="DamageId">The damage report id both systems share.</param>
/// <param name="Sku">The SKU damaged.</param>
/// <param name="Location">The location of the damaged units.</param>
/// <param name="Quantity">The units; positive.</param>
/// <param name="At">When the system took the units out of available.</param>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public sealed record DamageEvent(
    string Id,
    VarianceSystem System,
    string DamageId,
    Sku Sku,
    LocationId Location,
    long Quantity,
    Instant At) : VarianceEvent(Id, Sku, Location, At)
{
    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        RequireSystem(System);
        RequireText(DamageId, nameof(DamageId));
        RequirePositive(Quantity, nameof(Quantity));
    }
}
