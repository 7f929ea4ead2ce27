using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>Message payloads for slash-command replies and <c>response_url</c>.</summary>
public static class SlackReplies
{
    public static JsonObject Ephemeral(string mrkdwn) => new() { ["response_type"] = "ephemeral", ["replace_original"] = false, ["text"] = mrkdwn };

    public static JsonObject InChannel(string mrkdwn) => new() { ["response_type"] = "in_channel", ["text"] = mrkdwn };
}
