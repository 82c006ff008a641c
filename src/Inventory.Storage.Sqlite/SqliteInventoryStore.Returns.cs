using Inventory.Core.Returns;
using Inventory.Core.Stock;
using Microsoft.Data.Sqlite;

namespace Inventory.Storage.Sqlite;

/// <content>Return lines: one row per return, line id and position.</content>
public sealed partial class SqliteInventoryStore
{
    private static void PutReturnLine(SqliteConnection connection, SqliteTransaction transaction, ReturnLine line) =>
        Execute(
            connection,
            transaction,
            "INSERT OR REPLACE INTO return_lines (return_id, line_id, sku, location, expected, received, released) "
            + "VALUES ($r, $l, $s, $loc, $e, $rc, $rl);",
            ("$r", line.ReturnId),
            ("$l", line.LineId),
            ("$s", line.Key.Sku.Value),
            ("$loc", line.Key.Location.Value),
            ("$e", line.Expected),
            ("$rc", line.Received),
            ("$rl", line.Released));

    private static List<ReturnLine> ReadReturnLines(
        SqliteConnection connection, SqliteTransaction transaction, string returnId)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT line_id, sku, location, expected, received, released FROM return_lines WHERE return_id = $r "
            + "ORDER BY line_id, sku, location;",
            ("$r", returnId));
        var lines = new List<ReturnLine>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
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
