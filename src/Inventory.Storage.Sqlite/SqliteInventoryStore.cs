using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Inventory.Storage.Sqlite;

/// <summary>
/// An <see cref="IInventoryStore"/> in one SQLite file: positions, holds, carts, order lines, idempotency keys and
/// the journal survive the process, and several processes may share the file.
/// </summary>
/// <remarks>
/// <para>
/// The file runs in WAL mode, so readers never block the writer. Each batch is one transaction begun with
/// <c>BEGIN IMMEDIATE</c>: it takes the write lock before checking any version, so the checks and the writes
/// cannot be interleaved with another writer's, and a process killed mid-batch leaves the whole batch or none
/// of it. Each read runs in one read transaction and so sees one snapshot. Commits are synchronous
/// (<c>synchronous = FULL</c>).
/// </para>
/// <para>
/// The schema is created on first open and migrated by version (the file's <c>user_version</c>); a file written
/// by a newer schema is refused with <see cref="SqliteSchemaException"/>.
/// </para>
/// <para>
/// Safe for concurrent use by many threads and processes: every call opens its own pooled connection. Writers
/// wait for one another up to the busy timeout. Calls complete synchronously; the returned tasks are finished.
/// </para>
/// </remarks>
public sealed partial class SqliteInventoryStore : IInventoryStore, IDisposable
{
    private const string PositionColumns =
        "p.sku, p.location, p.on_hand, p.committed, p.reserved, p.damaged, p.quality_control, p.safety_stock, "
        + "p.incoming, p.version, (SELECT COALESCE(SUM(h.quantity), 0) FROM holds h "
        + "WHERE h.sku = p.sku AND h.location = p.location "
        + "AND (h.expires_at, h.expires_at_ns) <= ($now, $nowNs))";

    private readonly string _connectionString;

    private SqliteInventoryStore(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
    }

    /// <summary>Gets the database file.</summary>
    public string Path { get; }

    /// <summary>Opens the store in a file, creating the file and its schema, or migrating an older schema.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="busyTimeout">How long a writer waits for another's lock; 30 seconds when null.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> is null or blank.</exception>
    /// <exception cref="SqliteSchemaException">Thrown when the file was written by a newer schema.</exception>
    /// <exception cref="SqliteException">Thrown when the file cannot be opened as a SQLite database.</exception>
    public static SqliteInventoryStore Open(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var timeout = (int)(busyTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, timeout),
        };
        var store = new SqliteInventoryStore(path, builder.ToString());

        using var connection = store.OpenConnection();
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        SqliteSchema.Migrate(connection, path);

        return store;
    }

    /// <summary>Releases the pooled connections to the file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc/>
    public ValueTask<StoreSnapshot> ReadAsync(StoreQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();

        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);

        return new ValueTask<StoreSnapshot>(new SnapshotReader(connection, transaction, query).Read());
    }

    /// <inheritdoc/>
    public ValueTask<RecordedOutcome?> FindOutcomeAsync(string idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();

        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);

        return new ValueTask<RecordedOutcome?>(FindOutcome(connection, transaction, idempotencyKey));
    }

    /// <inheritdoc/>
    public ValueTask<VersionedPosition> GetPositionAsync(
        PositionKey key, Instant now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        using var connection = OpenConnection();

        return new ValueTask<VersionedPosition>(ReadPosition(connection, null, key, now));
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<VersionedPosition>> ReadAllPositionsAsync(
        Instant now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        using var connection = OpenConnection();
        using var command = Command(
            connection,
            null,
            $"SELECT {PositionColumns} FROM positions p;",
            ("$now", Ticks(now)),
            ("$nowNs", BelowTick(now)));
        var all = ReadPositions(command);
        all.Sort((left, right) => left.Key.CompareTo(right.Key));

        return new ValueTask<IReadOnlyList<VersionedPosition>>(all);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Hold>> FindExpiredHoldsAsync(
        Instant now, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();

        using var connection = OpenConnection();
        using var command = Command(
            connection,
            null,
            $"SELECT {HoldColumns} FROM holds WHERE (expires_at, expires_at_ns) <= ($now, $nowNs) "
            + "ORDER BY expires_at, expires_at_ns, cart_id, line_id LIMIT $max;",
            ("$now", Ticks(now)),
            ("$nowNs", BelowTick(now)),
            ("$max", maxCount));

        return new ValueTask<IReadOnlyList<Hold>>(ReadHolds(command));
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(
        long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();

        using var connection = OpenConnection();

        return new ValueTask<IReadOnlyList<JournalEntry>>(ReadEntries(connection, null, afterSequence, maxCount));
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, null, "PRAGMA synchronous = FULL;");

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
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
