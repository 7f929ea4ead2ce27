namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// Reads a prefix string, then the rest of another reader. Lets CsvHelper see a header we already consumed while
/// sniffing the format (Feodo comments its header out), without buffering the rest of the feed.
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
}
