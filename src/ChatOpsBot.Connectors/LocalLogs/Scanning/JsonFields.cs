namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// Finds a key's value in one JSON line by a vectorised search for <c>"key":</c>. The first occurrence wins:
/// Zeek and Suricata write the top-level keys we read before any nested object that could repeat them.
/// </summary>
internal static class JsonFields
{
    /// <summary>The raw value after <paramref name="key"/> (string contents without quotes, or a bare number/literal); empty when absent.</summary>
    public static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key) => Value(line, key, out _);

    public static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key, out bool isString)
    {
        isString = false;
        var at = line.IndexOf(key);
        if (at < 0)
        {
            return default;
        }

        var rest = line[(at + key.Length)..];
        var i = 0;
        while (i < rest.Length && rest[i] == (byte)' ')
        {
            i++;
        }

        rest = rest[i..];
        if (rest.Length == 0)
        {
            return default;
        }

        if (rest[0] == (byte)'"')
        {
            isString = true;
            var close = rest[1..].IndexOf((byte)'"');
            return close < 0 ? default : rest.Slice(1, close);
        }

        var end = rest.IndexOfAny(",} \t\r"u8);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>A string value with its JSON escapes decoded (allocates: for the rare matched line only); null when absent or not a string.</summary>
    public static string? StringValue(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key)
    {
        var at = line.IndexOf(key);
        if (at < 0)
        {
            return null;
        }

        var rest = line[(at + key.Length)..].TrimStart(" "u8);
        if (rest.Length == 0 || rest[0] != (byte)'"')
        {
            return null;
        }

        // The closing quote is the first one not escaped by a backslash.
        var i = 1;
        while (i < rest.Length && rest[i] != (byte)'"')
        {
            i += rest[i] == (byte)'\\' ? 2 : 1;
        }

        if (i >= rest.Length)
        {
            return null;
        }

        var reader = new System.Text.Json.Utf8JsonReader(rest[..(i + 1)]);
        try
        {
            return reader.Read() ? reader.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A non-negative integer value (e.g. Suricata's <c>flow_id</c>); -1 when absent or not one.</summary>
    public static long Int64(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key)
    {
        var value = Value(line, key, out var isString);
        if (isString || value.IsEmpty || value.Length > 18)
        {
            return -1;
        }

        long n = 0;
        foreach (var b in value)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return -1;
            }

            n = (n * 10) + d;
        }

        return n;
    }
}
