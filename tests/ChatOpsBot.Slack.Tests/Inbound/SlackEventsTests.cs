using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.Inbound;

public sealed class SlackEventsTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task UrlVerification_IsAnsweredWithTheChallenge()
    {
        using var response = await _bot.PostSignedAsync("slack/events",
            """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mention_RetriedBySlack_IsProcessedOnce()
    {
        var first = SlackPayloads.Event("Ev0001", SlackPayloads.Mention(BotHost.Approver, "help", ts: "1764288000.000100")).ToJsonString();

        using (var response = await _bot.PostSignedAsync("slack/events", first, "application/json")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitAsync(() => Replies("1764288000.000100") == 1, "the reply to the mention");
        for (var retry = 1; retry <= 3; retry++)
            using (var response = await _bot.PostSignedAsync("slack/events", first, "application/json", retryNum: retry)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A later, different event is answered: once it is, the retries before it have been handled (or dropped).
        var other = SlackPayloads.Event("Ev0002", SlackPayloads.Mention(BotHost.Approver, "runs", ts: "1764288000.000200")).ToJsonString();
        using (await _bot.PostSignedAsync("slack/events", other, "application/json")) { }
        await Eventually.WaitAsync(() => Replies("1764288000.000200") == 1, "the reply to the second mention");

        Assert.Equal(1, Replies("1764288000.000100"));
        var reply = _bot.Slack.CallsTo("chat.postMessage").Single(c => c.Json!["thread_ts"]?.GetValue<string>() == "1764288000.000100");
        Assert.Contains("/c2hunt start", reply.Json!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageFromABot_IsIgnored()
    {
        var ev = SlackPayloads.Mention(BotHost.Approver, "help", ts: "1764288000.000300");
        ev["bot_id"] = "B0001";
        using (await _bot.PostSignedAsync("slack/events", SlackPayloads.Event("Ev0003", ev).ToJsonString(), "application/json")) { }
        using (await _bot.PostSignedAsync("slack/events", SlackPayloads.Event("Ev0004", SlackPayloads.Mention(BotHost.Approver, "help", ts: "1764288000.000400")).ToJsonString(), "application/json")) { }

        await Eventually.WaitAsync(() => Replies("1764288000.000400") == 1, "the reply to the human");
        Assert.Equal(0, Replies("1764288000.000300"));
    }

    private int Replies(string threadTs) =>
        _bot.Slack.CallsTo("chat.postMessage").Count(c => c.Json!["thread_ts"]?.GetValue<string>() == threadTs);
}
