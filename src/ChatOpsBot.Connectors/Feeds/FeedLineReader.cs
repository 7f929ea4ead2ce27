using System.Buffers;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// Reads the rest of a feed in blocks and hands each line to a callback as a span: no string per line, so a feed of
/// half a million lines is parsed without half a million short-lived strings. Lines end as with
/// <see cref="TextReader.ReadLine"/>: at '\n', '\r' or "\r\n" (also across two blocks), and a last line needs no end.
/// </summary>
internal static class FeedLineReader
{
    private const int BlockSize = 64 * 1024;

    public delegate void LineHandler(int lineNumber, ReadOnlySpan<char> line);

    /// <summary>Reads every remaining line; <paramref name="lineNumber"/> is the number of lines read before. Returns the last line's number.</summary>
    public static async Task<int> ReadAsync(TextReader reader, int lineNumber, LineHandler handler, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<char>.Shared.Rent(BlockSize);
        var filled = 0;
        var skipLf = false;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // One line longer than the buffer (garbage, most likely): make room for it.
                    var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = larger;
                }

                var n = await reader.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                var final = n == 0;
                filled += n;
                var consumed = Consume(buffer.AsSpan(0, filled), final, ref lineNumber, ref skipLf, handler);
                if (final)
                {
                    return lineNumber;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Hands the whole lines of <paramref name="data"/> (and, when <paramref name="final"/>, the unended last one) to the handler; returns the characters used.</summary>
    private static int Consume(ReadOnlySpan<char> data, bool final, ref int lineNumber, ref bool skipLf, LineHandler handler)
    {
        var position = 0;
        if (skipLf && data.Length > 0)
        {
            // The previous block ended with '\r': a '\n' starting this one belongs to the same line end.
            position = data[0] == '\n' ? 1 : 0;
            skipLf = false;
        }

        while (position < data.Length)
        {
            var end = data[position..].IndexOfAny('\r', '\n');
            if (end < 0)
            {
                if (!final)
                {
                    return position;
                }

                handler(++lineNumber, data[position..]);
                return data.Length;
            }

            handler(++lineNumber, data.Slice(position, end));
            var terminator = data[position + end];
            position += end + 1;
            if (terminator == '\r')
            {
                if (position < data.Length)
                {
                    position += data[position] == '\n' ? 1 : 0;
                }
                else
                {
                    skipLf = true;
                }
            }
        }

        return position;
    }
}
