using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;

namespace Inventory.Core.Ledger;

/// <summary>
/// The working state of one decision: the snapshot plus every change decided so far, so that each check sees
/// the lines before it (one running total per position).
/// </summary>
/// <remarks>
/// <para>Used by one thread for one attempt at one command.</para>
/// <para>
/// Implementation note: a command uses only some of the lists below, so each is made on first use; the
/// positions and entries are sized from the snapshot, which bounds the positions a decision may touch.
/// </para>
/// </remarks>
internal sealed class LedgerWork
{
    private static readonly Hold[] NoHolds = [];
    private static readonly OrderLine[] NoOrderLines = [];
    private static readonly string[] NoIds = [];
    private static readonly IReadOnlyDictionary<string, long> NoCarts = new Dictionary<string, long>();

    private readonly StoreSnapshot _snapshot;
    private readonly Dictionary<PositionKey, WorkPosition> _positions;
    private readonly List<JournalEntry> _entries;
    private Dictionary<(string LineId, PositionKey Key), int>? _orderLineSlots;
    private List<Hold>? _holdsRemoved;
    private List<Hold>? _holdsPut;
    private List<OrderLine>? _orderLinesPut;
    private List<string>? _newOrderIds;
    private HashSet<string>? _cartsChanged;
    private List<ReturnLine>? _returnLinesPut;
    private List<BundleOrderLine>? _bundleLinesPut;

    public LedgerWork(StoreSnapshot snapshot, Instant now, LedgerCommand command)
    {
        _snapshot = snapshot;
        _positions = new Dictionary<PositionKey, WorkPosition>(snapshot.Positions.Count);
        _entries = new List<JournalEntry>(snapshot.Holds.Count + snapshot.OrderLines.Count + 1);
        Now = now;
        At = command.At ?? now;
        Key = command.IdempotencyKey;
        Source = command.Source;
    }

    public Instant Now { get; }

    public Instant At { get; }

    public string Key { get; }

    public string? Source { get; }

    public StoreSnapshot Snapshot => _snapshot;

    public StockPosition Effective(PositionKey key) => Get(key).Effective;

    /// <summary>
    /// Works out the available figure of every position the decision touched, so a decision that leaves one beyond
    /// the 64-bit range fails here, as an overflow, instead of on a later read.
    /// </summary>
    public void RequireRepresentable()
    {
        foreach (var position in _positions.Values)
        {
            _ = position.Stored.Available;
            _ = position.Effective.Available;
        }
    }

    public IEnumerable<LocationId> KnownLocations(Sku sku) =>
        _snapshot.Positions.Keys.Where(k => k.Sku.Equals(sku)).Select(k => k.Location).Order();

    public void Apply(
        EntryKind kind, PositionKey key, StockChange change, long quantity, string? reference, string? reason = null,
        string? actor = null)
    {
        var position = Get(key);
        position.Stored = position.Stored.Apply(change);
        position.Touched = true;
        _entries.Add(JournalEntry.Draft(Key, kind, key, change, quantity, At, reference, reason, actor ?? Source));
    }

    public void Record(EntryKind kind, PositionKey key, long quantity, string? reference, Instant? at = null)
    {
        Get(key).Touched = true;
        _entries.Add(JournalEntry.Draft(Key, kind, key, default, quantity, at ?? At, reference, null, Source));
    }

    /// <summary>Puts a return line, replacing an earlier put of the same line in this batch.</summary>
    public void PutReturnLine(ReturnLine line)
    {
        Get(line.Key).Touched = true;
        _returnLinesPut ??= [];
        _returnLinesPut.RemoveAll(l => l.Key == line.Key && l.ReturnId == line.ReturnId && l.LineId == line.LineId);
        _returnLinesPut.Add(line);
    }

    /// <summary>Records a bundle line on an order this batch creates.</summary>
    public void PutBundleLine(BundleOrderLine line) => (_bundleLinesPut ??= []).Add(line);

    public void AddHold(Hold hold)
    {
        Apply(
            EntryKind.Reserved, hold.Key, new StockChange(Reserved: hold.Quantity), hold.Quantity, CartReference(hold));
        (_holdsPut ??= []).Add(hold);
        CartChanged(hold.CartId);
    }

    public void PutHold(Hold hold)
    {
        Get(hold.Key).Touched = true;
        (_holdsPut ??= []).Add(hold);
        CartChanged(hold.CartId);
    }

    public void ReleaseHold(Hold hold)
    {
        var expired = hold.IsExpiredAt(Now);
        if (expired)
        {
            var position = Get(hold.Key);
            position.Expired = checked(position.Expired - hold.Quantity);
        }

        Apply(
            expired ? EntryKind.Expired : EntryKind.Released,
            hold.Key,
            new StockChange(Reserved: -hold.Quantity),
            hold.Quantity,
            CartReference(hold));
        DropHold(hold);
    }

