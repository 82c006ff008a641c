using Inventory.Core.Variance;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Tests.Variance.Reference;

/// <summary>
/// Folds the event stream into per-position tallies: memory grows with SKU and location pairs and with the
/// distinct business facts of the window, never with the number of events.
/// </summary>
internal sealed class ReferenceIntake(Instant asOf)
{
    public Dictionary<PositionKey, ReferenceTally> Positions { get; } = [];

    public Dictionary<Sku, long> UnitsSold { get; } = [];

    /// <summary>Which systems recorded each bundle sale, whatever components they deducted.</summary>
    public Dictionary<(string Reference, LocationId Location), ReferenceBundleSides> Bundles { get; } = [];

    public void Add(VarianceEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Validate();
        if (item.At > asOf)
        {
            return;
        }

        switch (item)
        {
            case SyncWrite write:
                Tally(write.Sku, write.Location).Add(write);
                break;
            case OrderEvent order:
                AddOrder(order);
                break;
            case ReturnEvent line when line.Stage == ReturnStage.Restocked:
                AddEffect(line, EffectKind.Return, line.System, line.ReturnId, line.Sku, line.Quantity);
                break;
            case DamageEvent damage:
                AddEffect(damage, EffectKind.Damage, damage.System, damage.DamageId, damage.Sku, -damage.Quantity);
                break;
            case AdjustmentEvent adjustment:
                AddAdjustment(adjustment);
                break;
            case BundleSale sale:
                AddBundle(sale);
                break;
        }
    }

    private void AddOrder(OrderEvent order)
    {
        AddEffect(order, EffectKind.Order, order.System, order.OrderId, order.Sku, -order.Quantity);
        if (order.System == VarianceSystem.Channel)
        {
            CountSold(order.Sku, order.Quantity);
        }
    }

    private void AddAdjustment(AdjustmentEvent adjustment)
    {
        var group = AddEffect(
            adjustment,
            EffectKind.Adjustment,
            adjustment.System,
            adjustment.AdjustmentId,
            adjustment.Sku,
            adjustment.Delta);
        group.MissingReason |= !adjustment.HasReason;
    }

    private void AddBundle(BundleSale sale)
    {
        var reference = BundleReference(sale.OrderId, sale.Sku);
        if (sale.Components.Count == 0)
        {
            AddEffect(sale, EffectKind.Bundle, sale.System, reference, sale.Sku, -sale.Quantity);
        }

        foreach (var component in sale.Components)
        {
            var units = checked(sale.Quantity * component.QuantityPerBundle);
            AddEffect(sale, EffectKind.Bundle, sale.System, reference, component.Sku, -units);
        }

        var key = (reference, sale.Location);
        if (!Bundles.TryGetValue(key, out var sides))
        {
            sides = new ReferenceBundleSides();
            Bundles.Add(key, sides);
        }

        sides.Record(sale.System, new ReferenceEffect(0, sale.At, sale.Id));
        if (sale.System == VarianceSystem.Channel)
        {
            CountSold(sale.Sku, sale.Quantity);
        }
    }

    /// <summary>Builds the key that ties the two systems' records of one bundle line together.</summary>
    public static string BundleReference(string orderId, Sku parent) =>
        orderId.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + orderId + parent.Value;

    private ReferenceGroup AddEffect(
        VarianceEvent item,
        EffectKind kind,
        VarianceSystem system,
        string reference,
        Sku sku,
        long delta)
    {
        var group = Tally(sku, item.Location).Group(kind, reference);
        group.Side(system).Add(new ReferenceEffect(delta, item.At, item.Id));

        return group;
    }

    private void CountSold(Sku sku, long quantity)
    {
        UnitsSold.TryGetValue(sku, out var sold);
        UnitsSold[sku] = checked(sold + quantity);
    }

    private ReferenceTally Tally(Sku sku, LocationId location)
    {
        var key = new PositionKey(sku, location);
        if (!Positions.TryGetValue(key, out var tally))
        {
            tally = new ReferenceTally();
            Positions.Add(key, tally);
        }

        return tally;
    }
}
