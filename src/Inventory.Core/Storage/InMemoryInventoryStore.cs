using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Storage;

/// <summary>
/// The default store: everything in process memory, guarded by one lock. State is lost when the process ends.
/// </summary>
/// <remarks>
/// <para>
/// Safe for concurrent use: every read and write takes one lock, so a read is a consistent snapshot and a
/// batch is applied whole or not at all. Every operation completes synchronously; the returned
/// <see cref="ValueTask"/> never allocates a task.
/// </para>
/// <para>
/// Implementation note: expired holds are found by scanning the holds of a position, so a read costs time
/// in proportion to the live holds at the positions it touches; carts are short-lived, which keeps that small.
/// </para>
/// </remarks>
public sealed class InMemoryInventoryStore : IInventoryStore
{
    private static readonly IReadOnlyList<Hold> NoHolds = [];
    private static readonly IReadOnlyList<OrderLine> NoOrderLines = [];
    private static readonly IReadOnlyList<ReturnLine> NoReturnLines = [];
    private static readonly IReadOnlyList<BundleOrderLine> NoBundleLines = [];
    private static readonly IReadOnlyList<JournalEntry> NoEntries = [];
    private static readonly IReadOnlyDictionary<string, long> NoCarts = new Dictionary<string, long>();

    // Orders with fewer lines than this are searched line by line when a line is put, which costs less than an index.
    private const int SmallOrder = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<PositionKey, Slot> _positions = [];
    private readonly Dictionary<Sku, List<LocationId>> _locationsBySku = [];
    private readonly Dictionary<string, List<Hold>> _holdsByCart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _cartVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OrderLine>> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ReturnLine>> _returns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BundleOrderLine>> _bundleLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordedOutcome> _outcomes = new(StringComparer.Ordinal);
    private readonly CompactJournal _journal = new();

    /// <summary>Gets the number of journal entries appended so far.</summary>
    public long JournalLength
    {
        get
        {
            lock (_gate)
            {
                return _journal.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<StoreSnapshot> ReadAsync(StoreQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return new ValueTask<StoreSnapshot>(ReadLocked(query));
        }
    }

    /// <inheritdoc/>
    public ValueTask<StoreWriteResult> WriteAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return new ValueTask<StoreWriteResult>(WriteLocked(batch));
        }
    }

