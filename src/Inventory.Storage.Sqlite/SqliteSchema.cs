using Microsoft.Data.Sqlite;

namespace Inventory.Storage.Sqlite;

/// <summary>The schema, as a list of migrations; the file's <c>user_version</c> says how many have run.</summary>
/// <remarks>
/// Every instant is two columns: whole .NET ticks since the Unix epoch (rounded towards the start of time) and the
/// nanoseconds below that tick (0 to 99), so that an instant reads back exactly and the pair compares in the
/// instant's order. Version 4 added the nanosecond column to holds and journal entries; rows written before it
/// read 0 there, which is the instant they were written as.
/// </remarks>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE positions (
            sku TEXT NOT NULL, location TEXT NOT NULL,
            on_hand INTEGER NOT NULL, committed INTEGER NOT NULL, reserved INTEGER NOT NULL,
            damaged INTEGER NOT NULL, quality_control INTEGER NOT NULL, safety_stock INTEGER NOT NULL,
            incoming INTEGER NOT NULL, version INTEGER NOT NULL,
            PRIMARY KEY (sku, location)) WITHOUT ROWID;
        CREATE TABLE holds (
            cart_id TEXT NOT NULL, line_id TEXT NOT NULL, sku TEXT NOT NULL, location TEXT NOT NULL,
            quantity INTEGER NOT NULL, expires_at INTEGER NOT NULL,
            PRIMARY KEY (cart_id, line_id, sku, location)) WITHOUT ROWID;
        CREATE INDEX holds_by_position ON holds (sku, location, expires_at);
        CREATE INDEX holds_by_expiry ON holds (expires_at);
        CREATE TABLE carts (cart_id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE order_lines (
            order_id TEXT NOT NULL, line_id TEXT NOT NULL, sku TEXT NOT NULL, location TEXT NOT NULL,
            ordered INTEGER NOT NULL, fulfilled INTEGER NOT NULL, cancelled INTEGER NOT NULL,
            PRIMARY KEY (order_id, line_id, sku, location)) WITHOUT ROWID;
        CREATE TABLE outcomes (
            idempotency_key TEXT NOT NULL PRIMARY KEY, fingerprint TEXT NOT NULL,
            first_sequence INTEGER NOT NULL, entry_count INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE journal (
            sequence INTEGER NOT NULL PRIMARY KEY, idempotency_key TEXT NOT NULL, kind INTEGER NOT NULL,
            sku TEXT NOT NULL, location TEXT NOT NULL,
            d_on_hand INTEGER NOT NULL, d_committed INTEGER NOT NULL, d_reserved INTEGER NOT NULL,
            d_damaged INTEGER NOT NULL, d_quality_control INTEGER NOT NULL, d_safety_stock INTEGER NOT NULL,
            d_incoming INTEGER NOT NULL, quantity INTEGER NOT NULL, at INTEGER NOT NULL,
            reference TEXT, reason TEXT, actor TEXT);
        """,
        """
        CREATE TABLE bundle_lines (
            order_id TEXT NOT NULL, line_id TEXT NOT NULL, bundle TEXT NOT NULL, quantity INTEGER NOT NULL,
            sold_at INTEGER NOT NULL, sold_at_ns INTEGER NOT NULL, version_from INTEGER, version_from_ns INTEGER,
            version_to INTEGER, version_to_ns INTEGER,
            PRIMARY KEY (order_id, line_id)) WITHOUT ROWID;
        CREATE TABLE bundle_line_parts (
            order_id TEXT NOT NULL, line_id TEXT NOT NULL, part INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            sku TEXT NOT NULL, quantity INTEGER NOT NULL,
            PRIMARY KEY (order_id, line_id, part, ordinal)) WITHOUT ROWID;
        """,
        """
        CREATE TABLE return_lines (
            return_id TEXT NOT NULL, line_id TEXT NOT NULL, sku TEXT NOT NULL, location TEXT NOT NULL,
            expected INTEGER NOT NULL, received INTEGER NOT NULL, released INTEGER NOT NULL,
            PRIMARY KEY (return_id, line_id, sku, location)) WITHOUT ROWID;
        """,
        """
        ALTER TABLE holds ADD COLUMN expires_at_ns INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE journal ADD COLUMN at_ns INTEGER NOT NULL DEFAULT 0;
        DROP INDEX holds_by_position;
        DROP INDEX holds_by_expiry;
        CREATE INDEX holds_by_position ON holds (sku, location, expires_at, expires_at_ns);
        CREATE INDEX holds_by_expiry ON holds (expires_at, expires_at_ns);
        """,
    ];

    /// <summary>Gets the schema version this code writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Creates or migrates the schema in one write transaction.</summary>
    public static void Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var found = (long)Scalar(connection, transaction, "PRAGMA user_version;")!;
        if (found > CurrentVersion)
        {
            throw new SqliteSchemaException(path, found, CurrentVersion);
        }

        for (var version = (int)found; version < CurrentVersion; version++)
        {
            Execute(connection, transaction, Migrations[version]);
        }

        Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion};");
        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;

        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
