using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Xunit;

namespace Inventory.Core.Specification;

/// <summary>
/// The conformance kit for <see cref="IInventoryStore"/> adapters. An adapter's test project derives one class
/// from this one and overrides <see cref="CreateStore"/>; every rule of the store contract then runs against it.
/// </summary>
/// <remarks>
/// <para>
/// The tests are split by concern into partial files: positions and versions, holds and expiry, carts, orders,
/// idempotency keys, the journal, the ledger over the store, and concurrency. Tests that need a second store
/// instance over the same database run only when <see cref="OpenSecondInstance"/> returns one; otherwise they are
/// reported as skipped with <see cref="SecondInstanceSkipReason"/>.
/// </para>
/// <para>
/// xUnit creates one instance of the derived class per test, so each test gets fresh stores. Stores that implement
/// <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/> are disposed when the test ends. Not thread-safe:
/// each instance serves one test.
/// </para>
/// </remarks>
public abstract partial class InventoryStoreSpecification : IAsyncLifetime
{
    /// <summary>The instant the kit's scenarios start at.</summary>
    protected static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);

    private readonly List<IInventoryStore> _opened = [];

    /// <summary>Gets the reason reported when <see cref="OpenSecondInstance"/> returns null.</summary>
    protected virtual string SecondInstanceSkipReason =>
        "The adapter opens no second store instance over the same database (OpenSecondInstance returned null).";

    /// <inheritdoc/>
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            if (store is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (store is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        _opened.Clear();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a store over a fresh, empty database: no positions, holds, orders, keys or entries.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IInventoryStore CreateStore();

    /// <summary>
    /// Opens a second, independent store instance over the same database as <paramref name="store"/> (another
    /// connection pool, as another app server would), or returns null when the adapter has no such thing.
    /// </summary>
    /// <param name="store">A store made by <see cref="CreateStore"/>.</param>
    /// <returns>The second instance, or null to skip the tests that need one.</returns>
    protected virtual IInventoryStore? OpenSecondInstance(IInventoryStore store) => null;

    /// <summary>Creates a fresh store and keeps it for disposal at the end of the test.</summary>
    /// <returns>The store.</returns>
    protected IInventoryStore NewStore() => Track(CreateStore());

    /// <summary>Opens a second instance over the store's database, or skips the test with the stated reason.</summary>
    /// <param name="store">The first instance.</param>
    /// <returns>The second instance.</returns>
    /// <exception cref="StoreCapabilityMissingException">Thrown when the adapter opens no second instance.</exception>
    protected IInventoryStore SecondInstanceOrSkip(IInventoryStore store) =>
        Track(OpenSecondInstance(store) ?? throw new StoreCapabilityMissingException(SecondInstanceSkipReason));

    private IInventoryStore Track(IInventoryStore store)
    {
        Assert.NotNull(store);
        _opened.Add(store);

        return store;
    }

    private static PositionKey Key(string sku, string location = "W1") => new(new Sku(sku), new LocationId(location));

    private static StockPosition OnHand(long onHand, long reserved = 0, long committed = 0) =>
        new(onHand, committed, reserved, 0, 0, 0, 0);

    private static JournalEntry Entry(
        PositionKey key, EntryKind kind, StockChange change, long quantity, string idempotencyKey) =>
        new(0, idempotencyKey, kind, key, change, quantity, T0);

    private static StoreBatch Batch(
        string idempotencyKey,
        IReadOnlyList<PositionWrite> positions,
        IReadOnlyList<JournalEntry>? entries = null,
        IReadOnlyList<Hold>? holdsPut = null,
        IReadOnlyList<Hold>? holdsRemoved = null,
        IReadOnlyList<OrderLine>? orderLines = null) =>
        new(idempotencyKey, "fingerprint of " + idempotencyKey, positions, holdsRemoved ?? [], holdsPut ?? [],
            orderLines ?? [], entries ?? []);

    private static StoreQuery Query(
        Instant now,
        IReadOnlyCollection<PositionKey>? positions = null,
        IReadOnlyCollection<Sku>? skus = null,
        IReadOnlyCollection<string>? carts = null,
        IReadOnlyCollection<string>? orders = null) =>
        new(now, positions ?? [], skus ?? [], carts ?? [], orders ?? []);

    /// <summary>Writes a receipt of <paramref name="units"/> at a new position; the batch must be written.</summary>
    private static async Task<RecordedOutcome> SeedAsync(IInventoryStore store, PositionKey key, long units, string id)
    {
        var entry = Entry(key, EntryKind.Received, new StockChange(OnHand: units), units, id);
        var result = await store.WriteAsync(Batch(id, [new PositionWrite(key, 0, OnHand(units))], [entry]));
        Assert.Equal(StoreWriteStatus.Written, result.Status);

        return Assert.IsType<RecordedOutcome>(result.Outcome);
    }
}
