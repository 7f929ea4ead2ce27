namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Separated-field access within one line (no '\n' inside).</summary>
internal static class Fields
{
    /// <summary>Field <paramref name="index"/> of the line, unquoted for CSV; empty when absent or index &lt; 0.</summary>
    public static ReadOnlySpan<byte> Get(ReadOnlySpan<byte> line, byte separator, int index)
    {
        if (index < 0)
        {
            return default;
        }

        var p = 0;
        for (var f = 0; ; f++)
        {
            var field = Next(line, separator, ref p, out var ok);
            if (!ok)
            {
                return default;
            }

            if (f == index)
            {
                return field;
            }

            if (p > line.Length)
            {
                return default;
            }
        }
    }

    /// <summary>Reads the field starting at <paramref name="p"/> and moves past its separator (beyond the end after the last field).</summary>
    public static ReadOnlySpan<byte> Next(ReadOnlySpan<byte> line, byte separator, scoped ref int p, out bool ok)
    {
        ok = true;
        if (p > line.Length)
        {
            ok = false;
            return default;
        }

        var rest = line[p..];
        if (separator == (byte)',' && rest.Length > 0 && rest[0] == (byte)'"')
        {
            // RFC 4180 quoted field: "" is an escaped quote; the value we need never contains one.
            var i = 1;
            while (true)
            {
                var q = rest[i..].IndexOf((byte)'"');
                if (q < 0)
                {
                    ok = false;
                    return default;
                }

                i += q + 1;
                if (i < rest.Length && rest[i] == (byte)'"')
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i < rest.Length && rest[i] != separator)
            {
                ok = false;
                return default;
            }

            p += i + 1;
            return rest[1..(i - 1)];
        }

        var end = rest.IndexOf(separator);
        if (end < 0)
        {
            p = line.Length + 1;
            return rest;
        }

        p += end + 1;
        return rest[..end];
    }
}
