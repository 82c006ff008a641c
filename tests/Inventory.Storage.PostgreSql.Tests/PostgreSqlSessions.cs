using Npgsql;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>
/// Side connections the failure tests use to hold locks, watch the store's backends in pg_stat_activity and cancel
/// or end them. Each store under test gets its own application name, so its backends can be told apart.
/// </summary>
internal static class PostgreSqlSessions
{
    /// <summary>
    /// Gets a connection string for a store with a one-connection pool and its own application name, so that every
    /// call of the store reuses the same server session and that session can be found.
    /// </summary>
    public static string SingleConnection(string connectionString, string applicationName) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = applicationName,
            MaxPoolSize = 1,
        }.ToString();

    /// <summary>Opens a connection that is not pooled with the store's.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Waits until the store's backend is waiting on a lock and returns its process id; fails after a generous
    /// number of polls, so a store that never blocks fails the test instead of hanging it.
    /// </summary>
    public static async Task<int> BlockedBackendAsync(NpgsqlConnection watcher, string applicationName)
    {
        for (var poll = 0; poll < 1500; poll++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE application_name = @app AND wait_event_type = 'Lock'",
                watcher);
            command.Parameters.AddWithValue("app", applicationName);
            if (await command.ExecuteScalarAsync() is int pid)
            {
                return pid;
            }

            await Task.Delay(10);
        }

        throw new InvalidOperationException($"No backend of '{applicationName}' ever waited on a lock.");
    }

    /// <summary>Gets the states of the store's backends (for example 'idle' or 'idle in transaction').</summary>
    public static async Task<List<string>> StatesAsync(NpgsqlConnection watcher, string applicationName)
    {
        await using var command = new NpgsqlCommand(
            "SELECT state FROM pg_stat_activity WHERE application_name = @app ORDER BY pid", watcher);
        command.Parameters.AddWithValue("app", applicationName);
        var states = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            states.Add(reader.GetString(0));
        }

        return states;
    }
}