    /// <inheritdoc/>
    public ValueTask<RecordedOutcome?> FindOutcomeAsync(
        string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return new ValueTask<RecordedOutcome?>(_outcomes.GetValueOrDefault(idempotencyKey));
        }
    }

    /// <inheritdoc/>
    public ValueTask<VersionedPosition> GetPositionAsync(
        PositionKey key, Instant now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return new ValueTask<VersionedPosition>(Versioned(key, now));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<VersionedPosition>> ReadAllPositionsAsync(
        Instant now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var all = _positions.Keys.Order().Select(key => Versioned(key, now)).ToList();

            return new ValueTask<IReadOnlyList<VersionedPosition>>(all);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Hold>> FindExpiredHoldsAsync(
        Instant now, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            IReadOnlyList<Hold> expired = _holdsByCart.Values
                .SelectMany(holds => holds)
                .Where(hold => hold.IsExpiredAt(now))
                .OrderBy(hold => hold.ExpiresAt)
                .Take(maxCount)
                .ToList();

            return new ValueTask<IReadOnlyList<Hold>>(expired);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(
        long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var start = Math.Min(afterSequence, _journal.Count);
            var count = (int)Math.Min(maxCount, _journal.Count - start);

            return new ValueTask<IReadOnlyList<JournalEntry>>(_journal.Read(start + 1, count));
        }
    }

    private StoreSnapshot ReadLocked(StoreQuery query)
    {
        var holds = Collect(query.CartIds, _holdsByCart, NoHolds);
        var lines = Collect(query.OrderIds, _orders, NoOrderLines);
        var positions = new Dictionary<PositionKey, VersionedPosition>(
            query.Positions.Count + holds.Count + lines.Count);
        foreach (var key in query.Positions)
        {
            positions[key] = Versioned(key, query.Now);
        }

        foreach (var sku in query.Skus)
        {
            if (_locationsBySku.TryGetValue(sku, out var locations))
            {
                foreach (var location in locations)
                {
                    var key = new PositionKey(sku, location);
                    positions[key] = Versioned(key, query.Now);
                }
            }
        }

        foreach (var hold in holds)
        {
            AddIfMissing(positions, hold.Key, query.Now);
        }

        foreach (var line in lines)
        {
            AddIfMissing(positions, line.Key, query.Now);
        }

        var returnLines = Collect(query.ReturnIds, _returns, NoReturnLines);
        foreach (var line in returnLines)
        {
            AddIfMissing(positions, line.Key, query.Now);
        }

        return new StoreSnapshot(positions, holds, lines, CartVersions(query.CartIds))
        {
            ReturnLines = returnLines,
            BundleLines = Collect(query.OrderIds, _bundleLines, NoBundleLines),
        };
    }

    private IReadOnlyDictionary<string, long> CartVersions(IReadOnlyCollection<string> cartIds)
    {
        if (cartIds.Count == 0)
        {
            return NoCarts;
        }

        var carts = new Dictionary<string, long>(cartIds.Count, StringComparer.Ordinal);
        foreach (var id in cartIds)
        {
            carts.TryAdd(id, _cartVersions.GetValueOrDefault(id));
        }

        return carts;
    }

    private void AddIfMissing(Dictionary<PositionKey, VersionedPosition> positions, PositionKey key, Instant now)
    {
        if (!positions.ContainsKey(key))
        {
            positions.Add(key, Versioned(key, now));
        }
    }

    private bool AnyOrderExists(IReadOnlyList<string>? orderIds)
    {
        foreach (var id in orderIds ?? [])
        {
            if (_orders.ContainsKey(id))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyCartMoved(IReadOnlyDictionary<string, long> carts)
    {
        foreach (var (cartId, version) in carts)
        {
            if (_cartVersions.GetValueOrDefault(cartId) != version)
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<T> Collect<T>(
        IReadOnlyCollection<string> ids, Dictionary<string, List<T>> source, IReadOnlyList<T> none)
    {
        if (ids.Count == 0)
        {
            return none;
        }

        var found = new List<T>();
        foreach (var id in ids)
        {
            if (source.TryGetValue(id, out var items))
            {
                found.AddRange(items);
            }
        }

        return found;
    }

    private StoreWriteResult WriteLocked(StoreBatch batch)
    {
        if (_outcomes.TryGetValue(batch.IdempotencyKey, out var existing))
        {
            return new StoreWriteResult(StoreWriteStatus.DuplicateKey, existing);
        }

        foreach (var write in batch.Positions)
        {
            var version = _positions.TryGetValue(write.Key, out var slot) ? slot.Version : 0;
            if (version != write.ExpectedVersion)
            {
                return StoreWriteResult.Conflict;
            }
        }

        if (AnyOrderExists(batch.NewOrderIds))
        {
            return StoreWriteResult.Conflict;
        }

        var carts = batch.ExpectedCartVersions ?? NoCarts;
        if (AnyCartMoved(carts))
        {
            return StoreWriteResult.Conflict;
        }

        foreach (var cart in carts)
        {
            // Versions are kept after a cart empties, so a version once read can never come round again.
            _cartVersions[cart.Key] = cart.Value + 1;
        }

        foreach (var write in batch.Positions)
        {
            PutPosition(write);
        }

        PutHolds(batch.HoldsRemoved, batch.HoldsPut);

        PutOrderLines(batch.OrderLinesPut);
        PutReturnLines(batch.ReturnLinesPut);
        PutBundleLines(batch.BundleLinesPut);

        var outcome = new RecordedOutcome(batch.IdempotencyKey, batch.Fingerprint, Append(batch.Entries));
        _outcomes.Add(batch.IdempotencyKey, outcome);

        return new StoreWriteResult(StoreWriteStatus.Written, outcome);
    }

    /// <summary>
    /// Appends the entries and answers a view of them that builds each entry again when read. The ledger's own
    /// draft entries are also numbered in place, so the ledger can answer with them without building copies.
    /// </summary>
    private IReadOnlyList<JournalEntry> Append(IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count == 0)
        {
            return NoEntries;
        }

        var first = _journal.Count + 1;
        foreach (var entry in entries)
        {
            entry.TryNumber(_journal.Append(entry));
        }

        return new JournalSlice(_gate, _journal, first, entries.Count);
    }

    private void PutHolds(IReadOnlyList<Hold> removed, IReadOnlyList<Hold> put)
    {
        if (removed.Count + put.Count == 0)
        {
            return;
        }

        if (AnyCartHolds(removed) || AnyCartHolds(put))
        {
            RemoveHolds(removed, put);
        }

        if (put.Count == 1)
        {
            AddHold(put[0]);
            return;
        }

        var added = new HashSet<(string, string, PositionKey)>(put.Count);
        foreach (var hold in put)
        {
            if (!added.Add(Identity(hold)))
            {
                RemoveHold(hold);
            }

            AddHold(hold);
        }
    }

    /// <summary>Gets whether the cart of any of <paramref name="holds"/> holds anything; a cart that holds nothing
    /// has no hold at any position either, so there is nothing to remove.</summary>
    private bool AnyCartHolds(IReadOnlyList<Hold> holds)
    {
        foreach (var hold in holds)
        {
            if (_holdsByCart.ContainsKey(hold.CartId))
            {
                return true;
            }
        }

        return false;
    }

    private void PutPosition(PositionWrite write)
    {
        if (_positions.TryGetValue(write.Key, out var slot))
        {
            slot.Stored = write.Stored;
            slot.Version = write.ExpectedVersion + 1;
            return;
        }

        _positions.Add(write.Key, new Slot { Stored = write.Stored, Version = 1 });
        if (!_locationsBySku.TryGetValue(write.Key.Sku, out var locations))
        {
            locations = [];
            _locationsBySku.Add(write.Key.Sku, locations);
        }

        locations.Add(write.Key.Location);
    }

    private void AddHold(Hold hold)
    {
        if (!_holdsByCart.TryGetValue(hold.CartId, out var holds))
        {
            holds = [];
            _holdsByCart.Add(hold.CartId, holds);
        }

        holds.Add(hold);
        _positions[hold.Key].Holds.Add(hold);
    }

    private void RemoveHold(Hold hold)
    {
        if (_holdsByCart.TryGetValue(hold.CartId, out var holds))
        {
            holds.RemoveAll(h => SameHold(h, hold));
            if (holds.Count == 0)
            {
                _holdsByCart.Remove(hold.CartId);
            }
        }

        if (_positions.TryGetValue(hold.Key, out var slot))
        {
            slot.Holds.RemoveAll(h => SameHold(h, hold));
        }
    }

    /// <summary>
    /// Removes every hold with the identity of one of <paramref name="removed"/> or <paramref name="put"/>, one pass
    /// per cart and position, so a cart of many lines costs linear rather than quadratic time.
    /// </summary>
    private void RemoveHolds(IReadOnlyList<Hold> removed, IReadOnlyList<Hold> put)
    {
        var doomed = new HashSet<(string, string, PositionKey)>(removed.Count + put.Count);
        var cartIds = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<PositionKey>();
        foreach (var hold in removed)
        {
            doomed.Add(Identity(hold));
            cartIds.Add(hold.CartId);
            keys.Add(hold.Key);
        }

        foreach (var hold in put)
        {
            doomed.Add(Identity(hold));
            cartIds.Add(hold.CartId);
            keys.Add(hold.Key);
        }

        Predicate<Hold> isDoomed = h => doomed.Contains(Identity(h));
        foreach (var cartId in cartIds)
        {
            if (_holdsByCart.TryGetValue(cartId, out var cartHolds))
            {
                cartHolds.RemoveAll(isDoomed);
                if (cartHolds.Count == 0)
                {
                    _holdsByCart.Remove(cartId);
                }
            }
        }

        foreach (var key in keys)
        {
            if (_positions.TryGetValue(key, out var slot) && slot.Holds.Count > 0)
            {
                slot.Holds.RemoveAll(isDoomed);
            }
        }
    }

    /// <summary>
    /// Puts order lines, replacing the line with the same line id and position. A small order is searched
    /// directly; a large one is indexed once per batch, so a batch costs linear rather than quadratic time.
    /// </summary>
    private void PutOrderLines(IReadOnlyList<OrderLine> puts)
    {
        if (puts.Count == 0)
        {
            return;
        }

        Dictionary<string, Dictionary<(string, PositionKey), int>>? indexes = null;
        foreach (var line in puts)
        {
            if (!_orders.TryGetValue(line.OrderId, out var lines))
            {
                lines = [];
                _orders.Add(line.OrderId, lines);
            }

            if (lines.Count < SmallOrder)
            {
                PutSmall(lines, line);
                continue;
            }

            indexes ??= new(StringComparer.Ordinal);
            if (!indexes.TryGetValue(line.OrderId, out var index))
            {
                index = [];
                for (var i = 0; i < lines.Count; i++)
                {
                    index.TryAdd((lines[i].LineId, lines[i].Key), i);
                }

                indexes.Add(line.OrderId, index);
            }

            if (index.TryGetValue((line.LineId, line.Key), out var at))
            {
                lines[at] = line;
            }
            else
            {
                index.Add((line.LineId, line.Key), lines.Count);
                lines.Add(line);
            }
        }
    }

    /// <summary>Puts return lines, replacing the line with the same line id and position.</summary>
    private void PutReturnLines(IReadOnlyList<ReturnLine> puts)
    {
        foreach (var line in puts)
        {
            if (!_returns.TryGetValue(line.ReturnId, out var lines))
            {
                lines = [];
                _returns.Add(line.ReturnId, lines);
            }

            var at = lines.FindIndex(
                l => l.Key == line.Key && string.Equals(l.LineId, line.LineId, StringComparison.Ordinal));
            if (at >= 0)
            {
                lines[at] = line;
            }
            else
            {
                lines.Add(line);
            }
        }
    }

    /// <summary>Puts bundle lines, replacing the line with the same order and line id.</summary>
    private void PutBundleLines(IReadOnlyList<BundleOrderLine> puts)
    {
        foreach (var line in puts)
        {
            if (!_bundleLines.TryGetValue(line.OrderId, out var lines))
            {
                lines = [];
                _bundleLines.Add(line.OrderId, lines);
            }

            lines.RemoveAll(l => string.Equals(l.LineId, line.LineId, StringComparison.Ordinal));
            lines.Add(line);
        }
    }

    private static void PutSmall(List<OrderLine> lines, OrderLine line)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Key == line.Key && string.Equals(lines[i].LineId, line.LineId, StringComparison.Ordinal))
            {
                lines[i] = line;
                return;
            }
        }

        lines.Add(line);
    }

    private static (string CartId, string LineId, PositionKey Key) Identity(Hold hold) =>
        (hold.CartId, hold.LineId, hold.Key);

    private static bool SameHold(Hold left, Hold right) =>
        left.Key == right.Key
        && string.Equals(left.LineId, right.LineId, StringComparison.Ordinal)
        && string.Equals(left.CartId, right.CartId, StringComparison.Ordinal);

    private VersionedPosition Versioned(PositionKey key, Instant now)
    {
        if (!_positions.TryGetValue(key, out var slot))
        {
            return new VersionedPosition(key, StockPosition.Empty, 0, 0);
        }

        long expired = 0;
        foreach (var hold in slot.Holds)
        {
            if (hold.IsExpiredAt(now))
            {
                expired = checked(expired + hold.Quantity);
            }
        }

        return new VersionedPosition(key, slot.Stored, expired, slot.Version);
    }

    private sealed class Slot
    {
        public StockPosition Stored { get; set; }

        public long Version { get; set; }

        public List<Hold> Holds { get; } = [];
    }
}
