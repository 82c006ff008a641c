using BenchmarkDotNet.Attributes;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;

namespace Inventory.Core.Benchmarks;

/// <summary>
/// One cart line through reserve, commit and fulfil on the in-memory ledger, against the least a correct
/// implementation must do: the same three state changes under one lock in a dictionary.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const long Opening = long.MaxValue / 4;

    private readonly Sku _sku = new("BENCH-1");
    private readonly LocationId _location = new("W1");
    private readonly Dictionary<PositionKey, long[]> _bare = [];
    private readonly Lock _bareGate = new();
    private InventoryLedger _ledger = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _ledger = new InventoryLedger(new InMemoryInventoryStore(), SystemClock.Instance, new InventoryOptions());
        _ledger.ExecuteAsync(new ReceiveStock("opening", _sku, _location, Opening)).AsTask().GetAwaiter().GetResult();
        _bare[new PositionKey(_sku, _location)] = [Opening, 0, 0];
    }

    /// <summary>Available, committed and on hand in a dictionary under a lock: check-and-decrement,
    /// move, ship.</summary>
    [Benchmark(Baseline = true)]
    public long BareLockAndDictionary()
    {
        var key = new PositionKey(_sku, _location);
        lock (_bareGate)
        {
            var state = _bare[key];
            if (state[0] - state[1] - state[2] < 1)
            {
                return -1;
            }

            state[2] += 1;
        }

        lock (_bareGate)
        {
            var state = _bare[key];
            state[2] -= 1;
            state[1] += 1;
        }

        lock (_bareGate)
        {
            var state = _bare[key];
            state[1] -= 1;
            state[0] -= 1;

            return state[0];
        }
    }

    /// <summary>The same line through the ledger: three commands, each idempotent, journaled and
    /// version-checked.</summary>
    [Benchmark]
    public async ValueTask<bool> ReserveCommitFulfil()
    {
        var n = ++_next;
        var cart = "cart-" + n;
        var order = "order-" + n;

        var reserved = await _ledger.ExecuteAsync(
            new ReserveCart("r-" + n, cart, [new CartLine("1", _sku, 1, _location)]));
        var committed = await _ledger.ExecuteAsync(new CommitCart("c-" + n, cart, order));
        var fulfilled = await _ledger.ExecuteAsync(new FulfilOrder("f-" + n, order));

        return reserved.IsApplied && committed.IsApplied && fulfilled.IsApplied;
    }

    /// <summary>An availability read: must not allocate.</summary>
    [Benchmark]
    public async ValueTask<long> AvailabilityRead()
    {
        var position = await _ledger.GetPositionAsync(_sku, _location);

        return position.Available;
    }
}
