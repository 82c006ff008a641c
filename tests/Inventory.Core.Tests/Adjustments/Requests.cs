using Inventory.Core.Adjustments;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Tests.Adjustments;

/// <summary>Adjustment requests for tests: a valid change by default, with the fields a test cares about set.</summary>
internal static class Requests
{
    public static readonly Instant At = Instant.FromUtc(2026, 3, 2, 10, 0);

    public static AdjustmentRequest Change(
        long quantity,
        string? reason = ReasonCodes.CycleCountAvailable,
        string? by = "alice",
        StockBucket bucket = StockBucket.Available,
        string sku = "A") =>
        new(new Sku(sku), new LocationId("W1"), quantity, AdjustmentMode.Delta, bucket, reason, by, At);

    public static AdjustmentRequest Count(
        long counted, string? reason = ReasonCodes.CycleCountAvailable, StockBucket bucket = StockBucket.Available) =>
        new(new Sku("A"), new LocationId("W1"), counted, AdjustmentMode.Count, bucket, reason, "alice", At);

    public static StockPosition OnHand(long units, long damaged = 0) =>
        new(units, 0, 0, damaged, QualityControl: 0, SafetyStock: 0, Incoming: 0);
}