    public void DropHold(Hold hold)
    {
        Get(hold.Key).Touched = true;
        (_holdsRemoved ??= []).Add(hold);
        CartChanged(hold.CartId);
        if (_holdsPut is { Count: > 0 })
        {
            _holdsPut.RemoveAll(h => h.Key == hold.Key && h.LineId == hold.LineId && h.CartId == hold.CartId);
        }
    }

    /// <summary>Marks an order as created by this batch, so the write fails if another command
    /// created it first.</summary>
    public void CreateOrder(string orderId) => (_newOrderIds ??= []).Add(orderId);

    public void PutOrderLine(OrderLine line)
    {
        Get(line.Key).Touched = true;
        // Sized for the commonest batches: every hold becoming an order line, or every order line changing.
        var expected = _snapshot.Holds.Count + _snapshot.OrderLines.Count;
        _orderLinesPut ??= new List<OrderLine>(expected);
        _orderLineSlots ??= new Dictionary<(string LineId, PositionKey Key), int>(expected);
        if (_orderLineSlots.TryGetValue((line.LineId, line.Key), out var slot))
        {
            _orderLinesPut[slot] = line;
            return;
        }

        _orderLineSlots.Add((line.LineId, line.Key), _orderLinesPut.Count);
        _orderLinesPut.Add(line);
    }

    public StoreBatch ToBatch(string fingerprint)
    {
        var writes = new List<PositionWrite>(_positions.Count);
        foreach (var (key, position) in _positions)
        {
            if (position.Touched)
            {
                writes.Add(new PositionWrite(key, position.Version, position.Stored));
            }
        }

        // Stores take positions in key order (the same lock order for every writer). A small batch is put in order
        // by insertion, comparing keys directly, where the general sort calls a delegate for every comparison.
        if (writes.Count <= SmallBatch)
        {
            SortByInsertion(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(writes));
        }
        else
        {
            writes.Sort(static (left, right) => left.Key.CompareTo(right.Key));
        }

        return new StoreBatch(
            Key,
            fingerprint,
            writes,
            _holdsRemoved ?? (IReadOnlyList<Hold>)NoHolds,
            _holdsPut ?? (IReadOnlyList<Hold>)NoHolds,
            _orderLinesPut ?? (IReadOnlyList<OrderLine>)NoOrderLines,
            _entries,
            _newOrderIds ?? (IReadOnlyList<string>)NoIds,
            ExpectedCartVersions())
        {
            ReturnLinesPut = _returnLinesPut ?? (IReadOnlyList<ReturnLine>)[],
            BundleLinesPut = _bundleLinesPut ?? (IReadOnlyList<BundleOrderLine>)[],
        };
    }

    public static string CartReference(Hold hold) => $"cart:{hold.CartId}/{hold.LineId}";

    public static string OrderReference(string orderId, string lineId) => $"order:{orderId}/{lineId}";

    private void CartChanged(string cartId) =>
        (_cartsChanged ??= new HashSet<string>(StringComparer.Ordinal)).Add(cartId);

    private IReadOnlyDictionary<string, long> ExpectedCartVersions()
    {
        if (_cartsChanged is null)
        {
            return NoCarts;
        }

        var carts = new Dictionary<string, long>(_cartsChanged.Count, StringComparer.Ordinal);
        foreach (var id in _cartsChanged)
        {
            carts.Add(id, _snapshot.CartVersions?.GetValueOrDefault(id) ?? 0);
        }

        return carts;
    }

    private WorkPosition Get(PositionKey key)
    {
        if (_positions.TryGetValue(key, out var position))
        {
            return position;
        }

        if (!_snapshot.Positions.TryGetValue(key, out var read))
        {
            // A position the query did not ask for has no known version; writing it could never succeed.
            throw new InvalidOperationException($"Position {key} was not read before the decision.");
        }

        position = new WorkPosition(read.Stored, read.ExpiredReserved, read.Version);
        _positions.Add(key, position);

        return position;
    }

    private sealed class WorkPosition(StockPosition stored, long expired, long version)
    {
        public StockPosition Stored { get; set; } = stored;

        public long Expired { get; set; } = expired;

        public long Version { get; } = version;

        public bool Touched { get; set; }

        public StockPosition Effective => Stored with { Reserved = checked(Stored.Reserved - Expired) };
    }

    /// <summary>The most positions a batch puts in order by insertion.</summary>
    private const int SmallBatch = 16;

    private static void SortByInsertion(Span<PositionWrite> writes)
    {
        for (var i = 1; i < writes.Length; i++)
        {
            var next = writes[i];
            var at = i;
            while (at > 0 && writes[at - 1].Key.CompareTo(next.Key) > 0)
            {
                writes[at] = writes[at - 1];
                at--;
            }

            writes[at] = next;
        }
    }
}
