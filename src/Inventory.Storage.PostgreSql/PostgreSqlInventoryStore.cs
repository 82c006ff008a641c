using System.Data.Common;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using NodaTime;
using Npgsql;

namespace Inventory.Storage.PostgreSql;

/// <summary>
/// An <see cref="IInventoryStore"/> on PostgreSQL, shared by any number of app servers.
/// </summary>
/// <remarks>
/// <para>
/// Every write is one transaction of guarded statements: the idempotency key is inserted first (a primary key
/// makes a second writer of the same key wait, then see it taken); each position is changed only
/// <c>WHERE version = expected</c>; new orders and cart versions are claimed the same way; if any guard matches
/// no row the transaction is rolled back and the answer is a version conflict. Rows are locked in one order
/// (key, then positions, orders and carts each sorted ordinally, then the journal head), so two batches can never
/// wait on each other in a cycle. Journal sequence numbers come from a one-row counter updated in the same
/// transaction, so they have no gaps and follow commit order.
/// </para>
/// <para>
/// Reads run in one REPEATABLE READ transaction, or one statement, and so see one snapshot. Tables live in the first
/// schema of the connection's search path; they are created or migrated by version when the store is opened.
/// </para>
/// <para>
/// Safe for concurrent use by many threads; each call borrows a pooled connection. A reservation takes two round
/// trips: the snapshot read, which also looks up the idempotency key (one batch, its transaction included), and the
/// write (one batch that commits, or rolls back whole when a guard fails).
/// </para>
/// </remarks>
public sealed partial class PostgreSqlInventoryStore : IInventoryStore, IAsyncDisposable, IDisposable
{
    private const string PositionColumns =
        "p.sku, p.location, p.on_hand, p.committed, p.reserved, p.damaged, p.quality_control, p.safety_stock, "
        + "p.incoming, p.version, (SELECT COALESCE(SUM(h.quantity), 0)::bigint FROM holds h "
        + "WHERE h.sku = p.sku AND h.location = p.location "
        + "AND (h.expires_at, h.expires_at_ns) <= (@now, @nowNs))";

    // Room for every statement text a store sends often (about 30), with margin.
    private const int AutoPreparedStatements = 64;

    private const string GenericPlans = "-c plan_cache_mode=force_generic_plan";

    private readonly NpgsqlDataSource _dataSource;

    // With Npgsql's multiplexing a connection holds a server session only inside a transaction the driver began, so
    // a BEGIN sent as SQL would be left open on a session other commands share.
    private readonly bool _multiplexing;

    private PostgreSqlInventoryStore(NpgsqlDataSource dataSource, string connectionString)
    {
        _dataSource = dataSource;
        _multiplexing = new NpgsqlConnectionStringBuilder(connectionString).Multiplexing;
        ConnectionString = connectionString;
    }

    /// <summary>Gets the connection string the store was opened with.</summary>
    public string ConnectionString { get; }

    /// <summary>Opens the store with its own connection pool, creating or migrating the schema.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">
    /// Thrown when <paramref name="connectionString"/> is null or blank.
    /// </exception>
    /// <exception cref="PostgreSqlSchemaException">Thrown when the schema was written by a newer store.</exception>
    /// <exception cref="NpgsqlException">Thrown when the server cannot be reached.</exception>
    public static async Task<PostgreSqlInventoryStore> OpenAsync(
        string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = DataSource(connectionString, Environment.GetEnvironmentVariable("PGOPTIONS"));
        try
        {
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                await PostgreSqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return new PostgreSqlInventoryStore(dataSource, connectionString);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Makes the store's pool, tuned for the few statement texts the store sends again and again, unless the
    /// connection string sets the same keyword itself: they are prepared on each connection (Npgsql's automatic
    /// preparation) and run with generic plans (<c>plan_cache_mode</c>), so the server parses and plans each once per
    /// connection rather than on every call; and a connection going back to the pool is not reset, since the store
    /// changes no session state (an unfinished transaction is still rolled back).
    /// </summary>
    /// <param name="connectionString">The caller's connection string.</param>
    /// <param name="environmentOptions">
    /// The PGOPTIONS environment variable, which Npgsql uses when the connection string sets no <c>Options</c>:
    /// the store's default goes first, so the environment's options are kept and win over it.
    /// </param>
    internal static NpgsqlDataSource DataSource(string connectionString, string? environmentOptions)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = builder.ConnectionStringBuilder;
        if (!Names(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!Names(given, "No Reset On Close", "NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        if (!Names(given, "Options"))
        {
            settings.Options = string.IsNullOrWhiteSpace(environmentOptions)
                ? GenericPlans
                : $"{GenericPlans} {environmentOptions.Trim()}";
        }

        return builder.Build();
    }

    private static bool Names(DbConnectionStringBuilder given, params string[] keywords) =>
        keywords.Any(given.ContainsKey);

    /// <summary>Closes the store's connection pool.</summary>
    /// <returns>A task that completes when the pool is closed.</returns>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the store's connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc/>
    public async ValueTask<StoreSnapshot> ReadAsync(StoreQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!_multiplexing)
        {
            // The reader begins and commits its REPEATABLE READ transaction inside its batch; a connection that goes
            // back to the pool with that transaction still open (a failed read) is rolled back by the pool.
            return await new SnapshotReader(connection, query, cancellationToken, beginsItself: true).ReadAsync()
                .ConfigureAwait(false);
        }

        // A driver transaction binds the connection to one session until it ends, and its BEGIN goes out with the
        // reader's first batch, so the read still takes one round trip plus the commit.
        await using var transaction = await connection
            .BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var snapshot = await new SnapshotReader(connection, query, cancellationToken, beginsItself: false).ReadAsync()
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        return snapshot;
    }

    /// <inheritdoc/>
    public async ValueTask<RecordedOutcome?> FindOutcomeAsync(
        string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        return await FindOutcomeAsync(connection, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<VersionedPosition> GetPositionAsync(
        PositionKey key, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        return await ReadPositionAsync(connection, key, now, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<VersionedPosition>> ReadAllPositionsAsync(
        Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            $"SELECT {PositionColumns} FROM positions p ORDER BY p.sku, p.location;",
            ("now", Ticks(now)),
            ("nowNs", BelowTick(now)));

        return await ReadPositionsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<Hold>> FindExpiredHoldsAsync(
        Instant now, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            $"SELECT {HoldColumns} FROM holds WHERE (expires_at, expires_at_ns) <= (@now, @nowNs) "
            + "ORDER BY expires_at, expires_at_ns, cart_id, line_id LIMIT @max;",
            ("now", Ticks(now)),
            ("nowNs", BelowTick(now)),
            ("max", (long)maxCount));

        return await ReadHoldsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(
        long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        return await ReadEntriesAsync(connection, afterSequence, maxCount, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the whole ticks of an instant since the Unix epoch, rounded towards the start of time.</summary>
    private static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>
    /// Gets the nanoseconds of an instant below its whole tick (0 to 99): stored beside the tick so that every
    /// instant reads back equal to the one written, and compares in order, over the whole range of
    /// <see cref="Instant"/>.
    /// </summary>
    private static long BelowTick(Instant instant) =>
        (instant - Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks())).ToInt64Nanoseconds();

    private static Instant Exact(long ticks, long belowTick) =>
        Instant.FromUnixTimeTicks(ticks).PlusNanoseconds(belowTick);
}
