using Inventory.Core.Ledger;
using Inventory.Core.Reservations;
using Inventory.Core.Specification;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>
/// Idempotency through the ledger over PostgreSQL, where the snapshot read answers the command's key: a command
/// replayed, one after another or from many threads over two connection pools at once, answers the first outcome
/// and changes nothing more; another command under a used key is refused with
/// <see cref="IdempotencyKeyConflictException"/> and changes nothing.
/// </summary>
public sealed class PostgreSqlIdempotencyTests : IDisposable
{
    private const int Callers = 12;
    private static readonly PositionKey Key = new(new Sku("A"), new LocationId("W1"));
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly PostgreSqlServer _server = new();

    [StoreFact]
    public async Task ExecuteAsync_SameCommandReplayedInTurn_AnswersTheFirstOutcomeAndChangesNothing()
    {
        await using var store = await PostgreSqlInventoryStore.OpenAsync(_server.NewSchema());
        var ledger = Ledger(store);
        await ledger.ExecuteAsync(new ReceiveStock("receive", Key.Sku, Key.Location, 10));
        var reserve = Reserve("reserve", 3);

        var first = await ledger.ExecuteAsync(reserve);
        var again = await ledger.ExecuteAsync(reserve);
        var fromFreshLedger = await Ledger(store).ExecuteAsync(reserve);

        Assert.Equal((true, false), (first.IsApplied, first.IsReplay));
        Assert.Equal((true, true), (again.IsApplied, again.IsReplay));
        Assert.Equal((true, true), (fromFreshLedger.IsApplied, fromFreshLedger.IsReplay));
        Assert.Equal(first.Entries, again.Entries);
        Assert.Equal(first.Entries, fromFreshLedger.Entries);
        await AssertReservedOnceAsync(store, 3);
    }

    [StoreFact]
    public Task ExecuteAsync_SameCommandFromManyThreadsAndTwoPools_AppliesOnceAndReplaysTheRest() =>
        RaceSameCommandAsync(_server.NewSchema());

    [StoreFact]
    public Task ExecuteAsync_SameCommandRacedUnderMultiplexing_AppliesOnceAndReplaysTheRest() =>
        RaceSameCommandAsync(
            new Npgsql.NpgsqlConnectionStringBuilder(_server.NewSchema()) { Multiplexing = true }.ToString());

    [StoreFact]
    public Task ExecuteAsync_SameCommandRacedWhenSessionsDefaultToSerializable_AppliesOnceAndReplaysTheRest() =>
        RaceSameCommandAsync(new Npgsql.NpgsqlConnectionStringBuilder(_server.NewSchema())
        {
            Options = "-c default_transaction_isolation=serializable -c plan_cache_mode=force_generic_plan",
        }.ToString());

    /// <summary>
    /// Races one reservation from many threads over two pools on <paramref name="connectionString"/>: one applies,
    /// every other caller gets its outcome as a replay, and the store holds it once.
    /// </summary>
    private static async Task RaceSameCommandAsync(string connectionString)
    {
        await using var one = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        await using var two = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        await Ledger(one).ExecuteAsync(new ReceiveStock("receive", Key.Sku, Key.Location, 10));
        var reserve = Reserve("reserve", 3);

        var results = await InParallelAsync(i => Ledger(i % 2 == 0 ? one : two).ExecuteAsync(reserve).AsTask());

        var applied = Assert.Single(results, r => !r.IsReplay);
        Assert.All(results, r => Assert.True(r.IsApplied));
        Assert.All(results, r => Assert.Equal(applied.Entries, r.Entries));
        await AssertReservedOnceAsync(one, 3);
    }

    [StoreFact]
    public async Task ExecuteAsync_DistinctCommandsRacedWhenSessionsDefaultToSerializable_AllApplyWithNoJournalGap()
    {
        // Serializable sessions turn a lost race on a row into a serialization failure instead of a guard that
        // matches nothing; the store must answer it as a conflict, so the ledger reads again and retries.
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(_server.NewSchema())
        {
            Options = "-c default_transaction_isolation=serializable",
        }.ToString();
        await using var one = await PostgreSqlInventoryStore.OpenAsync(connectionString);
        await using var two = await PostgreSqlInventoryStore.OpenAsync(connectionString);

        var results = await InParallelAsync(i => Ledger(i % 2 == 0 ? one : two)
            .ExecuteAsync(new ReceiveStock($"receive-{i}", Key.Sku, Key.Location, i + 1)).AsTask());
        var journal = await one.ReadJournalAsync(0, 100);

        Assert.All(results, r => Assert.Equal((true, false), (r.IsApplied, r.IsReplay)));
        Assert.Equal(Enumerable.Range(1, Callers).Select(i => (long)i), journal.Select(e => e.Sequence));
        var position = await one.GetPositionAsync(Key, At);
        Assert.Equal(((long)Callers * (Callers + 1) / 2, (long)Callers), (position.Stored.OnHand, position.Version));
    }

