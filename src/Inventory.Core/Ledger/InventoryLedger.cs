using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;

namespace Inventory.Core.Ledger;

/// <summary>
/// The one path by which stock changes: it validates a command against the current positions, decides the whole
/// batch or refuses it whole, and writes it to the store with a conditional write keyed by the command's
/// idempotency key.
/// </summary>
/// <remarks>
/// <para>
/// Safe for concurrent use by any number of threads and, with a shared store, any number of processes: each
/// command is decided on a snapshot and written only if no position it read has changed since; otherwise it is
/// decided again, up to <see cref="InventoryOptions.MaxWriteAttempts"/> times.
/// </para>
/// <para>The ledger logs nothing. Business refusals are <see cref="LedgerResult"/> values; exceptions mean invalid
/// input or a broken store.</para>
/// </remarks>
public sealed partial class InventoryLedger
{
    private static readonly IReadOnlyCollection<PositionKey> NoKeys = [];
    private static readonly IReadOnlyCollection<Sku> NoSkus = [];
    private static readonly IReadOnlyCollection<string> NoIds = [];

    private readonly IInventoryStore _store;
    private readonly IClock _clock;
    private readonly Duration _ttl;
    private readonly IAllocationStrategy _strategy;
    private readonly LineAllocation _lineAllocation;
    private readonly IReadOnlyList<LocationId> _locations;
    private readonly int _maxAttempts;

    // Set once the store has answered a command's key inside its snapshot; a store that does so always does.
    private volatile bool _storeLooksUpKeys;

    /// <summary>Initializes a ledger over a store.</summary>
    /// <param name="store">Where positions, holds, orders and the journal live.</param>
    /// <param name="clock">The source of the current instant, which decides expiry.</param>
    /// <param name="options">Settings; validated here and copied.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="InventoryOptionsException">Thrown when the options are invalid.</exception>
    public InventoryLedger(IInventoryStore store, IClock clock, InventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _store = store;
        _clock = clock;
        _ttl = options.ReservationTtl;
        _strategy = options.AllocationStrategy;
        _lineAllocation = options.LineAllocation;
        _locations = [.. options.Locations];
        _maxAttempts = options.MaxWriteAttempts;
    }

    /// <summary>Gets the store the ledger writes to.</summary>
    public IInventoryStore Store => _store;

    /// <summary>Applies a command once, or returns the first result when its key was applied before.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the command between attempts; a written batch stays written.</param>
    /// <returns>Applied with the entries written, or refused with the reason; a refusal changes nothing.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="command"/> is null.</exception>
    /// <exception cref="InvalidCommandException">Thrown when the command is malformed or a figure
    /// would overflow.</exception>
    /// <exception cref="IdempotencyKeyConflictException">Thrown when the key was used for a
    /// different command.</exception>
    /// <exception cref="ConcurrencyConflictException">Thrown when every attempt met a concurrent change.</exception>
    /// <exception cref="InvalidOperationException">
    /// Thrown when the allocation strategy does not return each candidate location exactly once and unchanged, or
    /// when the store answers out of contract; nothing is applied.
    /// </exception>
    public async ValueTask<LedgerResult> ExecuteAsync(
        LedgerCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Validate();
        var fingerprint = command.Fingerprint();

        for (var attempt = 1; ; attempt++)
        {
            // A store known to answer the key inside its snapshot is spared the separate look-up (a round trip on
            // a database); any other store is asked first, as before.
            if (!_storeLooksUpKeys
                && await _store.FindOutcomeAsync(command.IdempotencyKey, cancellationToken).ConfigureAwait(false)
                    is { } recorded)
            {
                return Replay(recorded, fingerprint);
            }

            var now = _clock.GetCurrentInstant();
            var (work, found) = await ReadAsync(command, now, cancellationToken).ConfigureAwait(false);
            if (work is null)
            {
                // The store found the key already recorded, in the snapshot it read.
                return Replay(found!, fingerprint);
            }

            var refusal = DecideChecked(command, fingerprint, work);
            if (refusal is not null)
            {
                // The same command may have been written between the look-up above and the read: its result wins.
                var since = await _store.FindOutcomeAsync(command.IdempotencyKey, cancellationToken)
                    .ConfigureAwait(false);
                return since is null ? refusal : Replay(since, fingerprint);
            }

            var batch = work.ToBatch(fingerprint);
            var written = await _store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            switch (written.Status)
            {
                case StoreWriteStatus.Written:
                    return LedgerResult.Applied(
                        command.IdempotencyKey, WrittenEntries(batch, written), isReplay: false);
                case StoreWriteStatus.DuplicateKey:
                    return Replay(Required(written), fingerprint);
                case StoreWriteStatus.VersionConflict when attempt >= _maxAttempts:
                    throw new ConcurrencyConflictException(command.IdempotencyKey, attempt);
                case StoreWriteStatus.VersionConflict:
                    await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException($"The store answered with unknown status {written.Status}.");
            }
        }
    }

