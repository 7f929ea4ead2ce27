using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.EndToEnd;

/// <summary>The whole demo playbook driven as Slack would drive it, over HTTP and over Socket Mode.</summary>
public sealed class SlackEndToEndTests
{
    [Fact]
    public async Task DemoRun_OverSignedHttp_EndsResolvedWithFindingsInTheChannel()
    {
        await using var bot = await BotHost.StartAsync();

        var run = await DemoAnalyst.PlayAsync(bot, new HttpTransport(bot));

        AssertResolvedWithFindings(bot, run);
    }

    [Fact]
    public async Task DemoRun_OverSocketMode_EndsResolvedWithFindingsInTheChannel()
    {
        await using var bot = await BotHost.StartAsync(socketMode: true);
        var session = await bot.Slack.Sessions.Reader.ReadAsync();

        var run = await DemoAnalyst.PlayAsync(bot, new SocketTransport(() => session));

        AssertResolvedWithFindings(bot, run);
        Assert.All(bot.Slack.CallsTo("apps.connections.open"), c => Assert.Equal("Bearer xapp-test-token", c.Authorization));
    }

    private static void AssertResolvedWithFindings(BotHost bot, PlaybookRun run)
    {
        Assert.Equal(RunState.Resolved, run.State);
        var posts = bot.Slack.CallsTo("chat.postMessage");
        Assert.All(posts, p => Assert.Equal(BotHost.Channel, p.Json!["channel"]!.GetValue<string>()));
        Assert.All(posts, p => Assert.Equal("Bearer xoxb-test-token", p.Authorization));
        // Every confirmed C2 IP of the run was reported in the channel.
        var channelText = string.Join('\n', bot.Slack.Calls.Where(c => c.Method is "chat.postMessage" or "chat.update").Select(c => c.Body));
        Assert.NotEmpty(run.RemoteIps);
        foreach (var ip in run.RemoteIps) Assert.Contains(ip.Ip, channelText);
        // Answered prompts were updated in place: no buttons left, who answered is shown.
        var closures = bot.Slack.CallsTo("chat.update").Where(c => c.Body.Contains("white_check_mark", StringComparison.Ordinal)).ToList();
        Assert.Equal(run.ClosedPrompts.Count, closures.Select(c => c.Json!["ts"]!.GetValue<string>()).Distinct().Count());
        Assert.All(closures, c => Assert.DoesNotContain("\"actions\"", c.Body));
        Assert.Contains(closures, c => c.Text.Contains($"<@{BotHost.Approver}>", StringComparison.Ordinal));
        // The demo's few hits are all on screen, so no CSV goes out: files only when a message hides rows.
        Assert.True(run.Hits.Count <= 20);
        Assert.Empty(bot.Slack.CallsTo("upload"));
        Assert.Empty(bot.Slack.CallsTo("files.completeUploadExternal"));
        AssertOneThread(bot);
    }

    /// <summary>
    /// A run is one thread: its root (the live status card) and the few broadcast findings are all the channel shows at
    /// its top level; prompts, answers and step results are replies in the root's thread; no prompt repeats the
    /// title of the one before it (each names its subject).
    /// </summary>
    private static void AssertOneThread(BotHost bot)
    {
        var messages = bot.Slack.Messages.Where(m => m.Channel == BotHost.Channel).ToList();
        var root = Assert.Single(messages, m => m.ThreadTs is null);
        Assert.StartsWith("root:", root.Key, StringComparison.Ordinal);
        Assert.All(messages.Where(m => m != root), m => Assert.Equal(root.Ts, m.ThreadTs));
        var topLevel = messages.Count(m => m.TopLevel);
        Assert.InRange(topLevel, 2, 8);
        Assert.Contains(messages, m => m.Broadcast && m.Key!.EndsWith(":hunt:hits", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Broadcast && m.Key!.EndsWith(":closure:summary", StringComparison.Ordinal));
        Assert.All(messages.Where(m => m.Key!.StartsWith("prompt:", StringComparison.Ordinal)), m => Assert.False(m.Broadcast));
        // The status card ends on the run's outcome, not on a passing progress note.
        Assert.Contains("resolved", root.Text + root.Blocks?.ToJsonString(), StringComparison.Ordinal);
        var titles = bot.Slack.CallsTo("chat.postMessage").Where(c => c.Json?["metadata"]?["event_payload"]?["key"]?.GetValue<string>().StartsWith("prompt:", StringComparison.Ordinal) == true)
            .Select(c => c.Json!["text"]!.GetValue<string>()).ToList();
        Assert.True(titles.Count >= 5, string.Join('\n', titles));
        for (var i = 1; i < titles.Count; i++) Assert.NotEqual(titles[i - 1], titles[i]);
    }
}
