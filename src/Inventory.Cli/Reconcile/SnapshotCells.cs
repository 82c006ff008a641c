using Inventory.Cli.Replay;
using Inventory.Core.Stock;
using nietras.SeparatedValues;

namespace Inventory.Cli.Reconcile;

/// <summary>The shape every row of a snapshot CSV must have: as many cells as its header names.</summary>
internal static class SnapshotCells
{
    /// <summary>Whether the row is a blank line, which a snapshot may hold and which says nothing.</summary>
    /// <param name="row">The row.</param>
    /// <returns>True for a line with nothing but white space.</returns>
    public static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.Trim().IsEmpty;

    /// <summary>
    /// Reads a location cell (trimmed), sharing each name's <see cref="LocationId"/> between rows: a snapshot names
    /// few locations over many rows. The names kept are bounded, in case a file names a new one on every row.
    /// </summary>
    /// <param name="cell">The cell's text.</param>
    /// <param name="seen">The names read so far in this file.</param>
    /// <returns>The location, or null when the text is no location name.</returns>
    public static LocationId? Location(ReadOnlySpan<char> cell, Dictionary<string, LocationId> seen)
    {
        var text = cell.Trim();
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        if (!LocationId.TryCreate(text.ToString(), out var location))
        {
            return null;
        }

        if (seen.Count < 1024)
        {
            seen.Add(location.Value, location);
        }

        return location;
    }

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
