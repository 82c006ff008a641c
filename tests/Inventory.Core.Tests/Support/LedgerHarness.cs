using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Inventory.Core.Tests.Support;

/// <summary>A ledger over a fresh in-memory store and a fake clock, with short helpers for test set-up.</summary>
internal sealed class LedgerHarness
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    private int _keys;

    public LedgerHarness(Action<InventoryOptions>? configure = null)
    {
        Clock = new FakeClock(Start);
        Store = new InMemoryInventoryStore();
        Options = new InventoryOptions();
        configure?.Invoke(Options);
        Ledger = new InventoryLedger(Store, Clock, Options);
    }

    public FakeClock Clock { get; }

    public InMemoryInventoryStore Store { get; }

    public InventoryOptions Options { get; }

    public InventoryLedger Ledger { get; }

    public Duration Ttl => Options.ReservationTtl;

    public string NextKey(string prefix) => $"{prefix}-{Interlocked.Increment(ref _keys)}";

    public Task<LedgerResult> Run(LedgerCommand command) => Ledger.ExecuteAsync(command).AsTask();

    /// <summary>Runs a command that the test needs applied, and fails with the ledger's message if it is not.</summary>
    public async Task<LedgerResult> Apply(LedgerCommand command)
    {
        var result = await Run(command);
        Assert.True(result.IsApplied, result.Message);

        return result;
    }

    public Task<LedgerResult> Receive(string sku, string location, long quantity) =>
        Apply(new ReceiveStock(NextKey("receive"), new Sku(sku), new LocationId(location), quantity));

    public Task<LedgerResult> Reserve(string cartId, params CartLine[] lines) =>
        Run(new ReserveCart(NextKey("reserve"), cartId, lines));

    public Task<LedgerResult> Commit(string cartId, string orderId) =>
        Run(new CommitCart(NextKey("commit"), cartId, orderId));

    public Task<LedgerResult> PlaceExternal(string orderId, params ExternalOrderLine[] lines) =>
        Run(new PlaceExternalOrder(NextKey("external"), orderId, lines));

    public Task<StockPosition> Position(string sku, string location) =>
        Ledger.GetPositionAsync(new Sku(sku), new LocationId(location)).AsTask();

    public Task<long> Available(string sku, string? cartId = null) =>
        Ledger.GetAvailableAsync(new Sku(sku), cartId).AsTask();

    public Task<IReadOnlyList<JournalEntry>> Journal() => Store.ReadJournalAsync(0, int.MaxValue).AsTask();

    public static CartLine Line(string lineId, string sku, long quantity, string? location = null) =>
        new(lineId, new Sku(sku), quantity, location is null ? null : new LocationId(location));

    public static ExternalOrderLine ExternalLine(string lineId, string sku, string location, long quantity) =>
        new(lineId, new Sku(sku), new LocationId(location), quantity);
}
