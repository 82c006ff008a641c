using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// Folds the event stream into what the weekly indicators need, one event at a time. Counters are constant in size;
/// the per-line records (one per return line, damage report and adjustment line of the window) are what a figure
/// truly needs, because events come in any order and a line's first receipt or report may come last.
/// </summary>
internal sealed class IndicatorTally(Instant asOf, DateTimeZone zone)
{
    private LineTimes _returns = new();
    private LineTimes _damages = new();
    private KeyTable _adjustments = new();

    /// <summary>The figures <see cref="Seal"/> kept, once the lines are let go; null until then.</summary>
    private (List<long> Minutes, (long Due, long SameDay) Damages, int AdjustmentLines)? _sealed;

    public long ReservationsPlaced { get; private set; }

    public long ReservationsExpired { get; private set; }

    public long Oversells { get; private set; }

    public long UnitsShipped { get; private set; }

    public int AdjustmentLines => _sealed?.AdjustmentLines ?? _adjustments.Count;

    /// <summary>
    /// Keeps the figures the indicators read and lets go of the lines behind them, once every event has been added:
    /// the lines grow with the return, damage and adjustment lines of the window, the figures do not.
    /// </summary>
    public void Seal()
    {
        if (_sealed is null)
        {
            _sealed = (ReturnToStockMinutes(), DamageCounts(), _adjustments.Count);
            (_returns, _damages, _adjustments) = (new LineTimes(), new LineTimes(), new KeyTable());
        }
    }

    /// <summary>Takes one validated event into account; events after the snapshot instant are ignored.</summary>
    public void Add(VarianceEvent item)
    {
        if (_sealed is not null)
        {
            throw new InvalidOperationException("The tally is sealed; every event has been added.");
        }

        if (item.At > asOf)
        {
            return;
        }

        switch (item)
        {
            case ReservationEvent reservation:
                AddReservation(reservation);
                break;
            case OversellEvent:
                Oversells = checked(Oversells + 1);
                break;
            case OrderEvent { System: VarianceSystem.Warehouse } order:
                UnitsShipped = checked(UnitsShipped + order.Quantity);
                break;
            case BundleSale { System: VarianceSystem.Warehouse } sale:
                UnitsShipped = checked(UnitsShipped + sale.Quantity);
                break;
            case ReturnEvent line:
                AddReturn(line);
                break;
            case DamageEvent damage:
                AddDamage(damage);
                break;
            case AdjustmentEvent adjustment:
                _adjustments.GetOrAdd(adjustment.AdjustmentId, adjustment.Sku.Value, adjustment.Location.Value, 0);
                break;
        }
    }

    /// <summary>
    /// Gets the receipt-to-restock time of every return line both received and restocked, in whole minutes,
    /// ascending. A line restocked before its receipt was recorded is not measured.
    /// </summary>
    public List<long> ReturnToStockMinutes()
    {
        if (_sealed is { } figures)
        {
            return figures.Minutes;
        }

        var minutes = new List<long>();
        foreach (var (received, restocked) in _returns.All())
        {
            if (received is { } from && restocked is { } to && to >= from)
            {
                minutes.Add((to - from).BclCompatibleTicks / NodaConstants.TicksPerMinute);
            }
        }

        minutes.Sort();

        return minutes;
    }

    /// <summary>
    /// Counts the damage reports that are due (reported before the snapshot's business day, or already out of
    /// available in both systems) and those of them out of available in both systems on the day they were reported.
    /// </summary>
    public (long Due, long SameDay) DamageCounts()
    {
        if (_sealed is { } figures)
        {
            return figures.Damages;
        }

        var today = asOf.InZone(zone).Date;
        long due = 0, sameDay = 0;
        foreach (var (channel, warehouse) in _damages.All())
        {
            var reported = Earliest(channel, warehouse).InZone(zone).Date;
            var both = channel is not null && warehouse is not null;
            if (!both && reported >= today)
            {
                continue;
            }

            due++;
            if (both && Latest(channel!.Value, warehouse!.Value).InZone(zone).Date == reported)
            {
                sameDay++;
            }
        }

        return (due, sameDay);
    }

    private void AddReservation(ReservationEvent reservation)
    {
        if (reservation.Stage == ReservationStage.Placed)
        {
            ReservationsPlaced = checked(ReservationsPlaced + 1);
        }
        else
        {
            ReservationsExpired = checked(ReservationsExpired + 1);
        }
    }

    private void AddReturn(ReturnEvent line)
    {
        if (line.Stage != ReturnStage.Initiated)
        {
            _returns.Add(line.ReturnId, line.Sku, line.Location, line.Stage == ReturnStage.Received, line.At);
        }
    }

    private void AddDamage(DamageEvent damage) =>
        _damages.Add(damage.DamageId, damage.Sku, damage.Location, damage.System == VarianceSystem.Channel, damage.At);

    private static Instant Earliest(Instant? first, Instant? second) =>
        first is { } a ? LineTimes.Min(second, a) : second!.Value;

    private static Instant Latest(Instant first, Instant second) => first >= second ? first : second;
}
