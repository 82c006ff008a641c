using Npgsql;

namespace Inventory.Storage.PostgreSql;

/// <summary>The schema, as a list of migrations; the table <c>inventory_schema</c> says how many have run.</summary>
/// <remarks>
/// Every instant is two columns: whole .NET ticks since the Unix epoch (rounded towards the start of time) and the
/// nanoseconds below that tick (0 to 99), so that an instant reads back exactly and the pair, compared as a row,
/// follows the instant's order. Version 4 added the nanosecond column to holds and journal entries; rows written
/// before it read 0 there, which is the instant they were written as. Version 5 added
/// <c>inventory_require(matched, failure)</c>, which raises the SQLSTATE <c>failure</c> unless exactly one row
/// matched: a write's guards call it, so a guard that fails rolls the whole batch back inside its one round trip.
/// </remarks>
internal static class PostgreSqlSchema
{
    // Every text key uses the "C" collation, so that keys compare and sort ordinally, as the library does.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE positions (
            sku text COLLATE "C" NOT NULL, location text COLLATE "C" NOT NULL,
            on_hand bigint NOT NULL, committed bigint NOT NULL, reserved bigint NOT NULL, damaged bigint NOT NULL,
            quality_control bigint NOT NULL, safety_stock bigint NOT NULL, incoming bigint NOT NULL,
            version bigint NOT NULL, PRIMARY KEY (sku, location));
        CREATE TABLE holds (
            cart_id text COLLATE "C" NOT NULL, line_id text COLLATE "C" NOT NULL,
            sku text COLLATE "C" NOT NULL, location text COLLATE "C" NOT NULL,
            quantity bigint NOT NULL, expires_at bigint NOT NULL, PRIMARY KEY (cart_id, line_id, sku, location));
        CREATE INDEX holds_by_position ON holds (sku, location, expires_at);
        CREATE INDEX holds_by_expiry ON holds (expires_at);
        CREATE TABLE carts (cart_id text COLLATE "C" PRIMARY KEY, version bigint NOT NULL);
        CREATE TABLE orders (order_id text COLLATE "C" PRIMARY KEY);
        CREATE TABLE order_lines (
            order_id text COLLATE "C" NOT NULL, line_id text COLLATE "C" NOT NULL,
            sku text COLLATE "C" NOT NULL, location text COLLATE "C" NOT NULL,
            ordered bigint NOT NULL, fulfilled bigint NOT NULL, cancelled bigint NOT NULL,
            PRIMARY KEY (order_id, line_id, sku, location));
        CREATE TABLE outcomes (
            idempotency_key text COLLATE "C" PRIMARY KEY, fingerprint text NOT NULL,
            first_sequence bigint NOT NULL, entry_count integer NOT NULL);
        CREATE TABLE journal_head (only_row boolean PRIMARY KEY CHECK (only_row), last_sequence bigint NOT NULL);
        INSERT INTO journal_head VALUES (true, 0);
        CREATE TABLE journal (
            sequence bigint PRIMARY KEY, idempotency_key text NOT NULL, kind integer NOT NULL,
            sku text COLLATE "C" NOT NULL, location text COLLATE "C" NOT NULL,
            d_on_hand bigint NOT NULL, d_committed bigint NOT NULL, d_reserved bigint NOT NULL,
            d_damaged bigint NOT NULL, d_quality_control bigint NOT NULL, d_safety_stock bigint NOT NULL,
            d_incoming bigint NOT NULL, quantity bigint NOT NULL, at bigint NOT NULL,
            reference text, reason text, actor text);
        """,
        """
        CREATE TABLE bundle_lines (
            order_id text COLLATE "C" NOT NULL, line_id text COLLATE "C" NOT NULL, bundle text COLLATE "C" NOT NULL,
            quantity bigint NOT NULL, sold_at bigint NOT NULL, sold_at_ns bigint NOT NULL, version_from bigint,
            version_from_ns bigint, version_to bigint, version_to_ns bigint,
            PRIMARY KEY (order_id, line_id));
        CREATE TABLE bundle_line_parts (
            order_id text COLLATE "C" NOT NULL, line_id text COLLATE "C" NOT NULL, part integer NOT NULL,
            ordinal integer NOT NULL, sku text COLLATE "C" NOT NULL, quantity bigint NOT NULL,
            PRIMARY KEY (order_id, line_id, part, ordinal));
        """,
        """
        CREATE TABLE return_lines (
            return_id text COLLATE "C" NOT NULL, line_id text COLLATE "C" NOT NULL,
            sku text COLLATE "C" NOT NULL, location text COLLATE "C" NOT NULL,
            expected bigint NOT NULL, received bigint NOT NULL, released bigint NOT NULL,
            PRIMARY KEY (return_id, line_id, sku, location));
        """,
        """
        ALTER TABLE holds ADD COLUMN expires_at_ns bigint NOT NULL DEFAULT 0;
        ALTER TABLE journal ADD COLUMN at_ns bigint NOT NULL DEFAULT 0;
        DROP INDEX holds_by_position;
        DROP INDEX holds_by_expiry;
        CREATE INDEX holds_by_position ON holds (sku, location, expires_at, expires_at_ns);
        CREATE INDEX holds_by_expiry ON holds (expires_at, expires_at_ns);
        """,
        """
        CREATE FUNCTION inventory_require(matched bigint, failure text) RETURNS boolean LANGUAGE plpgsql AS $$
        BEGIN
            IF matched <> 1 THEN
                RAISE EXCEPTION 'inventory write guard % matched % rows', failure, matched USING ERRCODE = failure;
            END IF;
            RETURN true;
        END $$;
        """,
    ];

    /// <summary>Gets the schema version this code writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Creates or migrates the schema in the connection's current schema, one opener at a time.</summary>
    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(7316001);", cancellationToken)
            .ConfigureAwait(false);
        await ExecuteAsync(
            connection, "CREATE TABLE IF NOT EXISTS inventory_schema (version integer NOT NULL);", cancellationToken)
            .ConfigureAwait(false);
        await using var read = new NpgsqlCommand("SELECT max(version) FROM inventory_schema;", connection);
        var found = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int v ? v : 0;
        if (found > CurrentVersion)
        {
            throw new PostgreSqlSchemaException(found, CurrentVersion);
        }

        for (var version = found; version < CurrentVersion; version++)
        {
            await ExecuteAsync(connection, Migrations[version], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"INSERT INTO inventory_schema VALUES ({version + 1});", cancellationToken)
                .ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