    /// <summary>Gets the position of one SKU at one location as it counts now (expired holds excluded).</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The position; empty when the store has no record of it.</returns>
    public async ValueTask<StockPosition> GetPositionAsync(
        Sku sku, LocationId location, CancellationToken cancellationToken = default)
    {
        var read = await _store.GetPositionAsync(
                new PositionKey(sku, location), _clock.GetCurrentInstant(), cancellationToken)
            .ConfigureAwait(false);

        return read.Effective;
    }

    /// <summary>
    /// Gets the units of a SKU a cart could reserve across the channel's locations: each location's available
    /// units (plus the cart's own live holds there), clamped at zero, summed once per location.
    /// </summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="cartId">The asking cart, whose own holds count as available to it; null for none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The available units, never below zero; <see cref="long.MaxValue"/> when the sum over locations would pass the
    /// 64-bit range (no cart line can ask for more, so the figure still answers every reservation question).
    /// </returns>
    public async ValueTask<long> GetAvailableAsync(
        Sku sku, string? cartId = null, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        var query = new StoreQuery(
            now,
            _locations.Select(l => new PositionKey(sku, l)).ToList(),
            _locations.Count == 0 ? [sku] : NoSkus,
            cartId is null ? NoIds : [cartId],
            NoIds);
        var snapshot = await _store.ReadAsync(query, cancellationToken).ConfigureAwait(false);

        long total = 0;
        foreach (var location in CandidateLocations(snapshot, sku))
        {
            var key = new PositionKey(sku, location);
            var own = snapshot.Holds.Where(h => h.Key == key && !h.IsExpiredAt(now)).Sum(h => h.Quantity);
            var available = checked(snapshot.Positions[key].Effective.Available + own);
            total = SaturatingAdd(total, Math.Max(0, available));
        }

        return total;
    }

    /// <summary>Removes holds that have expired, writing an expiry entry for each.</summary>
    /// <param name="maxHolds">The most holds to look at in this call.</param>
    /// <param name="cancellationToken">Cancels the sweep between carts.</param>
    /// <returns>The number of holds removed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="maxHolds"/> is not
    /// positive.</exception>
    /// <remarks>Expired holds already stop counting when read; the sweep only tidies the store and
    /// the journal.</remarks>
    public async ValueTask<int> SweepExpiredAsync(int maxHolds = 1000, CancellationToken cancellationToken = default)
    {
        var results = await SweepExpiredHoldsAsync(maxHolds, cancellationToken).ConfigureAwait(false);

        return results.Where(r => !r.IsReplay).Sum(r => r.Entries.Count(e => e.Kind == EntryKind.Expired));
    }

    /// <summary>
    /// Removes holds that have expired, as <see cref="SweepExpiredAsync"/> does, and returns the result of each
    /// cart's expiry, so a caller can follow the positions whose holds were released.
    /// </summary>
    /// <param name="maxHolds">The most holds to look at in this call.</param>
    /// <param name="cancellationToken">Cancels the sweep between carts.</param>
    /// <returns>One result per cart with expired holds; its <see cref="EntryKind.Expired"/> entries name the
    /// positions released. A replayed result (the cart was swept at this instant already) released nothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="maxHolds"/> is not
    /// positive.</exception>
    public async ValueTask<IReadOnlyList<LedgerResult>> SweepExpiredHoldsAsync(
        int maxHolds = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHolds);
        var now = _clock.GetCurrentInstant();
        var expired = await _store.FindExpiredHoldsAsync(now, maxHolds, cancellationToken).ConfigureAwait(false);

