namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// Reads a prefix string, then the rest of another reader. Lets the parsers see what was already consumed while
/// sniffing the format (the first block of the feed; Feodo's commented-out header), without buffering the rest of
/// the feed. Lines are read whole from the other reader once the prefix is used up, not a character at a time.
/// </summary>
internal sealed class PrefixedTextReader(string prefix, TextReader rest) : TextReader
{
    private int _position;

    public override int Peek() => _position < prefix.Length ? prefix[_position] : rest.Peek();

    public override int Read() => _position < prefix.Length ? prefix[_position++] : rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_position >= prefix.Length)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, prefix.Length - _position);
        prefix.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= prefix.Length)
        {
            return rest.ReadAsync(buffer, cancellationToken);
        }

        return new ValueTask<int>(Read(buffer.Span));
    }

    public override string? ReadLine()
    {
        if (_position >= prefix.Length)
        {
            return rest.ReadLine();
        }

        return TakePrefixLine(out var line) ? line : Join(line, rest.ReadLine());
    }

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (_position >= prefix.Length)
        {
            return await rest.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }

        return TakePrefixLine(out var line) ? line : Join(line, await rest.ReadLineAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Takes the prefix's next line: true with the whole line when its end is inside the prefix, false with the
    /// prefix's remainder when the line goes on in the rest.
    /// </summary>
    private bool TakePrefixLine(out string line)
    {
        var remaining = prefix.AsSpan(_position);
        var end = remaining.IndexOfAny('\r', '\n');
        if (end < 0 || (remaining[end] == '\r' && end == remaining.Length - 1))
        {
            // No end yet, or a '\r' as the prefix's last character: the rest may hold its '\n'.
            _position = prefix.Length;
            line = end < 0 ? remaining.ToString() : remaining[..end].ToString();
            if (end >= 0 && rest.Peek() == '\n')
            {
                rest.Read();
            }

            return end >= 0;
        }

        line = remaining[..end].ToString();
        _position += end + (remaining[end] == '\r' && end + 1 < remaining.Length && remaining[end + 1] == '\n' ? 2 : 1);
        return true;
    }

    private static string? Join(string head, string? tail) => tail is null ? (head.Length > 0 ? head : null) : head + tail;
}
