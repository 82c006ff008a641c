using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>The outcome of one reconciliation.</summary>
/// <param name="RowsCompared">SKU and location pairs present in either snapshot.</param>
/// <param name="RowsWithinTolerance">Pairs whose counts agree within tolerance.</param>
/// <param name="DiscrepancyUnits">The sum of absolute differences over the findings.</param>
/// <param name="HeroSkus">The hero SKUs used, in ordinal order.</param>
/// <param name="HeroDiscrepancyBasisPoints">
/// Absolute differences on hero rows per 10,000 units of the larger of each row's two counts, summed (rounded
/// down; at most 20,000); 0 when every hero count is 0, and so is every difference.
/// </param>
/// <param name="Findings">The findings, ordered by SKU then location.</param>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record VarianceReport(
    int RowsCompared,
    int RowsWithinTolerance,
    long DiscrepancyUnits,
    IReadOnlyList<Sku> HeroSkus,
    long HeroDiscrepancyBasisPoints,
    IReadOnlyList<VarianceFinding> Findings)
{
    /// <summary>Gets the snapshot instant the report was made for.</summary>
    public Instant AsOf { get; init; }

    /// <summary>Gets the weekly indicators of the window, each with its threshold.</summary>
    public IReadOnlyList<VarianceIndicator> Indicators { get; init; } = [];

    /// <summary>Gets an alert for each indicator on the wrong side of its threshold, in indicator order.</summary>
    public IReadOnlyList<VarianceAlert> Alerts { get; init; } = [];

    /// <summary>
    /// Gets the fix sequence: the costliest cause to stabilise, then the root causes, most upstream first.
    /// </summary>
    public IReadOnlyList<FixStep> Sequence { get; init; } = [];
}
