using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Variance;

/// <summary>
/// Compares a channel snapshot with a warehouse snapshot and explains each difference beyond tolerance as a sum of
/// parts, one per root cause, read from the event log of the window. The rules are described in docs/variance.md.
/// </summary>
/// <remarks>
/// <para>
/// Events may come in any order. Given a re-readable source, the classifier streams it (two reads) and keeps per
/// SKU and location the deciding sync writes, plus a running sum per business fact (order line, return line,
/// damage, adjustment, bundle sale) only while that fact still moves the difference; memory grows with the pairs,
/// not with the events (docs/variance.md, "Memory and speed").
/// </para>
/// <para>An instance holds only its options; <c>Classify</c> may run on several threads at once.</para>
/// </remarks>
public sealed class VarianceClassifier
{
    private static readonly Comparer<VarianceFinding> _byPosition = Comparer<VarianceFinding>.Create(
        (x, y) => new PositionKey(x.Sku, x.Location).CompareTo(new PositionKey(y.Sku, y.Location)));

    private static readonly Comparer<VarianceFinding> _byLocation =
        Comparer<VarianceFinding>.Create((x, y) => x.Location.CompareTo(y.Location));

    private readonly VarianceRules _rules;
    private readonly VarianceOptions _options;

    /// <summary>Initializes a classifier with validated options.</summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    /// <exception cref="InventoryOptionsException">Thrown when a setting is invalid.</exception>
    public VarianceClassifier(VarianceOptions options)
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
            Thresholds = options.Thresholds.Copy(),
            Previous = options.Previous,
        };
        _options.HeroSkus.UnionWith(options.HeroSkus);
        _rules = new VarianceRules(_options);
    }

    /// <summary>Reconciles the two snapshots against the events of the window.</summary>
    /// <param name="channel">The channel snapshot; one row per SKU and location.</param>
    /// <param name="warehouse">The warehouse snapshot; one row per SKU and location.</param>
    /// <param name="events">
    /// The events of the window. A collection is read several times; any other sequence is enumerated once into a
    /// list first, so pass a re-readable source to the other overload to keep memory independent of the events.
    /// </param>
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

        var counts = PairCounts.Read(channel, warehouse);
        var held = events as IReadOnlyCollection<VarianceEvent> ?? [.. events];

        return Run(counts, new EventSource(() => EventSource.Numbered(held), _ => held, null));
    }

    /// <summary>Reconciles the two snapshots against a re-readable event source, streaming its events.</summary>
    /// <param name="channel">The channel snapshot; one row per SKU and location.</param>
    /// <param name="warehouse">The warehouse snapshot; one row per SKU and location.</param>
    /// <param name="openEvents">
    /// Opens the events of the window; called twice, and each call must yield the same events.
    /// </param>
    /// <returns>The report, findings ordered by SKU then location.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="VarianceInputException">Thrown when a row repeats or an event is malformed.</exception>
    public VarianceReport Classify(
        IEnumerable<ChannelSnapshotRow> channel,
        IEnumerable<WarehouseSnapshotRow> warehouse,
        Func<IEnumerable<VarianceEvent>> openEvents)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(openEvents);

        var counts = PairCounts.Read(channel, warehouse);

        return Run(counts, new EventSource(() => EventSource.Numbered(openEvents()), _ => openEvents(), null));
    }

    /// <summary>Reconciles the two snapshots against a re-readable event log, streaming its events.</summary>
    /// <param name="channel">The channel snapshot; one row per SKU and location.</param>
    /// <param name="warehouse">The warehouse snapshot; one row per SKU and location.</param>
    /// <param name="events">
    /// The events of the window; opened twice, the second time for some pairs only, or at some positions only when
    /// the log is an <see cref="IPositionedVarianceEventLog"/>.
    /// </param>
    /// <returns>The report, findings ordered by SKU then location.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="VarianceInputException">
    /// Thrown when a row repeats or an event is malformed; for an <see cref="IPositionedVarianceEventLog"/>, also
    /// when its positions do not rise strictly or its read at positions does not yield exactly the events its full
    /// read found there (a log that changed between its reads).
    /// </exception>
    public VarianceReport Classify(
        IEnumerable<ChannelSnapshotRow> channel,
        IEnumerable<WarehouseSnapshotRow> warehouse,
        IVarianceEventLog events)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(events);

        var counts = PairCounts.Read(channel, warehouse);

        return Run(counts, events is IPositionedVarianceEventLog positioned
            ? new EventSource(positioned.OpenPositioned, pairs => events.OpenFor(pairs, false), positioned.OpenAt)
            : new EventSource(
                () => EventSource.Numbered(events.Open(false)), pairs => events.OpenFor(pairs, false), null));
    }

    /// <summary>
    /// Runs the intake's reads; the first full read also feeds the indicators and the previous-day comparison, which
    /// each see every event exactly once.
    /// </summary>
    private VarianceReport Run(PairCounts counts, EventSource source)
    {
        var indicators = new IndicatorTally(_options.AsOf, _options.BusinessZone);
        var drift = _options.Previous is { } previous ? new DriftTally(previous.AsOf, _options.AsOf) : null;
        var fed = source with { OpenFull = () => Feed(source.OpenFull(), indicators, drift) };

        return Complete(BuildReport(counts, Intake(counts, fed)), indicators, drift);
    }

    private static IEnumerable<PositionedEvent> Feed(
        IEnumerable<PositionedEvent> events, IndicatorTally indicators, DriftTally? drift)
    {
        foreach (var positioned in events)
        {
            yield return positioned;
            var item = positioned.Event;
            try
            {
                indicators.Add(item);
                drift?.Add(item);
            }
            catch (OverflowException)
            {
                throw EventIntake.TotalBeyond(item);
            }
        }

        // Every event has been seen: the indicators need their figures from here on, not their lines.
        indicators.Seal();
    }

    private VarianceReport Complete(VarianceReport report, IndicatorTally tally, DriftTally? drift)
    {
        if (drift is not null)
        {
            report = report with { Findings = UnloggedDrift.Apply(report.Findings, _options.Previous!, drift) };
        }

        var indicators = WeeklyIndicators.Compute(report, tally, _options.Thresholds);

        return report with
        {
            AsOf = _options.AsOf,
            Indicators = indicators,
            Alerts = WeeklyIndicators.Alerts(indicators),
            Sequence = FixSequence.Build(report.Findings),
        };
    }

    private EventIntake Intake(PairCounts counts, EventSource source) =>
        EventIntake.Read(
            _options.AsOf,
            counts,
            pair => !_rules.WithinTolerance(counts.Channel(pair), counts.Warehouse(pair)),
            source);

    private VarianceReport BuildReport(PairCounts counts, EventIntake intake)
    {
        var heroes = HeroSkus(intake);
        intake.ForgetSales();
        var heroSet = heroes.Select(sku => sku.Value).ToHashSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        var beyond = new List<(int Pair, long Difference)>();
        long discrepancy = 0, heroDifference = 0, heroBase = 0;
        for (var pair = 0; pair < counts.Count; pair++)
        {
            var channel = counts.Channel(pair);
            var warehouse = counts.Warehouse(pair);
            var difference = Difference(counts, pair);
            if (heroSet.Contains(counts.SkuText(pair)))
            {
                heroDifference = Total(heroDifference, difference, "hero discrepancy");
                heroBase = Total(heroBase, VarianceRules.Larger(channel, warehouse), "hero counts");
            }

            if (!_rules.WithinTolerance(channel, warehouse))
            {
                discrepancy = Total(discrepancy, difference, "discrepancy");
                beyond.Add((pair, difference));
            }
        }

        var findings = Findings(counts, intake, beyond);
        // Each hero difference is at most twice its pair's larger count, so this is at most 20,000.
        var heroPoints = heroBase == 0 ? 0 : (long)((Int128)heroDifference * 10_000 / heroBase);
        SortByPosition(findings);

        return new VarianceReport(
            counts.Count, counts.Count - findings.Length, discrepancy, heroes, heroPoints, findings);
    }

    /// <summary>
    /// Explains the pairs beyond tolerance, on every core: each pair's explanation reads only its own tally and the
    /// intake's finished tables. A failure is raised as the first pair's in snapshot order, as one thread would.
    /// </summary>
    private VarianceFinding[] Findings(
        PairCounts counts, EventIntake intake, List<(int Pair, long Difference)> beyond)
    {
        var findings = new VarianceFinding[beyond.Count];
        var failures = new Exception?[beyond.Count];
        Parallel.For(0, beyond.Count, index =>
        {
            try
            {
                var (pair, difference) = beyond[index];
                var key = counts.Key(pair);
                var explained = _rules.Explain(difference, key.Location, intake.TakeTally(pair), intake);
                findings[index] = new VarianceFinding(
                    key.Sku, key.Location, counts.Channel(pair), counts.Warehouse(pair), explained);
            }
            catch (InventoryException ex)
            {
                failures[index] = ex;
            }
            catch (OverflowException)
            {
                var key = counts.Key(beyond[index].Pair);
                failures[index] = new VarianceInputException(
                    $"The counted changes at {key} add up to more than 64 bits hold.") { Position = key };
            }
        });

        if (failures.FirstOrDefault(failure => failure is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        return findings;
    }

    /// <summary>
    /// Orders findings by SKU then location. Exports usually list SKUs in order, each SKU's locations together but
    /// in the export's own order of locations: when the SKUs never go down, sorting each run of one SKU by
    /// location orders the whole, at one comparison per finding plus a few per run, where a full sort costs a
    /// logarithm's worth per finding. Any other order is sorted in full.
    /// </summary>
    private static void SortByPosition(VarianceFinding[] findings)
    {
        for (var i = 1; i < findings.Length; i++)
        {
            if (findings[i - 1].Sku.CompareTo(findings[i].Sku) > 0)
            {
                Array.Sort(findings, _byPosition);
                return;
            }
        }

        var start = 0;
        for (var i = 1; i <= findings.Length; i++)
        {
            if (i == findings.Length || !findings[i].Sku.Equals(findings[start].Sku))
            {
                if (i - start > 1)
                {
                    Array.Sort(findings, start, i - start, _byLocation);
                }

                start = i;
            }
        }
    }

    /// <summary>The channel count less the warehouse count, refused by name when it does not fit in 64 bits.</summary>
    private static long Difference(PairCounts counts, int pair)
    {
        var (channel, warehouse) = (counts.Channel(pair), counts.Warehouse(pair));
        var difference = (Int128)channel - warehouse;
        if (difference <= long.MinValue || difference > long.MaxValue)
        {
            var key = counts.Key(pair);
            throw new VarianceInputException(
                $"The counts of {key} differ by more than 64 bits hold (channel {channel}, warehouse {warehouse}).")
            {
                Position = key,
            };
        }

        return (long)difference;
    }

    /// <summary>Adds the size of <paramref name="units"/> to a report total, refusing a total beyond 64 bits.</summary>
    private static long Total(long total, long units, string name)
    {
        var sum = (Int128)total + Int128.Abs(units);

        return sum <= long.MaxValue
            ? (long)sum
            : throw new VarianceInputException($"The snapshots' {name} units add up to more than 64 bits hold.");
    }

    private IReadOnlyList<Sku> HeroSkus(EventIntake intake) => _options.HeroSkus.Count > 0
        ? [.. _options.HeroSkus.Order()]
        : [.. intake.TopSold(_options.HeroTopCount).Order()];
}
