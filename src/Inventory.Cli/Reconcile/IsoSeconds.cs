using System.Text.Json;
using NodaTime;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Reads the commonest instant form of an event log, <c>yyyy-MM-ddTHH:mm:ssZ</c>, without a pattern engine; any
/// other form (fractions of a second, out-of-range fields) is left to NodaTime's ISO pattern.
/// </summary>
internal static class IsoSeconds
{
    /// <summary>Reads the current string token when it is unescaped and of the common form.</summary>
    /// <remarks>The reader is taken by reference: it is a large struct, and copying it per field cost more than
    /// the parse itself.</remarks>
    public static bool TryParse(ref Utf8JsonReader reader, out Instant instant)
    {
        instant = default;

        return !reader.ValueIsEscaped && !reader.HasValueSequence && TryParse(reader.ValueSpan, out instant);
    }

    public static bool TryParse(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (text.Length != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':'
            || text[16] != ':' || text[19] != 'Z')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute)
            || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23
            || minute > 59 || second > 59)
        {
            return false;
        }

        instant = Instant.FromUtc(year, month, day, hour, minute, second);

        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
