using nietras.SeparatedValues;

namespace Inventory.Cli.Replay;

/// <summary>
/// Holds every CSV reader to RFC 4180 quoting. The CSV parser joins the text around a misplaced quote into one
/// value (<c>"6"7</c> reads as <c>67</c>), so each row's raw text is checked before any of its values are read.
/// </summary>
internal static class CsvQuoting
{
    private const char Quote = '"';

    /// <summary>Requires each field of the row to be unquoted with no quote inside, or quoted as a whole.</summary>
    /// <exception cref="MalformedRowException">
    /// Thrown on text after a closing quote, a quote inside an unquoted field or a quote left open; the message names
    /// the file, line, field number and character.
    /// </exception>
    public static void Check(SepReader.Row row, char separator, string file)
    {
        var text = row.Span;
        if (text.IndexOf(Quote) >= 0)
        {
            Check(text, (file, row.LineNumberFrom, separator));
        }
    }

    private static void Check(ReadOnlySpan<char> text, (string File, int Line, char Separator) where)
    {
        var separator = where.Separator;
        var (field, fieldStart, i) = (1, 0, 0);
        while (i < text.Length)
        {
            if (text[i] == Quote && i == fieldStart)
            {
                i = ClosingQuote(text, i + 1);
                if (i < 0)
                {
                    throw Bad(text, where, field, fieldStart, fieldStart, "a quote that is never closed");
                }

                if (i + 1 < text.Length && text[i + 1] != separator)
                {
                    throw Bad(text, where, field, fieldStart, i + 1, "text after the closing quote");
                }
            }
            else if (text[i] == Quote)
            {
                throw Bad(
                    text, where, field, fieldStart, i,
                    "a quote inside an unquoted field; quote the whole field and double the quote inside");
            }
            else if (text[i] == separator)
            {
                (field, fieldStart) = (field + 1, i + 1);
            }

            i++;
        }
    }

    /// <summary>Gets the index of the quote closing a field opened before <paramref name="from"/>, or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] != Quote)
            {
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == Quote)
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    private static MalformedRowException Bad(
        ReadOnlySpan<char> text, (string File, int Line, char Separator) where, int field, int fieldStart, int at,
        string problem)
    {
        // A quoted field may hold line breaks, so the fault's line and character count from the last one before it.
        var before = text[..at];
        var breaks = before.Count('\n');
        var lineStart = before.LastIndexOf('\n') + 1;
        var rest = text[(at + 1)..];
        var stop = rest.IndexOfAny(where.Separator, '\r', '\n');
        var value = stop < 0 ? text[fieldStart..] : text[fieldStart..(at + 1 + stop)];

        var character = at - lineStart + 1;

        return new MalformedRowException(
            where.File, where.Line + breaks, $"{field}", value.ToString(), $"{problem} at character {character}");
    }
}
