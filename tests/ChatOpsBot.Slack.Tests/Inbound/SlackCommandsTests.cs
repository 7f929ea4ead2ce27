using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Tests.TestSupport;

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
        Assert.Contains("&lt;!channel&gt; &lt;https://evil|click&gt;", reply["text"]!.GetValue<string>());
        Assert.DoesNotContain("<!channel>", reply["text"]!.GetValue<string>());
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
