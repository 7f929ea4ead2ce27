using ChatOpsBot.Composition;
using ChatOpsBot.Core.Conversation;

namespace ChatOpsBot.Slack.Tests.Manifest;

public sealed class SlackManifestTests
{
    [Fact]
    public void SlashCommandUsageHint_IsTheGrammar()
    {
        var root = Path.GetDirectoryName(RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found"))!;
        var manifest = File.ReadAllLines(Path.Combine(root, "manifests", "slack", "manifest.yaml"));

        var hint = manifest.Single(l => l.TrimStart().StartsWith("usage_hint:", StringComparison.Ordinal)).Split(':', 2)[1].Trim().Trim('"');

        Assert.Equal(string.Join(" | ", CommandGrammar.Commands.Select(c => c.Usage)), hint);
    }
}
