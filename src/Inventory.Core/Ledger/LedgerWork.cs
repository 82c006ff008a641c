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
/// <remarks>Used by one thread for one attempt at one command.</remarks>
internal sealed class LedgerWork
{
    private readonly StoreSnapshot _snapshot;
    private readonly Dictionary<(string LineId, PositionKey Key), int> _orderLineSlots = [];
    private readonly Dictionary<PositionKey, WorkPosition> _positions = [];
    private readonly List<JournalEntry> _entries = [];
    private readonly List<Hold> _holdsRemoved = [];
    private readonly List<Hold> _holdsPut = [];
    private readonly List<OrderLine> _orderLinesPut = [];
    private readonly List<string> _newOrderIds = [];
    private readonly List<ReturnLine> _returnLinesPut = [];
    private readonly HashSet<string> _cartsChanged = new(StringComparer.Ordinal);

    public LedgerWork(StoreSnapshot snapshot, Instant now, LedgerCommand command)
    {
        _snapshot = snapshot;
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

    public IEnumerable<LocationId> KnownLocations(Sku sku) =>
        _snapshot.Positions.Keys.Where(k => k.Sku.Equals(sku)).Select(k => k.Location).Order();

    public void Apply(
        EntryKind kind, PositionKey key, StockChange change, long quantity, string? reference, string? reason = null,
        string? actor = null)
    {
        var position = Get(key);
        position.Stored = position.Stored.Apply(change);
        position.Touched = true;
        _entries.Add(new JournalEntry(0, Key, kind, key, change, quantity, At, reference, reason, actor ?? Source));
    }

    public void Record(EntryKind kind, PositionKey key, long quantity, string? reference, Instant? at = null)
    {
        Get(key).Touched = true;
        _entries.Add(new JournalEntry(0, Key, kind, key, default, quantity, at ?? At, reference, null, Source));
    }

    /// <summary>Puts a return line, replacing an earlier put of the same line in this batch.</summary>
    public void PutReturnLine(ReturnLine line)
    {
        Get(line.Key).Touched = true;
        _returnLinesPut.RemoveAll(l => l.Key == line.Key && l.ReturnId == line.ReturnId && l.LineId == line.LineId);
        _returnLinesPut.Add(line);
    }

    public void AddHold(Hold hold)
    {
        Apply(EntryKind.Reserved, hold.Key, new StockChange(Reserved: hold.Quantity), hold.Quantity, CartReference(hold));
        _holdsPut.Add(hold);
        _cartsChanged.Add(hold.CartId);
    }

    public void PutHold(Hold hold)
    {
        Get(hold.Key).Touched = true;
        _holdsPut.Add(hold);
        _cartsChanged.Add(hold.CartId);
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
        _holdsRemoved.Add(hold);
        _cartsChanged.Add(hold.CartId);
        if (_holdsPut.Count > 0)
        {
            _holdsPut.RemoveAll(h => h.Key == hold.Key && h.LineId == hold.LineId && h.CartId == hold.CartId);
        }
    }

    /// <summary>Marks an order as created by this batch, so the write fails if another command created it first.</summary>
    public void CreateOrder(string orderId) => _newOrderIds.Add(orderId);

    public void PutOrderLine(OrderLine line)
    {
        Get(line.Key).Touched = true;
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
        var writes = _positions
            .Where(p => p.Value.Touched)
            .OrderBy(p => p.Key)
            .Select(p => new PositionWrite(p.Key, p.Value.Version, p.Value.Stored))
            .ToList();

        var carts = _cartsChanged.ToDictionary(
            id => id, id => _snapshot.CartVersions?.GetValueOrDefault(id) ?? 0, StringComparer.Ordinal);

        return new StoreBatch(
            Key, fingerprint, writes, _holdsRemoved, _holdsPut, _orderLinesPut, _entries, _newOrderIds, carts)
        {
            ReturnLinesPut = _returnLinesPut,
        };
    }

    public static string CartReference(Hold hold) => $"cart:{hold.CartId}/{hold.LineId}";

    public static string OrderReference(string orderId, string lineId) => $"order:{orderId}/{lineId}";

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
}
