using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Npgsql;

namespace Inventory.Storage.PostgreSql;

/// <content>Return lines: one row per return, line id and position.</content>
public sealed partial class PostgreSqlInventoryStore
{
    /// <summary>The statement that puts one return line, replacing the line of its return, id and position.</summary>
    private static (string Sql, (string Name, object? Value)[] Parameters) ReturnLineStatement(ReturnLine line) =>
        (
            "INSERT INTO return_lines VALUES (@r, @l, @s, @loc, @e, @rc, @rl) "
            + "ON CONFLICT (return_id, line_id, sku, location) DO UPDATE SET expected = excluded.expected, "
            + "received = excluded.received, released = excluded.released",
            [
                ("r", line.ReturnId), ("l", line.LineId), ("s", line.Key.Sku.Value), ("loc", line.Key.Location.Value),
                ("e", line.Expected), ("rc", line.Received), ("rl", line.Released),
            ]);

    private static async Task<List<ReturnLine>> ReadReturnLinesAsync(
        NpgsqlConnection connection, string returnId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            "SELECT line_id, sku, location, expected, received, released FROM return_lines WHERE return_id = @r "
            + "ORDER BY line_id, sku, location;",
            ("r", returnId));
        var lines = new List<ReturnLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(new ReturnLine(
                returnId,
                reader.GetString(0),
                new PositionKey(new Sku(reader.GetString(1)), new LocationId(reader.GetString(2))),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetInt64(5)));
        }

        return lines;
    }
}
