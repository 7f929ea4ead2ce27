namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Parses log timestamps from UTF-8 bytes into UTC ticks (100 ns since 0001-01-01), fractions truncated to 7 digits.</summary>
internal static class TimestampParser
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly long MaxEpochSeconds = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TicksPerSecond;

    /// <summary>Epoch seconds with an optional fraction, e.g. <c>1700000000.123456</c>.</summary>
    public static bool TryParseEpoch(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        long seconds = 0;
        var i = 0;
        while (i < text.Length)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9)
            {
                break;
            }

            if (i >= 12)
            {
                return false;
            }

            seconds = (seconds * 10) + d;
            i++;
        }

        if (i == 0 || seconds > MaxEpochSeconds)
        {
            return false;
        }

        long fraction = 0;
        if (i < text.Length)
        {
            if (text[i] != (byte)'.')
            {
                return false;
            }

            i++;
            var fracDigits = 0;
            var start = i;
            while (i < text.Length)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9)
                {
                    return false;
                }

                if (fracDigits < 7)
                {
                    fraction = (fraction * 10) + d;
                    fracDigits++;
                }

                i++;
            }

            if (i == start)
            {
                return false;
            }

            for (; fracDigits < 7; fracDigits++)
            {
                fraction *= 10;
            }
        }

        ticks = UnixEpochTicks + (seconds * TicksPerSecond) + fraction;
        return ticks <= DateTime.MaxValue.Ticks;
    }

    /// <summary>ISO-8601 / RFC 3339: <c>yyyy-MM-dd(T| )HH:mm:ss[.f+][Z|±HH:mm|±HHmm]</c>; no offset means UTC.</summary>
    public static bool TryParseIso(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.Length < 19 || text[4] != (byte)'-' || text[7] != (byte)'-' || (text[10] != (byte)'T' && text[10] != (byte)' ' && text[10] != (byte)'t')
            || text[13] != (byte)':' || text[16] != (byte)':')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            var start = i;
            var fracDigits = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (fracDigits < 7)
                {
                    fraction = (fraction * 10) + (text[i] - '0');
                    fracDigits++;
                }

                i++;
            }

            if (i == start)
            {
                return false;
            }

            for (; fracDigits < 7; fracDigits++)
            {
                fraction *= 10;
            }
        }

        long offsetTicks = 0;
        if (i < text.Length)
        {
            var sign = text[i];
            if (sign is (byte)'Z' or (byte)'z')
            {
                i++;
            }
            else if (sign is (byte)'+' or (byte)'-')
            {
                var rest = text[(i + 1)..];
                int oh, om;
                if (rest.Length == 5 && rest[2] == (byte)':' && Digits(rest[..2], out oh) && Digits(rest.Slice(3, 2), out om))
                {
                }
                else if (rest.Length == 4 && Digits(rest[..2], out oh) && Digits(rest.Slice(2, 2), out om))
                {
                }
                else if (rest.Length == 2 && Digits(rest, out oh))
                {
                    om = 0;
                }
                else
                {
                    return false;
                }

                if (oh > 14 || om > 59)
                {
                    return false;
                }

                offsetTicks = ((oh * 60L) + om) * TimeSpan.TicksPerMinute * (sign == (byte)'-' ? -1 : 1);
                i = text.Length;
            }
            else
            {
                return false;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        ticks = local - offsetTicks;
        return ticks >= 0 && ticks <= DateTime.MaxValue.Ticks;
    }

    /// <summary>Epoch seconds or ISO-8601, whichever the text is.</summary>
    public static bool TryParseAny(ReadOnlySpan<byte> text, out long ticks) =>
        text.Length >= 19 && text[4] == (byte)'-' ? TryParseIso(text, out ticks) : TryParseEpoch(text, out ticks);

    /// <summary>Unsigned decimal count; anything else (Zeek's <c>-</c>, <c>(empty)</c>) reads as 0.</summary>
    public static long CountOrZero(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > 18)
        {
            return 0;
        }

        long value = 0;
        foreach (var b in text)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return 0;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }
}
