using Inventory.Core.Stock;
using Inventory.Core.Variance;
using NodaTime;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// A deterministic day of two systems at scale: <see cref="Rows"/> SKU-location pairs (SKUs over four
/// locations), five events per pair, and the counts both systems end with, computed from what each system did.
/// Per pair: a sync write, an order line in both systems, then by pair number one of: a return restocked in both
/// systems (70%, agreeing), or an order too recent to have reached the warehouse, an order that overtook the sync
/// write, a return restocked in the warehouse only, a bundle deducted at another quantity, an adjustment without
/// a reason, or a damage taken out in the warehouse only before midnight (5% each). No warehouse
/// change precedes a sync read, so every write copies the opening count.
/// </summary>
/// <param name="rows">The number of SKU-location pairs.</param>
internal sealed class VarianceScaleData(int rows)
{
    public const long Opening = 100;

    public const int EventsPerRow = 5;

    private static readonly LocationId[] _locations = [new("WH-1"), new("WH-2"), new("STORE-1"), new("STORE-2")];

    /// <summary>Gets the window's start, 20:00 UTC; the snapshot is ten hours later, after midnight.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 3, 1, 20, 0);

    public static Instant AsOf { get; } = Start + Duration.FromHours(10);

    public int Rows { get; } = rows;

    public static Sku SkuOf(int row) => new($"SKU-{row / _locations.Length:D7}");

    public static LocationId LocationOf(int row) => _locations[row % _locations.Length];

    /// <summary>The channel's available count and the warehouse's sellable count of one pair.</summary>
    public static (long Channel, long Warehouse) Counts(int row)
    {
        long warehouse = Opening, atRead = Opening, channelAfterWrite = 0;
        var (read, write) = SyncInstants(row);
        foreach (var item in Events(row))
        {
            foreach (var (system, delta) in Moves(item, SkuOf(row)))
            {
                if (system == VarianceSystem.Warehouse)
                {
                    warehouse += delta;
                    atRead += item.At <= read ? delta : 0;
                }
                else if (item.At > write)
                {
                    channelAfterWrite += delta;
                }
            }
        }

        return (atRead + channelAfterWrite, warehouse);
    }

    /// <summary>All events of the window, pair by pair.</summary>
    public IEnumerable<VarianceEvent> AllEvents()
    {
        for (var row = 0; row < Rows; row++)
        {
            foreach (var item in Events(row))
            {
                yield return item;
            }
        }
    }

    /// <summary>The five events of one pair.</summary>
    public static IEnumerable<VarianceEvent> Events(int row)
    {
        var (sku, location) = (SkuOf(row), LocationOf(row));
        var (read, write) = SyncInstants(row);
        var sold = Minutes(row, 240, 500);
        var id = $"{row}";
        yield return new SyncWrite($"w{id}", sku, location, Opening, read, write);
        yield return new OrderEvent($"co{id}", VarianceSystem.Channel, $"o{id}", sku, location, 2, sold);
        yield return new OrderEvent(
            $"wo{id}", VarianceSystem.Warehouse, $"o{id}", sku, location, 2, sold + Duration.FromMinutes(1));
        foreach (var item in Tail(row, sku, location, read))
        {
            yield return item;
        }
    }

    private static IEnumerable<VarianceEvent> Tail(int row, Sku sku, LocationId location, Instant read)
    {
        var id = $"{row}";
        var at = Minutes(row, 300, 560);
        var fault = (int)(row * 2_654_435_761L % 20);
        var (c, w) = (VarianceSystem.Channel, VarianceSystem.Warehouse);
        switch (fault)
        {
            case 14:
                yield return new OrderEvent($"ct{id}", c, $"t{id}", sku, location, 1, AsOf - Duration.FromMinutes(5));
                yield return new ReturnEvent($"ri{id}", c, $"r{id}", sku, location, ReturnStage.Initiated, 1, at);
                break;
            case 15:
                var between = read + Duration.FromSeconds(30);
                yield return new OrderEvent($"cr{id}", c, $"x{id}", sku, location, 3, between);
                yield return new OrderEvent($"wr{id}", w, $"x{id}", sku, location, 3, between);
                break;
            case 16:
                yield return new ReturnEvent($"wr{id}", w, $"r{id}", sku, location, ReturnStage.Restocked, 1, at);
                yield return new ReturnEvent($"cr{id}", c, $"r{id}", sku, location, ReturnStage.Received, 1, at);
                break;
            case 17:
                var kit = new Sku($"KIT-{row / _locations.Length:D7}");
                yield return new BundleSale($"cb{id}", c, $"b{id}", kit, location, 1, [new(sku, 1)], at);
                yield return new BundleSale($"wb{id}", w, $"b{id}", kit, location, 1, [new(sku, 2)], at);
                break;
            case 18:
                yield return new AdjustmentEvent($"wa{id}", w, $"a{id}", sku, location, -1, null, at);
                yield return new DamageEvent($"wd{id}", w, $"d{id}", sku, location, 1, at);
                break;
            case 19:
                var beforeMidnight = Start + Duration.FromMinutes(230);
                yield return new DamageEvent($"wd{id}", w, $"d{id}", sku, location, 2, beforeMidnight);
                yield return new ReturnEvent($"ci{id}", c, $"r{id}", sku, location, ReturnStage.Initiated, 2, at);
                break;
            default:
                yield return new ReturnEvent($"cr{id}", c, $"r{id}", sku, location, ReturnStage.Restocked, 1, at);
                yield return new ReturnEvent($"wr{id}", w, $"r{id}", sku, location, ReturnStage.Restocked, 1, at);
                break;
        }
    }

    private static IEnumerable<(VarianceSystem System, long Delta)> Moves(VarianceEvent item, Sku sku) => item switch
    {
        OrderEvent o => [(o.System, -o.Quantity)],
        ReturnEvent { Stage: ReturnStage.Restocked } r => [(r.System, r.Quantity)],
        DamageEvent d => [(d.System, -d.Quantity)],
        AdjustmentEvent a => [(a.System, a.Delta)],
        BundleSale b => b.Components
            .Where(x => x.Sku == sku)
            .Select(x => (b.System, -b.Quantity * x.QuantityPerBundle)),
        _ => [],
    };

    private static (Instant Read, Instant Write) SyncInstants(int row)
    {
        var read = Minutes(row, 60, 200);

        return (read, read + Duration.FromMinutes(2));
    }

    private static Instant Minutes(int row, int from, int to) =>
        Start + Duration.FromMinutes(from + (int)(row * 40_503L % (to - from)));
}