    [StoreFact]
    public async Task ExecuteAsync_OtherCommandUnderAUsedKey_IsRefusedByWarmAndFreshLedgersAndChangesNothing()
    {
        await using var store = await PostgreSqlInventoryStore.OpenAsync(_server.NewSchema());
        var ledger = Ledger(store);
        await ledger.ExecuteAsync(new ReceiveStock("receive", Key.Sku, Key.Location, 10));
        await ledger.ExecuteAsync(Reserve("reserve", 3));

        var warm = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            () => ledger.ExecuteAsync(Reserve("reserve", 4)).AsTask());
        var fresh = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            () => Ledger(store).ExecuteAsync(new ReceiveStock("reserve", Key.Sku, Key.Location, 1)).AsTask());

        Assert.Equal(("reserve", "reserve"), (warm.IdempotencyKey, fresh.IdempotencyKey));
        await AssertReservedOnceAsync(store, 3);
    }

    [StoreFact]
    public async Task ExecuteAsync_TwoCommandsRaceUnderOneKey_OneAppliesItsTwinsReplayTheOthersAreRefused()
    {
        var schema = _server.NewSchema();
        await using var one = await PostgreSqlInventoryStore.OpenAsync(schema);
        await using var two = await PostgreSqlInventoryStore.OpenAsync(schema);
        await Ledger(one).ExecuteAsync(new ReceiveStock("receive", Key.Sku, Key.Location, 10));

        var outcomes = await InParallelAsync(async i =>
        {
            var command = Reserve("reserve", i % 2 == 0 ? 3 : 4);
            LedgerResult? result = null;
            try
            {
                result = await Ledger(i % 3 == 0 ? one : two).ExecuteAsync(command);
            }
            catch (IdempotencyKeyConflictException)
            {
            }

            return (Quantity: command.Lines[0].Quantity, Result: result, Refused: result is null);
        });

        var winner = Assert.Single(outcomes, o => o.Result is { IsReplay: false });
        Assert.All(
            outcomes,
            o => Assert.Equal(o.Quantity != winner.Quantity, o.Refused));
        Assert.All(
            outcomes.Where(o => !o.Refused),
            o => Assert.Equal(winner.Result!.Entries, o.Result!.Entries));
        await AssertReservedOnceAsync(one, winner.Quantity);
    }

    public void Dispose() => _server.Dispose();

    private static InventoryLedger Ledger(IInventoryStore store) =>
        new(store, new FixedClock(At), new InventoryOptions());

    private static ReserveCart Reserve(string key, long quantity) =>
        new(key, "cart", [new CartLine("l1", Key.Sku, quantity, Key.Location)]);

    /// <summary>Starts every caller at once, each on its own thread-pool task, and waits for all.</summary>
    private static async Task<T[]> InParallelAsync<T>(Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, Callers)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;

                return await call(i);
            }))
            .ToArray();
        start.SetResult();

        return await Task.WhenAll(callers);
    }

    /// <summary>Checks the store holds the receipt and one reservation of <paramref name="quantity"/>.</summary>
    private static async Task AssertReservedOnceAsync(IInventoryStore store, long quantity)
    {
        var snapshot = await store.ReadAsync(new StoreQuery(At, [Key], [], ["cart"], []));
        var journal = await store.ReadJournalAsync(0, 100);

        Assert.Equal(new Hold("cart", "l1", Key, quantity, Assert.Single(snapshot.Holds).ExpiresAt),
            snapshot.Holds[0]);
        Assert.Equal(1, snapshot.CartVersions!["cart"]);
        var stored = snapshot.Positions[Key].Stored;
        Assert.Equal((10L, quantity), (stored.OnHand, stored.Reserved));
        Assert.Equal(["receive", "reserve"], journal.Select(e => e.IdempotencyKey));
        Assert.Equal(quantity, journal[1].Quantity);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
