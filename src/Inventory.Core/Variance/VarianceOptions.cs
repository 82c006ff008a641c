using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>Settings of one reconciliation, validated once when the classifier is built.</summary>
/// <remarks>Not thread-safe while being configured; the classifier copies what it needs.</remarks>
public sealed class VarianceOptions
{
    /// <summary>Gets or sets the instant both snapshots were taken; later events are ignored.</summary>
    /// <value>No default; must be set.</value>
    public Instant AsOf { get; set; }

    /// <summary>Gets or sets the absolute difference, in units, that still counts as agreement.</summary>
    /// <value>0 by default. Must not be negative.</value>
    public long ToleranceUnits { get; set; }

    /// <summary>
    /// Gets or sets the difference, in whole percent of the larger count, that still counts as agreement.
    /// </summary>
    /// <value>0 by default. Must be between 0 and 100.</value>
    public int TolerancePercent { get; set; }

    /// <summary>Gets the hero SKUs, the best sellers whose discrepancy the summary reports apart.</summary>
    /// <value>Empty by default, meaning the top <see cref="HeroTopCount"/> SKUs by units sold in the channel.</value>
    public ISet<Sku> HeroSkus { get; } = new HashSet<Sku>();

    /// <summary>Gets or sets how many best sellers count as heroes when <see cref="HeroSkus"/> is empty.</summary>
    /// <value>10 by default. Must not be negative.</value>
    public int HeroTopCount { get; set; } = 10;

    /// <summary>Gets or sets the business time zone, which decides what "the same business day" means.</summary>
    /// <value>UTC by default.</value>
    public DateTimeZone BusinessZone { get; set; } = DateTimeZone.Utc;

    /// <summary>Gets or sets how long a change may take to reach the other system before it is late.</summary>
    /// <value>15 minutes by default. Must not be negative.</value>
    public Duration NormalSyncLag { get; set; } = Duration.FromMinutes(15);

    /// <summary>Gets or sets the thresholds of the weekly indicators.</summary>
    /// <value>The documented defaults of <see cref="VarianceThresholds"/>. Must not be null.</value>
    public VarianceThresholds Thresholds { get; set; } = new();

    /// <summary>
    /// Gets or sets the counts of the previous reconciliation, taken at the start of the event window; with them a
    /// count change no event explains is attributed to <see cref="VarianceCause.UnloggedAdjustment"/>.
    /// </summary>
    /// <value>Null by default: such changes stay unexplained.</value>
    public PreviousSnapshot? Previous { get; set; }

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="InventoryOptionsException">Thrown when any setting is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (AsOf == default)
        {
            problems.Add("AsOf must be set to the instant the snapshots were taken.");
        }

        if (ToleranceUnits < 0)
        {
            problems.Add($"ToleranceUnits must not be negative (was {ToleranceUnits}).");
        }

        if (TolerancePercent is < 0 or > 100)
        {
            problems.Add($"TolerancePercent must be between 0 and 100 (was {TolerancePercent}).");
        }

        if (HeroTopCount < 0)
        {
            problems.Add($"HeroTopCount must not be negative (was {HeroTopCount}).");
        }

        if (BusinessZone is null)
        {
            problems.Add("BusinessZone must be set.");
        }

        if (NormalSyncLag < Duration.Zero)
        {
            problems.Add($"NormalSyncLag must not be negative (was {NormalSyncLag}).");
        }

        problems.AddRange(Thresholds?.Problems() ?? ["Thresholds must be set."]);
        if (Previous is { } previous && previous.AsOf >= AsOf)
        {
            problems.Add($"Previous.AsOf {previous.AsOf} must be before AsOf {AsOf}.");
        }

        if (Previous is { Channel: null } or { Warehouse: null })
        {
            problems.Add("Previous.Channel and Previous.Warehouse must both be set (empty lists for no rows).");
        }

        if (problems.Count > 0)
        {
            throw new InventoryOptionsException(problems);
        }
    }
}
