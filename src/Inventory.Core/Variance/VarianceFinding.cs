using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>One SKU and location whose counts differ beyond tolerance, with the difference explained.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="Channel">The channel's available count.</param>
/// <param name="Warehouse">The warehouse's sellable count.</param>
/// <param name="Parts">
/// The attributed parts, one per cause, in cause order; their units add up exactly to <see cref="Difference"/>.
/// </param>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record VarianceFinding(
    Sku Sku,
    LocationId Location,
    long Channel,
    long Warehouse,
    IReadOnlyList<VariancePart> Parts)
{
    /// <summary>Gets the channel count less the warehouse count.</summary>
    /// <exception cref="OverflowException">Thrown when the subtraction leaves the 64-bit range.</exception>
    public long Difference => checked(Channel - Warehouse);

    /// <summary>
    /// Gets how the finding behaves over the recent days; null until <see cref="VarianceTrends"/> classifies it.
    /// </summary>
    public VarianceTrend? Trend { get; init; }
}
