using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Slack.BlockKit;

namespace ChatOpsBot.Slack.Tests.BlockKit;

public sealed class NotificationBlocksTests
{
    private static Notification Hits(int rows) => new()
    {
        RunId = "r-1", Section = PlaybookSection.InitialCompromise, Kind = NotificationKind.Finding, Key = "r-1:hits", Title = "C2 traffic",
        Table = new DataTable(["host", "remote IP", "connections", "last seen"],
            Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[i == 1 ? "ws-a<b>" : $"ws-{i}", $"185.220.101.{i}", $"{i * 7}", "2026-11-27 14:05Z"]).ToList()),
    };

    [Fact]
    public void Table_IsAnAlignedCodeBlock_NotPipeSeparatedMrkdwn()
    {
        var section = NotificationBlocks.Render(Hits(3), 10).Blocks
            .Select(b => b!["text"]?["text"]?.GetValue<string>()).Single(t => t?.StartsWith("```", StringComparison.Ordinal) == true)!;

        var lines = section.Split('\n')[1..^1];
        Assert.Equal(4, lines.Length);
        Assert.DoesNotContain(" | ", section, StringComparison.Ordinal);
        // Columns start at the same place on every line (the escaped "<" and ">" count as one character each on screen).
        var onScreen = lines.Select(l => l.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)).ToList();
        var ipColumn = onScreen[1].IndexOf("185.", StringComparison.Ordinal);
        Assert.All(onScreen.Skip(1), l => Assert.Equal(ipColumn, l.IndexOf("185.", StringComparison.Ordinal)));
        Assert.Equal(ipColumn, onScreen[0].IndexOf("remote IP", StringComparison.Ordinal));
        Assert.Contains("ws-a&lt;b&gt;", section, StringComparison.Ordinal);
    }

    [Fact]
    public void AllRowsShown_SaysNothingAboutMoreRows()
    {
        var rendered = NotificationBlocks.Render(Hits(3), 10);

        Assert.False(rendered.Truncated);
        Assert.DoesNotContain("not shown", rendered.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HiddenRows_AreCounted()
    {
        var rendered = NotificationBlocks.Render(Hits(12), 10);

        Assert.True(rendered.Truncated);
        Assert.Contains("2 more not shown", rendered.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Context_UsesTheFriendlySectionName()
    {
        var blocks = NotificationBlocks.Render(Hits(1), 10).Blocks;

        Assert.Equal("Initial compromise · run r-1", blocks.Last()!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("InitialCompromise", blocks.ToJsonString(), StringComparison.Ordinal);
    }
}
