using ChatOpsBot.Connectors.Feeds;

namespace ChatOpsBot.Connectors.Tests.Feeds;

public sealed class FeedLineReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadAsync_ReadsArrivingInPieces_YieldsTheLinesReadLineWould(int piece)
    {
        const string text = "a\r\nbb\rccc\n\r\n\rdddd\n\ne\r";
        var expected = new List<string>();
        using (var reference = new StringReader(text))
        {
            while (reference.ReadLine() is { } line) expected.Add(line);
        }

        var lines = new List<(int Number, string Text)>();
        var last = await FeedLineReader.ReadAsync(new PieceReader(text, piece), 10, (n, l) => lines.Add((n, l.ToString())), CancellationToken.None);

        Assert.Equal(expected, lines.Select(l => l.Text));
        Assert.Equal(Enumerable.Range(11, expected.Count), lines.Select(l => l.Number));
        Assert.Equal(10 + expected.Count, last);
    }

    [Fact]
    public async Task ReadAsync_LineLongerThanTheBuffer_ComesWhole()
    {
        var longLine = new string('x', 200_000);

        var lines = new List<string>();
        await FeedLineReader.ReadAsync(new StringReader($"1.2.3.4\n{longLine}\n5.6.7.8"), 0, (_, l) => lines.Add(l.ToString()), CancellationToken.None);

        Assert.Equal(["1.2.3.4", longLine, "5.6.7.8"], lines);
    }

    /// <summary>Hands out at most <paramref name="piece"/> characters per read, as a network stream may.</summary>
    private sealed class PieceReader(string text, int piece) : TextReader
    {
        private int _at;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            var n = Math.Min(Math.Min(piece, buffer.Length), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(buffer.Span);
            _at += n;
            return ValueTask.FromResult(n);
        }
    }
}
