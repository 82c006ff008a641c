using Inventory.Core.Stock;
using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;
using static Inventory.Core.Variance.VarianceSystem;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// Turns fault specs into the events two systems would log and the counts they would end with, computed from
/// what each system does (independently of the classifier), with the units each fault must be attributed.
/// Both systems start at <see cref="Opening"/> units of A and KIT; a sync write reads the warehouse at minute 100
/// and lands at minute 110 (twice for A, from two writers).
/// </summary>
public sealed class FaultStory
{
    public const long Opening = 1000;

    private readonly Dictionary<(Sku, VarianceCause), long> _expected = [];
    private readonly Dictionary<Sku, long> _channel = new() { [A] = Opening, [Kit] = Opening };
    private readonly Dictionary<Sku, long> _warehouse = new() { [A] = Opening, [Kit] = Opening };

    public FaultStory(IReadOnlyList<FaultSpec> specs, long unexplainedOnA)
    {
        Events.Add(Write("sync-a", A, Opening, 100, 110));
        Events.Add(Write("sync-kit", Kit, Opening, 100, 110));

        // A second writer copying the same read at the same instant: which one is "last" must not depend on order.
        Events.Add(Write("sync-a2", A, Opening, 100, 110));
        for (var i = 0; i < specs.Count; i++)
        {
            Add(specs[i], $"f{i}");
        }

        _channel[A] += unexplainedOnA;
        Expect(A, VarianceCause.Unexplained, unexplainedOnA);
    }

    public List<VarianceEvent> Events { get; } = [];

    public ChannelSnapshotRow[] ChannelRows => [ChannelRow(A, _channel[A]), ChannelRow(Kit, _channel[Kit])];

    public WarehouseSnapshotRow[] WarehouseRows => [WarehouseRow(A, _warehouse[A]), WarehouseRow(Kit, _warehouse[Kit])];

    public long Expected(Sku sku, VarianceCause cause) => _expected.GetValueOrDefault((sku, cause));

    public long Difference(Sku sku) => _channel[sku] - _warehouse[sku];

    private void Add(FaultSpec spec, string id)
    {
        var q = spec.Quantity;
        switch (spec.Cause)
        {
            case VarianceCause.SyncTiming:
                Timing(spec, id, q);
                break;
            case VarianceCause.SyncRace:
                Events.Add(Order(id + "c", Channel, id, A, q, 101 + (spec.Minute % 10)));
                Events.Add(Order(id + "w", Warehouse, id, A, q, 101 + (spec.Minute % 400)));
                Move(Warehouse, A, -q, VarianceCause.SyncRace);
                break;
            case VarianceCause.ReturnsNotFlowing:
                Returns(spec, id, q);
                break;
            case VarianceCause.BundleMismodel:
                Bundles(spec, id, (q % 5) + 1);
                break;
            case VarianceCause.UnloggedAdjustment:
                var system = spec.Variant % 2 == 0 ? Warehouse : Channel;
                var delta = spec.Variant % 4 < 2 ? q : -q;
                Events.Add(Adjust(id, system, id, A, delta, null, 120 + (spec.Minute % 400)));
                Move(system, A, delta, VarianceCause.UnloggedAdjustment);
                break;
            default:
                Clean(spec, id, q);
                break;
        }
    }

    private void Timing(FaultSpec spec, string id, int q)
    {
        var system = spec.Variant % 2 == 0 ? Channel : Warehouse;
        Events.Add(Order(id, system, id, A, q, 600 - (spec.Minute % 15)));
        Move(system, A, -q, VarianceCause.SyncTiming);
    }

    private void Returns(FaultSpec spec, string id, int q)
    {
        switch (spec.Variant % 3)
        {
            case 0:
                Events.Add(Restock(id, Warehouse, id, A, q, 300 + (spec.Minute % 200)));
                Move(Warehouse, A, q, VarianceCause.ReturnsNotFlowing);
                break;
            case 1:
                Events.Add(Restock(id, Channel, id, A, q, 300 + (spec.Minute % 200)));
                Move(Channel, A, q, VarianceCause.ReturnsNotFlowing);
                break;
            default:
                // Before minute 240, which is midnight: a business day earlier than the snapshot.
                Events.Add(Damage(id, Warehouse, id, A, q, 111 + (spec.Minute % 100)));
                Move(Warehouse, A, -q, VarianceCause.ReturnsNotFlowing);
                break;
        }
    }

    private void Bundles(FaultSpec spec, string id, int bundles)
    {
        var channelPer = 1 + (spec.Variant % 3);
        var warehousePer = (spec.Variant / 3) % 3;
        warehousePer = warehousePer == channelPer ? 0 : warehousePer;
        var minute = 200 + (spec.Minute % 300);
        Events.Add(Bundle(id + "c", Channel, id, bundles, minute, new BundleComponent(A, channelPer)));
        Move(Channel, A, -bundles * channelPer, VarianceCause.BundleMismodel);
        if (warehousePer == 0)
        {
            Events.Add(Bundle(id + "w", Warehouse, id, bundles, minute + 1));
            Move(Warehouse, Kit, -bundles, VarianceCause.BundleMismodel);
        }
        else
        {
            Events.Add(Bundle(id + "w", Warehouse, id, bundles, minute + 1, new BundleComponent(A, warehousePer)));
            Move(Warehouse, A, -bundles * warehousePer, VarianceCause.BundleMismodel);
        }
    }

    private void Clean(FaultSpec spec, string id, int q)
    {
        var minute = 120 + (spec.Minute % 400);
        const string reason = "cycle_count_available";
        var (channelEvent, warehouseEvent, delta) = (spec.Variant % 4) switch
        {
            0 => Pair(Order(id + "c", Channel, id, A, q, minute), Order(id + "w", Warehouse, id, A, q, minute + 2), -q),
            1 => Pair(Restock(id + "c", Channel, id, A, q, minute), Restock(id + "w", Warehouse, id, A, q, minute), q),
            2 => Pair(
                Damage(id + "c", Channel, id, A, q, minute + 1),
                Damage(id + "w", Warehouse, id, A, q, minute),
                -q),
            _ => Pair(
                Adjust(id + "c", Channel, id, A, q, reason, minute),
                Adjust(id + "w", Warehouse, id, A, q, reason, minute),
                q),
        };
        Events.Add(channelEvent);
        Events.Add(warehouseEvent);
        _channel[A] += delta;
        _warehouse[A] += delta;
    }

    private static (VarianceEvent, VarianceEvent, long) Pair(
        VarianceEvent channel,
        VarianceEvent warehouse,
        long delta) =>
        (channel, warehouse, delta);

    private void Move(VarianceSystem system, Sku sku, long delta, VarianceCause cause)
    {
        var counts = system == Channel ? _channel : _warehouse;
        counts[sku] += delta;
        Expect(sku, cause, system == Channel ? delta : -delta);
    }

    private void Expect(Sku sku, VarianceCause cause, long units) =>
        _expected[(sku, cause)] = Expected(sku, cause) + units;
}