        var results = new List<LedgerResult>();
        foreach (var cartId in expired.Select(h => h.CartId).Distinct(StringComparer.Ordinal))
        {
            var key = $"sweep:{cartId}:{now.ToUnixTimeTicks()}";
            results.Add(await ExecuteAsync(new ExpireHolds(key, cartId), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// Reads what the command needs; also returns the outcome already recorded under its key when the store looked
    /// the key up in the first snapshot (then nothing else is read).
    /// </summary>
    private async ValueTask<(LedgerWork? Work, RecordedOutcome? Recorded)> ReadAsync(
        LedgerCommand command, Instant now, CancellationToken cancellationToken)
    {
        var query = Query(command, now) with { IdempotencyKey = command.IdempotencyKey };
        var snapshot = await _store.ReadAsync(query, cancellationToken).ConfigureAwait(false);
        if (snapshot.KeyLookedUp)
        {
            _storeLooksUpKeys = true;
            if (snapshot.Outcome is { } recorded)
            {
                return (null, recorded);
            }
        }

        var wider = Widen(command, now, snapshot);
        while (wider is not null)
        {
            snapshot = await _store.ReadAsync(wider, cancellationToken).ConfigureAwait(false);

            // The holds may have changed between the two reads (a line re-reserved with another SKU): read again
            // until the snapshot holds every position its own holds call for.
            wider = Widen(command, now, snapshot) is { } again && !Covers(snapshot, again) ? again : null;
        }

        return (new LedgerWork(snapshot, now, command), null);
    }

    private LedgerResult? DecideChecked(LedgerCommand command, string fingerprint, LedgerWork work)
    {
        try
        {
            var refusal = Decide(command, work);
            if (refusal is null)
            {
                work.RequireRepresentable();
            }

            return refusal;
        }
        catch (OverflowException ex)
        {
            throw new InvalidCommandException(
                $"{command.GetType().Name} '{command.IdempotencyKey}' [{fingerprint.TrimEnd()}] would take a stock "
                + $"figure beyond the 64-bit range; nothing was applied. ({ex.Message})");
        }
    }

    /// <summary>Adds two figures that are not negative, stopping at <see cref="long.MaxValue"/>.</summary>
    private static long SaturatingAdd(long total, long more) =>
        more > long.MaxValue - total ? long.MaxValue : total + more;

    private static bool Covers(StoreSnapshot snapshot, StoreQuery query) =>
        query.Positions.All(snapshot.Positions.ContainsKey)
        && query.Skus.All(sku => snapshot.Positions.Keys.Any(k => k.Sku.Equals(sku)));

    private static RecordedOutcome Required(StoreWriteResult written) =>
        written.Outcome ?? throw new InvalidOperationException(
            $"The store answered {written.Status} without the recorded outcome.");

    /// <summary>
    /// Gets the entries a written batch appended: the batch's own when the store numbered them in place, which
    /// spares building copies, or else the store's recorded ones.
    /// </summary>
    private static IReadOnlyList<JournalEntry> WrittenEntries(StoreBatch batch, StoreWriteResult written)
    {
        var recorded = Required(written).Entries;
        if (recorded.Count != batch.Entries.Count)
        {
            return recorded;
        }

        foreach (var entry in batch.Entries)
        {
            if (entry.IsDraft)
            {
                return recorded;
            }
        }

        return batch.Entries;
    }

    private static LedgerResult Replay(RecordedOutcome recorded, string fingerprint) =>
        string.Equals(recorded.Fingerprint, fingerprint, StringComparison.Ordinal)
            ? LedgerResult.Applied(recorded.IdempotencyKey, recorded.Entries, isReplay: true)
            : throw new IdempotencyKeyConflictException(recorded.IdempotencyKey, recorded.Fingerprint, fingerprint);

    private static async ValueTask BackOffAsync(int attempt, CancellationToken cancellationToken)
    {
        if (attempt <= 3)
        {
            await Task.Yield();
            return;
        }

        var ceiling = 1 << Math.Min(attempt - 3, 5);
        await Task.Delay(Random.Shared.Next(1, ceiling + 1), cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<LocationId> CandidateLocations(StoreSnapshot snapshot, Sku sku) =>
        _locations.Count > 0
            ? _locations
            : snapshot.Positions.Keys.Where(k => k.Sku.Equals(sku)).Select(k => k.Location).Distinct().Order();
}
