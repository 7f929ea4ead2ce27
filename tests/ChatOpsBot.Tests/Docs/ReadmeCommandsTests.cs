using System.Text.RegularExpressions;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.Docs;

/// <summary>README's one command table is the grammar Slack and Teams parse with, and both "Use it" sections point to it.</summary>
public sealed partial class ReadmeCommandsTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

    [Fact]
    public void The_chat_command_table_lists_exactly_the_grammars_commands_in_order()
    {
        var section = Readme[Readme.IndexOf("## Chat commands (Slack and Teams)", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        var usages = Row().Matches(section).Select(m => m.Groups["usage"].Value).ToList();

        Assert.Equal(CommandGrammar.Commands.Select(c => c.Usage), usages);
    }

    [Theory]
    [InlineData("## Connect to Slack")]
    [InlineData("## Connect to Teams")]
    public void Each_channels_use_it_section_points_to_the_one_table(string channel)
    {
        var section = Readme[Readme.IndexOf(channel, StringComparison.Ordinal)..];
        var useIt = section[section.IndexOf("Use it", StringComparison.Ordinal)..];
        useIt = useIt[..useIt.IndexOf("\n## ", StringComparison.Ordinal)];

        Assert.Contains("](#chat-commands-slack-and-teams)", useIt, StringComparison.Ordinal);
        Assert.Contains("start 24h 2026-11-28T00:00Z", useIt, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| `(?<usage>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
