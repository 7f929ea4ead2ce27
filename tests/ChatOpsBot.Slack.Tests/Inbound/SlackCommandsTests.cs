using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Escaping;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.TestSupport;

namespace ChatOpsBot.Slack.Tests.Inbound;

public sealed class SlackCommandsTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<JsonNode> Command(string text)
    {
        using var response = await _bot.CommandAsync(text);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Theory]
    [InlineData("dance")]
    [InlineData("start 24h 2026-11-28 extra")]
    [InlineData("resume")]
    [InlineData("graph")]
    public async Task UnknownOrMalformed_GetsEphemeralUsage(string text)
    {
        var reply = await Command(text);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("Usage:", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_EchoesTheTextEscaped()
    {
        var reply = await Command("<!channel> <https://evil|click>");
        Assert.Contains("I don't know '&lt;!channel&gt;'", reply["text"]!.GetValue<string>());
        Assert.DoesNotContain("<!channel>", reply["text"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SameCommands.Starts), MemberType = typeof(SameCommands))]
    public async Task Start_TheSameWordsAsTeams_StartTheSameWindow(string text, string from, string to, double hours)
    {
        var reply = await Command(text);

        Assert.Equal("in_channel", reply["response_type"]!.GetValue<string>());
        var run = Assert.Single(await _bot.Runs.ListAsync(5, CancellationToken.None));
        Assert.Contains(run.Id, reply["text"]!.GetValue<string>());
        var settings = (await _bot.RunAsync(run.Id)).Settings;
        Assert.Equal(TimeSpan.FromHours(hours), settings.WindowTo - settings.WindowFrom);
        Assert.Equal(SameCommands.Time(from) ?? settings.WindowFrom, settings.WindowFrom);
        if (SameCommands.Time(to) is { } end) Assert.Equal(end, settings.WindowTo);
        else Assert.InRange(settings.WindowTo, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(("slack", BotHost.Channel), (settings.Channel, settings.ChannelAddress));
    }

    [Theory]
    [MemberData(nameof(SameCommands.Refusals), MemberType = typeof(SameCommands))]
    public async Task Start_TheSameBadWordsAsTeams_AreRefusedInOneLineAndStartNothing(string text, string reason)
    {
        var reply = await Command(text);

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        var lines = reply["text"]!.GetValue<string>().Split('\n');
        Assert.Contains(reason, lines[0]);
        Assert.StartsWith("Usage: `/c2hunt start [since] [until]`", lines[1]);
        Assert.Empty(await _bot.Runs.ListAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task Help_ListsTheGrammar_WithPlaceholdersEscapedSoSlackDoesNotReadThemAsLinks()
    {
        var text = (await Command("help"))["text"]!.GetValue<string>();

        foreach (var syntax in CommandGrammar.Commands) Assert.Contains($"`/c2hunt {SlackText.Escape(syntax.Usage)}`", text);
        Assert.Contains("`/c2hunt resume &lt;run&gt;`", text);
        Assert.Contains("`/c2hunt graph &lt;section&gt; [format]`", text);
        Assert.DoesNotContain("<run>", text);
        Assert.DoesNotContain("<section>", text);
        Assert.Equal(text, (await Command(""))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_StopsTheRun_AndASecondCancelIsRefused()
    {
        var (runId, _, _) = await OpenPrompt.StartAsync(_bot);

        Assert.Contains("is cancelled", (await Command($"cancel {runId}"))["text"]!.GetValue<string>());
        Assert.Equal(RunState.Abandoned, (await _bot.RunAsync(runId)).State);
        Assert.Contains("nothing to cancel", (await Command($"cancel {runId}"))["text"]!.GetValue<string>());
        Assert.Contains("There is no run", (await Command("cancel r-nope"))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartWithBadDuration_IsRefusedAndStartsNothing()
    {
        var reply = await Command("start soon");
        Assert.Contains("not a duration", reply["text"]!.GetValue<string>());
        Assert.Empty(await _bot.Runs.ListAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task Graph_PrintsTheMachineAsMermaid()
    {
        var reply = await Command("graph validation");
        Assert.Contains("stateDiagram", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatusRunsAndResume_DescribeTheRun()
    {
        var (runId, prompt, _) = await OpenPrompt.StartAsync(_bot);

        Assert.Contains(runId, (await Command("runs"))["text"]!.GetValue<string>());
        Assert.Contains("AwaitingAnswer", (await Command($"status {runId}"))["text"]!.GetValue<string>());
        Assert.Contains("There is no run", (await Command("status r-nope"))["text"]!.GetValue<string>());
        var posts = _bot.Slack.CallsTo("chat.update").Count;
        Assert.Contains("Resuming", (await Command($"resume {runId}"))["text"]!.GetValue<string>());
        await Eventually.WaitAsync(() => _bot.Slack.CallsTo("chat.update").Count > posts, "the open prompt shown again");
        Assert.Equal(prompt.Id, (await _bot.RunAsync(runId)).Prompt!.Id);
    }
}
