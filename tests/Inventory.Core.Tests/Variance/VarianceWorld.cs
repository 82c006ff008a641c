using System.Text;
using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// A small world for reconciliation tests: one location, SKUs A, B and the bundle KIT, a window that starts at
/// 20:00 UTC and ends ten hours later at 06:00 UTC the next day (so minute 240 is midnight).
/// </summary>
internal static class VarianceWorld
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 20, 0);

    public static readonly Instant AsOf = At(600);

    public static readonly Sku A = new("A");

    public static readonly Sku B = new("B");

    public static readonly Sku Kit = new("KIT");

    public static readonly LocationId Here = new("L1");

    public static Instant At(int minute) => Start + Duration.FromMinutes(minute);

    public static VarianceOptions Options(long toleranceUnits = 0, int tolerancePercent = 0) => new()
    {
        AsOf = AsOf,
        ToleranceUnits = toleranceUnits,
        TolerancePercent = tolerancePercent,
        NormalSyncLag = Duration.FromMinutes(15),
    };

    public static ChannelSnapshotRow ChannelRow(Sku sku, long available) => new(sku, Here, available);

    public static WarehouseSnapshotRow WarehouseRow(Sku sku, long sellable) => new(sku, Here, sellable, 0, 0, 0);

    public static VarianceReport Classify(
        IEnumerable<ChannelSnapshotRow> channel,
        IEnumerable<WarehouseSnapshotRow> warehouse,
        IEnumerable<VarianceEvent> events,
        VarianceOptions? options = null) =>
        new VarianceClassifier(options ?? Options()).Classify(channel, warehouse, events);

    public static OrderEvent Order(string id, VarianceSystem system, string order, Sku sku, long qty, int minute) =>
        new(id, system, order, sku, Here, qty, At(minute));

    public static SyncWrite Write(string id, Sku sku, long value, int readMinute, int writeMinute) =>
        new(id, sku, Here, value, At(readMinute), At(writeMinute));

    public static ReturnEvent Restock(string id, VarianceSystem system, string line, Sku sku, long qty, int minute) =>
        new(id, system, line, sku, Here, ReturnStage.Restocked, qty, At(minute));

    public static DamageEvent Damage(string id, VarianceSystem system, string report, Sku sku, long qty, int minute) =>
        new(id, system, report, sku, Here, qty, At(minute));

    public static AdjustmentEvent Adjust(
        string id, VarianceSystem system, string adjustment, Sku sku, long delta, string? reason, int minute) =>
        new(id, system, adjustment, sku, Here, delta, reason, At(minute));

    public static BundleSale Bundle(
        string id, VarianceSystem system, string order, long qty, int minute, params BundleComponent[] parts) =>
        new(id, system, order, Kit, Here, qty, parts, At(minute));

    public static VarianceFinding Only(VarianceReport report, Sku sku) =>
        Assert.Single(report.Findings, f => f.Sku == sku);

    /// <summary>Renders a report as text, so two reports compare by value.</summary>
    public static string Describe(VarianceReport report)
    {
        var text = new StringBuilder()
            .Append($"{report.RowsCompared}/{report.RowsWithinTolerance}/{report.DiscrepancyUnits}/")
            .AppendLine($"{string.Join(",", report.HeroSkus)}/{report.HeroDiscrepancyBasisPoints}");
        foreach (var finding in report.Findings)
        {
            text.AppendLine($"{finding.Sku}@{finding.Location} {finding.Channel} {finding.Warehouse}");
            foreach (var part in finding.Parts)
            {
                text.AppendLine($"  {part.Cause} {part.Units} {part.Confidence} {string.Join(",", part.Evidence)}");
            }
        }

        return text.ToString();
    }
}
