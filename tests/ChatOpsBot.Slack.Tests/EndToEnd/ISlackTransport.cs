using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Tests.EndToEnd;

/// <summary>How the test plays Slack towards the bot: signed HTTP requests or Socket Mode envelopes.</summary>
public interface ISlackTransport
{
    /// <summary>Sends a slash command; returns the reply message.</summary>
    Task<JsonNode> CommandAsync(string text, string user);

    /// <summary>Sends an interaction payload; returns the acknowledgement body (null when empty).</summary>
    Task<JsonNode?> InteractAsync(JsonNode payload);
}
