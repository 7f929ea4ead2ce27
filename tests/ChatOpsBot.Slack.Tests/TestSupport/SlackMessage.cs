using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>A message the fake Slack accepted: where, its ts, what it shows now, and the metadata it carries.</summary>
public sealed record SlackMessage(string Channel, string Ts, string Text, JsonArray? Blocks, JsonObject? Metadata)
{
    /// <summary>The <c>event_payload.key</c> of the metadata (what the bot posted it as), if any.</summary>
    public string? Key => Metadata?["event_payload"]?["key"]?.GetValue<string>();

    /// <summary>The outbox sequence number the bot put in the metadata, if any.</summary>
    public long? Seq => Metadata?["event_payload"]?["seq"]?.GetValue<long>();
}
