using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.EndToEnd;

public sealed class SocketTransport(Func<SocketSession> session) : ISlackTransport
{
    public async Task<JsonNode> CommandAsync(string text, string user)
    {
        var ack = await session().SendEnvelopeAsync("slash_commands", SlackPayloads.CommandJson(text, user));
        return ack["payload"] ?? throw new InvalidOperationException("slash command acknowledged without a reply");
    }

    public async Task<JsonNode?> InteractAsync(JsonNode payload) => (await session().SendEnvelopeAsync("interactive", payload))["payload"];
}
