using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.EndToEnd;

public sealed class HttpTransport(BotHost bot) : ISlackTransport
{
    public async Task<JsonNode> CommandAsync(string text, string user)
    {
        using var response = await bot.CommandAsync(text, user);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<JsonNode?> InteractAsync(JsonNode payload)
    {
        using var response = await bot.InteractAsync(payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }
}
