using System.Text.Json;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Where an answer's outcome is told to the person (ephemerally): the interaction's <c>response_url</c> (valid 30 min,
/// from any replica), else an ephemeral message in the channel. Stored with the inbox item as JSON.
/// </summary>
public sealed record SlackReplyRoute(string UserId, string? ResponseUrl, string? Channel)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static SlackReplyRoute? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SlackReplyRoute>(json, Json);
}
