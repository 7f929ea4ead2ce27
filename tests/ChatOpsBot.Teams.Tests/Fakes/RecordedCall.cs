using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Tests.Fakes;

/// <summary>One request the bot made to the fake Bot Connector.</summary>
internal sealed record RecordedCall(string Method, string Path, string? ConversationId, string? Authorization, JsonNode? Body)
{
    /// <summary>The Adaptive Card in the activity's first attachment, if any.</summary>
    public JsonObject? Card => Body?["attachments"]?[0]?["content"] as JsonObject;

    public string CardText => Card?.ToJsonString() ?? "";
}
