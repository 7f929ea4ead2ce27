using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>
/// The fake Slack's channels: what <c>chat.postMessage</c> accepted (top-level or in a thread), changed by
/// <c>chat.update</c>, read back by <c>conversations.history</c> and <c>conversations.replies</c> the way Slack's
/// documentation describes those methods (history lists parent messages only; replies lists one thread).
/// </summary>
internal sealed class SlackChannels
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 999;
    private readonly List<SlackMessage> _messages = [];
    private readonly List<AcceptedCall> _accepted = [];
    private readonly Lock _sync = new();

    public IReadOnlyList<SlackMessage> All()
    {
        lock (_sync) return _messages.ToList();
    }

    public IReadOnlyList<AcceptedCall> Accepted()
    {
        lock (_sync) return _accepted.ToList();
    }

    public JsonObject Post(JsonNode body, string ts)
    {
        var channel = body["channel"]?.GetValue<string>();
        if (string.IsNullOrEmpty(channel)) return Error("channel_not_found");
        if (!TryMetadata(body, out var metadata)) return Error("invalid_metadata_format");
        var threadTs = body["thread_ts"]?.GetValue<string>();
        var message = new SlackMessage(channel, ts, body["text"]?.GetValue<string>() ?? "", body["blocks"]?.DeepClone().AsArray(), metadata,
            threadTs, threadTs is not null && body["reply_broadcast"]?.GetValue<bool>() == true);
        lock (_sync)
        {
            _messages.Add(message);
            Note("chat.postMessage", message);
        }
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["message"] = Render(message, withMetadata: false) };
    }

    public JsonObject Update(JsonNode body)
    {
        var channel = body["channel"]?.GetValue<string>();
        var ts = body["ts"]?.GetValue<string>();
        if (!TryMetadata(body, out var metadata)) return Error("invalid_metadata_format");
        lock (_sync)
        {
            var index = _messages.FindIndex(m => m.Channel == channel && m.Ts == ts);
            if (index < 0) return Error("message_not_found");
            _messages[index] = _messages[index] with
            {
                Text = body["text"]?.GetValue<string>() ?? _messages[index].Text,
                Blocks = body["blocks"]?.DeepClone().AsArray() ?? _messages[index].Blocks,
                Metadata = metadata ?? _messages[index].Metadata,
            };
            Note("chat.update", _messages[index] with { Metadata = metadata });
        }
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = body["text"]?.GetValue<string>() };
    }

    /// <summary>
    /// <c>conversations.history</c>: the channel's top-level messages (thread replies only when broadcast), newest first;
    /// <c>oldest</c>/<c>latest</c> exclusive unless <c>inclusive</c>; cursor pages.
    /// </summary>
    public JsonObject History(Dictionary<string, string> form) => Page(form, m => m.TopLevel, newestFirst: true);

    /// <summary><c>conversations.replies</c>: the thread of <c>ts</c> (its root first, then the replies, oldest first), same paging.</summary>
    public JsonObject Replies(Dictionary<string, string> form)
    {
        var ts = form.GetValueOrDefault("ts");
        if (string.IsNullOrEmpty(ts)) return Error("invalid_arguments");
        lock (_sync)
            if (!_messages.Any(m => m.Channel == form.GetValueOrDefault("channel") && m.Ts == ts)) return Error("thread_not_found");
        return Page(form, m => m.Ts == ts || m.ThreadTs == ts, newestFirst: false);
    }

    private JsonObject Page(Dictionary<string, string> form, Func<SlackMessage, bool> listed, bool newestFirst)
    {
        if (!form.TryGetValue("channel", out var channel) || channel.Length == 0) return Error("channel_not_found");
        var oldest = Number(form.GetValueOrDefault("oldest"), 0m);
        var latest = Number(form.GetValueOrDefault("latest"), decimal.MaxValue);
        var inclusive = form.GetValueOrDefault("inclusive") is "true" or "1";
        var limit = Math.Clamp((int)Number(form.GetValueOrDefault("limit"), DefaultLimit), 1, MaxLimit);
        var withMetadata = form.GetValueOrDefault("include_all_metadata") is "true" or "1";
        var skip = 0;
        if (form.TryGetValue("cursor", out var cursor) && cursor.Length > 0)
        {
            try
            {
                skip = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Replace("next_ts:", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return Error("invalid_cursor");
            }
        }
        List<SlackMessage> matching;
        lock (_sync)
        {
            var inWindow = _messages.Where(m => m.Channel == channel && listed(m))
                .Where(m => inclusive ? Number(m.Ts, 0) >= oldest && Number(m.Ts, 0) <= latest : Number(m.Ts, 0) > oldest && Number(m.Ts, 0) < latest);
            matching = (newestFirst ? inWindow.OrderByDescending(m => Number(m.Ts, 0)) : inWindow.OrderBy(m => Number(m.Ts, 0))).ToList();
        }
        var page = matching.Skip(skip).Take(limit).ToList();
        var hasMore = skip + page.Count < matching.Count;
        var next = hasMore ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"next_ts:{(skip + page.Count).ToString(CultureInfo.InvariantCulture)}")) : "";
        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray(page.Select(m => (JsonNode)Render(m, withMetadata)).ToArray()),
            ["has_more"] = hasMore,
            ["pin_count"] = 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }

    // Calls that carried the bot's outbox metadata: which outbox message reached Slack, and when (in order).
    private void Note(string method, SlackMessage message)
    {
        if (message.Metadata?["event_payload"] is { } payload && payload["run_id"]?.GetValue<string>() is { } runId && message.Seq is { } seq)
            _accepted.Add(new AcceptedCall(method, runId, seq, message.Key ?? ""));
    }

    private static JsonObject Render(SlackMessage m, bool withMetadata)
    {
        var json = new JsonObject
        {
            ["type"] = "message", ["user"] = "UBOT0001", ["bot_id"] = "BBOT0001", ["app_id"] = "A0001", ["text"] = m.Text, ["ts"] = m.Ts,
            ["team"] = "T0001",
        };
        if (m.Blocks is not null) json["blocks"] = m.Blocks.DeepClone();
        if (m.ThreadTs is not null) json["thread_ts"] = m.ThreadTs;
        if (withMetadata && m.Metadata is not null) json["metadata"] = m.Metadata.DeepClone();
        return json;
    }

    // Slack requires both fields of message metadata when metadata is sent at all.
    private static bool TryMetadata(JsonNode body, out JsonObject? metadata)
    {
        metadata = null;
        if (body["metadata"] is not { } node) return true;
        if (node is not JsonObject o || o["event_type"]?.GetValue<string>() is not { Length: > 0 } || o["event_payload"] is not JsonObject) return false;
        metadata = (JsonObject)o.DeepClone();
        return true;
    }

    private static decimal Number(string? text, decimal fallback) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}
