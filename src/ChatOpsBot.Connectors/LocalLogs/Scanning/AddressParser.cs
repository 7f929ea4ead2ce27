namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Parses textual addresses straight from UTF-8 bytes into integers, without allocating.</summary>
internal static class AddressParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out IpAddr address)
    {
        if (TryParseV4(text, out var v4))
        {
            address = IpAddr.V4(v4);
            return true;
        }

        if (text.IndexOf((byte)':') >= 0 && TryParseV6(text, out var v6))
        {
            address = IpAddr.V6(v6);
            return true;
        }

        address = default;
        return false;
    }

    /// <summary>Strict dotted quad: four decimal parts of 1-3 digits, each at most 255.</summary>
    public static bool TryParseV4(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        var i = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= text.Length || text[i] != (byte)'.')
                {
                    return false;
                }

                i++;
            }

            uint octet = 0;
            var digits = 0;
            while (i < text.Length && digits < 4)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9)
                {
                    break;
                }

                octet = (octet * 10) + d;
                digits++;
                i++;
            }

            if (digits == 0 || digits > 3 || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
        }

        return i == text.Length;
    }

    /// <summary>RFC 4291 text: up to eight hex groups, one <c>::</c>, optional trailing dotted quad; no zone id.</summary>
    public static bool TryParseV6(ReadOnlySpan<byte> text, out UInt128 value)
    {
        value = 0;
        if (text.Length < 2 || text.Length > 45)
        {
            return false;
        }

        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;
        if (text[0] == (byte)':')
        {
            if (text[1] != (byte)':')
            {
                return false;
            }

            gap = 0;
            i = 2;
            if (i == text.Length)
            {
                return true;
            }
        }

        while (i < text.Length)
        {
            // An embedded IPv4 tail (e.g. ::ffff:1.2.3.4) takes two groups.
            var next = text[i..].IndexOfAny((byte)':', (byte)'.');
            if (next >= 0 && text[i + next] == (byte)'.')
            {
                if (count > 6 || !TryParseV4(text[i..], out var tail))
                {
                    return false;
                }

                groups[count++] = (ushort)(tail >> 16);
                groups[count++] = (ushort)tail;
                i = text.Length;
                break;
            }

            uint group = 0;
            var digits = 0;
            while (i < text.Length && text[i] != (byte)':')
            {
                var h = HexValue(text[i]);
                if (h < 0 || ++digits > 4)
                {
                    return false;
                }

                group = (group << 4) | (uint)h;
                i++;
            }

            if (digits == 0 || count == 8)
            {
                return false;
            }

            groups[count++] = (ushort)group;
            if (i == text.Length)
            {
                break;
            }

            i++; // the ':'
            if (i < text.Length && text[i] == (byte)':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = count;
                i++;
                if (i == text.Length)
                {
                    break;
                }
            }
            else if (i == text.Length)
            {
                return false; // trailing single ':'
            }
        }

        if (gap < 0 ? count != 8 : count > 7)
        {
            return false;
        }

        UInt128 result = 0;
        var fill = 8 - count;
        for (int g = 0, src = 0; g < 8; g++)
        {
            ushort v = 0;
            if (gap >= 0 && g >= gap && g < gap + fill)
            {
                v = 0;
            }
            else
            {
                v = groups[src++];
            }

            result = (result << 16) | v;
        }

        value = result;
        return true;
    }

    private static int HexValue(byte b)
    {
        var d = b - '0';
        if ((uint)d <= 9)
        {
            return d;
        }

        var l = (b | 0x20) - 'a';
        return (uint)l <= 5 ? l + 10 : -1;
    }
}
