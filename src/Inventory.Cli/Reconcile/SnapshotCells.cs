using Inventory.Cli.Replay;
using nietras.SeparatedValues;

namespace Inventory.Cli.Reconcile;

/// <summary>The shape every row of a snapshot CSV must have: as many cells as its header names.</summary>
internal static class SnapshotCells
{
    /// <summary>Whether the row is a blank line, which a snapshot may hold and which says nothing.</summary>
    /// <param name="row">The row.</param>
    /// <returns>True for a line with nothing but white space.</returns>
    public static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.Trim().IsEmpty;

    /// <summary>Refuses a row with fewer or more cells than the header names.</summary>
    /// <param name="row">The row.</param>
    /// <param name="expected">The header's number of columns.</param>
    /// <param name="path">The file, for the message.</param>
    /// <exception cref="MalformedRowException">Thrown naming the line and the first missing or extra cell.</exception>
    public static void Require(SepReader.Row row, int expected, string path)
    {
        if (row.ColCount == expected)
        {
            return;
        }

        var column = (Math.Min(row.ColCount, expected) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        throw new MalformedRowException(
            path, row.LineNumberFrom, column, row.Span.ToString(),
            $"expected {expected} cells as the header names, found {row.ColCount}");
    }
}
