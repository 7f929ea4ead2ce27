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
}
