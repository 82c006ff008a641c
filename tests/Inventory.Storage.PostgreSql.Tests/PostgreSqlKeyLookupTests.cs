using Inventory.Core.Specification;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>The snapshot read answers the query's idempotency key, from the same snapshot as the rest.</summary>
public sealed class PostgreSqlKeyLookupTests : IDisposable
{
    private static readonly PositionKey Key = new(new Sku("A"), new LocationId("W1"));
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly PostgreSqlServer _server = new();

    [StoreFact]
    public async Task ReadAsync_KeyRecorded_AnswersTheOutcomeFindOutcomeAsyncGives()
    {
        await using var store = await PostgreSqlInventoryStore.OpenAsync(_server.NewSchema());
        var entry = new JournalEntry(0, "k1", EntryKind.Received, Key, new StockChange(OnHand: 5), 5, At);
        var write = new PositionWrite(Key, 0, new StockPosition(5, 0, 0, 0, 0, 0, 0));
        await store.WriteAsync(new StoreBatch("k1", "f1", [write], [], [], [], [entry]));

        var snapshot = await store.ReadAsync(new StoreQuery(At, [Key], [], [], []) { IdempotencyKey = "k1" });
        var found = await store.FindOutcomeAsync("k1");

        Assert.True(snapshot.KeyLookedUp);
        Assert.Equal(("k1", "f1"), (snapshot.Outcome!.IdempotencyKey, snapshot.Outcome.Fingerprint));
        Assert.Equal(found!.Entries, snapshot.Outcome.Entries);
        Assert.Equal(1, Assert.Single(snapshot.Outcome.Entries).Sequence);
        Assert.Equal(5, snapshot.Positions[Key].Stored.OnHand);
    }

    [StoreFact]
    public async Task ReadAsync_KeyNew_LooksItUpAndAnswersNull()
    {
        await using var store = await PostgreSqlInventoryStore.OpenAsync(_server.NewSchema());

        var snapshot = await store.ReadAsync(new StoreQuery(At, [Key], [], ["cart"], []) { IdempotencyKey = "new" });

        Assert.True(snapshot.KeyLookedUp);
        Assert.Null(snapshot.Outcome);
        Assert.Equal(0, snapshot.Positions[Key].Version);
        Assert.Equal(0, snapshot.CartVersions!["cart"]);
    }

    [StoreFact]
    public async Task ReadAsync_NoKey_DoesNotClaimALookUp()
    {
        await using var store = await PostgreSqlInventoryStore.OpenAsync(_server.NewSchema());

        var snapshot = await store.ReadAsync(new StoreQuery(At, [Key], [], [], []));

        Assert.False(snapshot.KeyLookedUp);
        Assert.Null(snapshot.Outcome);
    }

    public void Dispose() => _server.Dispose();
}
