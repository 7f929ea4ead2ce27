using ChatOpsBot.Slack.BlockKit;

namespace ChatOpsBot.Slack.Tests.BlockKit;

public sealed class MrkdwnSplitterTests
{
    [Fact]
    public void Split_LongText_GivesPiecesWithinTheSectionLimit_AndLosesNothing()
    {
        var lines = Enumerable.Range(0, 800).Select(i => $"line {i} &amp; more").ToList();
        var text = string.Join('\n', lines);

        var pieces = MrkdwnSplitter.Split(text);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.True(p.Length <= BlockLimits.MaxSectionText));
        Assert.Equal(lines, pieces.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void Split_OneHugeLine_NeverCutsAnEntity()
    {
        var text = string.Concat(Enumerable.Repeat("ab&amp;", 2000));

        var pieces = MrkdwnSplitter.Split(text);

        Assert.All(pieces, p => Assert.True(p.Length <= BlockLimits.MaxSectionText));
        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces.Skip(1), p => Assert.False(p.StartsWith("amp;", StringComparison.Ordinal) || p.StartsWith("mp;", StringComparison.Ordinal)));
    }
}
