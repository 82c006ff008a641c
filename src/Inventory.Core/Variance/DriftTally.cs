using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// Sums, per SKU and location and per system, the change the events of the window explain, and notes the positions
/// a sync write touched. Memory grows with the positions, never with the events.
/// </summary>
internal sealed class DriftTally(Instant from, Instant asOf)
{
    public Dictionary<PositionKey, (long Channel, long Warehouse, bool Written)> Positions { get; } = [];

    public void Add(VarianceEvent item)
    {
        if (item.At <= from || item.At > asOf)
        {
            return;
        }

        switch (item)
        {
            case SyncWrite write:
                Change(write.Sku, write.Location, VarianceSystem.Channel, 0, written: true);
                break;
            case OrderEvent order:
                Change(order.Sku, order.Location, order.System, -order.Quantity);
                break;
            case ReturnEvent { Stage: ReturnStage.Restocked } line:
                Change(line.Sku, line.Location, line.System, line.Quantity);
                break;
            case DamageEvent damage:
                Change(damage.Sku, damage.Location, damage.System, -damage.Quantity);
                break;
            case AdjustmentEvent adjustment:
                Change(adjustment.Sku, adjustment.Location, adjustment.System, adjustment.Delta);
                break;
            case BundleSale sale:
                AddBundle(sale);
                break;
        }
    }

    private void AddBundle(BundleSale sale)
    {
        if (sale.Components.Count == 0)
        {
            Change(sale.Sku, sale.Location, sale.System, -sale.Quantity);
        }

        foreach (var component in sale.Components)
        {
            Change(component.Sku, sale.Location, sale.System, -checked(sale.Quantity * component.QuantityPerBundle));
        }
    }

    private void Change(Sku sku, LocationId location, VarianceSystem system, long delta, bool written = false)
    {
        var key = new PositionKey(sku, location);
        Positions.TryGetValue(key, out var sums);
        Positions[key] = system == VarianceSystem.Channel
            ? (checked(sums.Channel + delta), sums.Warehouse, sums.Written || written)
            : (sums.Channel, checked(sums.Warehouse + delta), sums.Written);
    }
}
