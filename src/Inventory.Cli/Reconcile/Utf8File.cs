using System.Text;
using Inventory.Cli.Replay;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Checks that a text file is valid UTF-8 before a CSV reader decodes it: a decoder would otherwise turn a bad byte
/// into a replacement character without a word, and a SKU read that way is silently another SKU.
/// </summary>
internal static class Utf8File
{
    private const int BlockSize = 1 << 20;

    /// <summary>Reads the file once; a file with a UTF-16 or UTF-32 byte order mark is left to its reader.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="MalformedRowException">Thrown naming the line and column of the first invalid byte.</exception>
    public static void RequireValid(string path)
    {
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var block = new byte[BlockSize];
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var (offset, line, lineStart) = (0L, 1, 0L);
        int read;
        while ((read = stream.Read(block)) > 0)
        {
            if (offset == 0 && StartsWithWideByteOrderMark(block.AsSpan(0, read)))
            {
                return;
            }

            try
            {
                decoder.GetCharCount(block, 0, read, flush: false);
            }
            catch (DecoderFallbackException ex)
            {
                var at = Math.Clamp(ex.Index, 0, read);
                Throw(path, block.AsSpan(0, at), offset + at, line, lineStart);
            }

            (line, lineStart) = Lines(block.AsSpan(0, read), offset, line, lineStart);
            offset += read;
        }

        try
        {
            decoder.GetCharCount([], 0, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            Throw(path, [], offset, line, lineStart);
        }
    }

    private static void Throw(string path, ReadOnlySpan<byte> before, long position, int line, long lineStart)
    {
        (line, lineStart) = Lines(before, position - before.Length, line, lineStart);
        var column = (position - lineStart + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        throw new MalformedRowException(
            path, line, column, string.Empty, "expected UTF-8 text; the byte at this column starts no valid character");
    }

    /// <summary>Counts the line feeds of a block: the line number after it and where that line starts.</summary>
    private static (int Line, long LineStart) Lines(ReadOnlySpan<byte> block, long offset, int line, long lineStart)
    {
        var at = block.IndexOf((byte)'\n');
        while (at >= 0)
        {
            line++;
            lineStart = offset + at + 1;
            var next = block[(at + 1)..].IndexOf((byte)'\n');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return (line, lineStart);
    }

    private static bool StartsWithWideByteOrderMark(ReadOnlySpan<byte> head) =>
        head.StartsWith((byte[])[0xFF, 0xFE]) || head.StartsWith((byte[])[0xFE, 0xFF])
        || head.StartsWith((byte[])[0, 0, 0xFE, 0xFF]);
}
