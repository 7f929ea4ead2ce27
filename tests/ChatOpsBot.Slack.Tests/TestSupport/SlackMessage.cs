using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>
/// A message the fake Slack accepted: where, its ts, what it shows now, the metadata it carries, and, for a thread
/// reply, its thread's ts and whether it was also shown in the channel (<c>reply_broadcast</c>).
/// </summary>
public sealed record SlackMessage(string Channel, string Ts, string Text, JsonArray? Blocks, JsonObject? Metadata, string? ThreadTs = null, bool Broadcast = false)
{
    /// <summary>Shown at the top level of the channel: not a thread reply, or a reply broadcast to the channel.</summary>
    public bool TopLevel => ThreadTs is null || Broadcast;

    /// <summary>The <c>event_payload.key</c> of the metadata (what the bot posted it as), if any.</summary>
    public string? Key => Metadata?["event_payload"]?["key"]?.GetValue<string>();

    /// <summary>The outbox sequence number the bot put in the metadata, if any.</summary>
    public long? Seq => Metadata?["event_payload"]?["seq"]?.GetValue<long>();
}
