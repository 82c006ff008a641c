using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>
/// Moves the part of each finding's unexplained units that is a count change no event explains into
/// <see cref="VarianceCause.UnloggedAdjustment"/>. Per system, drift = today's count - the previous count - the
/// change the window's events explain; the finding's share is the channel's drift less the warehouse's. Positions a
/// sync write touched are left alone: the write reset the channel, so the previous channel count says nothing.
/// </summary>
internal static class UnloggedDrift
{
    public static IReadOnlyList<VarianceFinding> Apply(
        IReadOnlyList<VarianceFinding> findings,
        PreviousSnapshot previous,
        DriftTally tally)
    {
        var channel = Counts(previous.Channel.Select(r => (r.Sku, r.Location, r.Available)), "channel");
        var warehouse = Counts(previous.Warehouse.Select(r => (r.Sku, r.Location, r.Sellable)), "warehouse");

        return [.. findings.Select(finding => Move(finding, channel, warehouse, tally))];
    }

    private static Dictionary<PositionKey, long> Counts(
        IEnumerable<(Sku Sku, LocationId Location, long Count)> rows,
        string snapshot)
    {
        var counts = new Dictionary<PositionKey, long>();
        foreach (var (sku, location, count) in rows)
        {
            if (!counts.TryAdd(new PositionKey(sku, location), count))
            {
                throw new VarianceInputException(
                    $"The previous {snapshot} snapshot lists {sku} at {location} more than once.");
            }
        }

        return counts;
    }

    private static VarianceFinding Move(
        VarianceFinding finding,
        Dictionary<PositionKey, long> channel,
        Dictionary<PositionKey, long> warehouse,
        DriftTally tally)
    {
        var key = new PositionKey(finding.Sku, finding.Location);
        tally.Positions.TryGetValue(key, out var explained);
        if (explained.Written)
        {
            return finding;
        }

        var channelDrift = checked(finding.Channel - channel.GetValueOrDefault(key) - explained.Channel);
        var warehouseDrift = checked(finding.Warehouse - warehouse.GetValueOrDefault(key) - explained.Warehouse);
        var units = checked(channelDrift - warehouseDrift);

        return units == 0 ? finding : finding with { Parts = Shift(finding.Parts, units) };
    }

    private static List<VariancePart> Shift(IReadOnlyList<VariancePart> parts, long units)
    {
        var unexplained = parts.FirstOrDefault(p => p.Cause == VarianceCause.Unexplained);
        var unlogged = parts.FirstOrDefault(p => p.Cause == VarianceCause.UnloggedAdjustment);
        var rest = parts.Where(p => p.Cause is not (VarianceCause.Unexplained or VarianceCause.UnloggedAdjustment));
        var moved = unlogged is null
            ? new VariancePart(VarianceCause.UnloggedAdjustment, units, [], AttributionConfidence.Medium)
            : unlogged with
            {
                Units = checked(unlogged.Units + units),
                Confidence = unlogged.Confidence < AttributionConfidence.Medium
                    ? unlogged.Confidence
                    : AttributionConfidence.Medium,
            };
        var remainder = new VariancePart(
            VarianceCause.Unexplained,
            checked((unexplained?.Units ?? 0) - units),
            unexplained?.Evidence ?? [],
            AttributionConfidence.Low);

        return [.. rest.Append(moved).Append(remainder).Where(p => p.Units != 0).OrderBy(p => p.Cause)];
    }
}
