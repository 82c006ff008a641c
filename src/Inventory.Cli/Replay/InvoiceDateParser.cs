using NodaTime;

namespace Inventory.Cli.Replay;

/// <summary>
/// Parses invoice dates written as <c>yyyy-MM-dd HH:mm:ss</c> or <c>yyyy-MM-dd HH:mm</c>, reading the wall time as
/// UTC. Consecutive rows of one invoice repeat the same text, so the last result is kept.
/// </summary>
internal sealed class InvoiceDateParser
{
    private readonly char[] _last = new char[19];
    private int _lastLength;
    private Instant _lastInstant;

    public bool TryParse(ReadOnlySpan<char> text, out Instant instant)
    {
        if (_lastLength > 0 && text.SequenceEqual(_last.AsSpan(0, _lastLength)))
        {
            instant = _lastInstant;
            return true;
        }

        if (!TryParseUncached(text, out instant))
        {
            return false;
        }

        text.CopyTo(_last);
        _lastLength = text.Length;
        _lastInstant = instant;

        return true;
    }

    private static bool TryParseUncached(ReadOnlySpan<char> text, out Instant instant)
    {
        instant = default;
        if ((text.Length != 19 && text.Length != 16)
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':'
            || (text.Length == 19 && text[16] != ':'))
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month)
            || !TryDigits(text[8..10], out var day) || !TryDigits(text[11..13], out var hour)
            || !TryDigits(text[14..16], out var minute))
        {
            return false;
        }

        var second = 0;
        if (text.Length == 19 && !TryDigits(text[17..19], out second))
        {
            return false;
        }

        if (!IsValid(year, month, day, hour, minute, second))
        {
            return false;
        }

        instant = new LocalDateTime(year, month, day, hour, minute, second).InUtc().ToInstant();

        return true;
    }

    private static bool IsValid(int year, int month, int day, int hour, int minute, int second) =>
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
        && hour < 24 && minute < 60 && second < 60;

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
