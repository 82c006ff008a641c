using Inventory.Core.Specification;
using Npgsql;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests use, named by the INVENTORY_POSTGRES connection string (.ci/run starts one on
/// loopback and sets it). Each test works in its own schema, dropped at the end.
/// </summary>
internal sealed class PostgreSqlServer : IDisposable
{
    public const string Variable = "INVENTORY_POSTGRES";

    private readonly List<string> _schemas = [];

    /// <summary>
    /// Gets the server's connection string. Outside CI a missing server skips the test with the reason; in CI
    /// (CI=true), where .ci/run starts the server, a missing one fails the test loudly.
    /// </summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw Missing();

    private static Exception Missing()
    {
        var message = $"These tests need a PostgreSQL server: set {Variable} to an Npgsql connection string "
            + "(`.ci/postgres start` starts a private server on 127.0.0.1 and prints one; .ci/run does this).";

        return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? new InvalidOperationException(message)
            : new StoreCapabilityMissingException(message);
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema.</summary>
    public string NewSchema()
    {
        var schema = "kit_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            command.ExecuteNonQuery();
        }

        _schemas.Add(schema);

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { SearchPath = schema }.ToString();
    }

    public void Dispose()
    {
        if (_schemas.Count == 0)
        {
            return;
        }

        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        foreach (var schema in _schemas)
        {
            using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE;", connection);
            command.ExecuteNonQuery();
        }

        NpgsqlConnection.ClearAllPools();
    }
}
