using Inventory.Core.Variance;
using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Variance.Reference;

/// <summary>
/// The reference model of the classifier: the plain single-pass algorithm that keeps every counted change of every
/// business fact with its event id until the window ends, then applies the rules of docs/variance.md. It is slow
/// and holds memory per event, which is why the library streams instead; the equivalence properties compare the
/// library's report with this one.
/// </summary>
internal sealed class ReferenceClassifier
{
    private readonly ReferenceRules _rules;
    private readonly VarianceOptions _options;

    /// <summary>Initializes a classifier with validated options.</summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    /// <exception cref="InventoryOptionsException">Thrown when a setting is invalid.</exception>
    public ReferenceClassifier(VarianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = new VarianceOptions
        {
            AsOf = options.AsOf,
            ToleranceUnits = options.ToleranceUnits,
            TolerancePercent = options.TolerancePercent,
            HeroTopCount = options.HeroTopCount,
            BusinessZone = options.BusinessZone,
            NormalSyncLag = options.NormalSyncLag,
        };
        _options.HeroSkus.UnionWith(options.HeroSkus);
        _rules = new ReferenceRules(_options);
    }

    /// <summary>Reconciles the two snapshots against the events of the window.</summary>
    /// <param name="channel">The channel snapshot; one row per SKU and location.</param>
    /// <param name="warehouse">The warehouse snapshot; one row per SKU and location.</param>
    /// <param name="events">The events of the window, enumerated once.</param>
    /// <returns>The report, findings ordered by SKU then location.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="VarianceInputException">Thrown when a row repeats or an event is malformed.</exception>
    public VarianceReport Classify(
        IEnumerable<ChannelSnapshotRow> channel,
        IEnumerable<WarehouseSnapshotRow> warehouse,
        IEnumerable<VarianceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(events);

        var counts = ReadCounts(channel, warehouse);
        var intake = new ReferenceIntake(_options.AsOf);
        foreach (var item in events)
        {
            intake.Add(item);
        }

        return BuildReport(counts, intake);
    }

    private static SortedDictionary<PositionKey, (long? Channel, long? Warehouse)> ReadCounts(
        IEnumerable<ChannelSnapshotRow> channel,
        IEnumerable<WarehouseSnapshotRow> warehouse)
    {
        var counts = new SortedDictionary<PositionKey, (long? Channel, long? Warehouse)>();
        foreach (var row in channel)
        {
            var key = new PositionKey(row.Sku, row.Location);
            counts.TryGetValue(key, out var pair);
            RequireFirst(pair.Channel, key, "channel");
            counts[key] = (row.Available, pair.Warehouse);
        }

        foreach (var row in warehouse)
        {
            var key = new PositionKey(row.Sku, row.Location);
            counts.TryGetValue(key, out var pair);
            RequireFirst(pair.Warehouse, key, "warehouse");
            counts[key] = (pair.Channel, row.Sellable);
        }

        return counts;
    }

    private static void RequireFirst(long? existing, PositionKey key, string snapshot)
    {
        if (existing is not null)
        {
            throw new VarianceInputException($"The {snapshot} snapshot lists {key} more than once.");
        }
    }

    private VarianceReport BuildReport(
        SortedDictionary<PositionKey, (long? Channel, long? Warehouse)> counts,
        ReferenceIntake intake)
    {
        var heroes = HeroSkus(intake);
        var heroSet = heroes.ToHashSet();
        var findings = new List<VarianceFinding>();
        long discrepancy = 0, heroDifference = 0, heroBase = 0;
        foreach (var (key, pair) in counts)
        {
            var channel = pair.Channel ?? 0;
            var warehouse = pair.Warehouse ?? 0;
            var difference = checked(channel - warehouse);
            if (heroSet.Contains(key.Sku))
            {
                heroDifference = checked(heroDifference + Math.Abs(difference));
                heroBase = checked(heroBase + Math.Max(Math.Abs(channel), Math.Abs(warehouse)));
            }

            if (_rules.WithinTolerance(channel, warehouse))
            {
                continue;
            }

            discrepancy = checked(discrepancy + Math.Abs(difference));
            intake.Positions.TryGetValue(key, out var tally);
            findings.Add(new VarianceFinding(
                key.Sku, key.Location, channel, warehouse, _rules.Explain(difference, key.Location, tally, intake)));
        }

        var heroPoints = heroBase == 0 ? 0 : checked(heroDifference * 10_000) / heroBase;

        return new VarianceReport(
            counts.Count, counts.Count - findings.Count, discrepancy, heroes, heroPoints, findings);
    }

    private IReadOnlyList<Sku> HeroSkus(ReferenceIntake intake)
    {
        if (_options.HeroSkus.Count > 0)
        {
            return [.. _options.HeroSkus.Order()];
        }

        return [.. intake.UnitsSold
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key)
            .Take(_options.HeroTopCount)
            .Select(pair => pair.Key)
            .Order()];
    }
}
