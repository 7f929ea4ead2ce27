using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>Payloads shaped like Slack's: slash-command forms, block_actions, view_submission, Events API bodies.</summary>
public static class SlackPayloads
{
    public static string CommandForm(string text, string user, string responseUrl) => new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["token"] = "deprecated-verification-token", ["team_id"] = "T0001", ["team_domain"] = "soc", ["channel_id"] = BotHost.Channel,
        ["channel_name"] = "soc", ["user_id"] = user, ["user_name"] = user.ToLowerInvariant(), ["command"] = "/c2hunt", ["text"] = text,
        ["response_url"] = responseUrl, ["trigger_id"] = "1111.2222.trigger",
    }).ReadAsStringAsync().GetAwaiter().GetResult();

    public static JsonObject CommandJson(string text, string user) => new()
    {
        ["team_id"] = "T0001", ["channel_id"] = BotHost.Channel, ["user_id"] = user, ["user_name"] = user.ToLowerInvariant(),
        ["command"] = "/c2hunt", ["text"] = text, ["trigger_id"] = "1111.2222.trigger",
    };

    public static string InteractionForm(JsonNode payload) =>
        new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }).ReadAsStringAsync().GetAwaiter().GetResult();

    public static JsonObject BlockAction(string user, string actionId, string value, string responseUrl, string messageTs = "1764288000.000001") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = "T0001" },
        ["api_app_id"] = "A0001",
        ["trigger_id"] = $"trigger-{Guid.NewGuid():N}",
        ["team"] = new JsonObject { ["id"] = "T0001" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = BotHost.Channel },
        ["channel"] = new JsonObject { ["id"] = BotHost.Channel, ["name"] = "soc" },
        ["response_url"] = responseUrl,
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "b", ["value"] = value, ["action_ts"] = "1764288001.000001",
        }),
    };

    public static JsonObject ViewSubmission(string user, string privateMetadata, string? text) => new()
    {
        ["type"] = "view_submission",
        ["trigger_id"] = $"trigger-{Guid.NewGuid():N}",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant() },
        ["team"] = new JsonObject { ["id"] = "T0001" },
        ["view"] = new JsonObject
        {
            ["id"] = "V0001", ["type"] = "modal", ["callback_id"] = "c2hunt_text_answer", ["private_metadata"] = privateMetadata,
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject { ["answer"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } } },
            },
        },
    };

    public static JsonObject Event(string eventId, JsonObject ev) => new()
    {
        ["token"] = "deprecated", ["team_id"] = "T0001", ["api_app_id"] = "A0001", ["type"] = "event_callback",
        ["event_id"] = eventId, ["event_time"] = 1764288000, ["event"] = ev,
    };

    public static JsonObject Mention(string user, string text, string ts = "1764288000.000100") => new()
    {
        ["type"] = "app_mention", ["user"] = user, ["text"] = $"<@UBOT> {text}", ["ts"] = ts, ["channel"] = BotHost.Channel, ["event_ts"] = ts,
    };
}
