using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Events API: answers <c>url_verification</c>; reads <c>app_mention</c> and direct messages as commands and replies in
/// the conversation. Slack retries an event it thinks failed (<c>X-Slack-Retry-Num</c>), so each <c>event_id</c> is
/// claimed once in the channel state store; a claim whose processing failed may be taken again by a retry.
/// </summary>
public sealed partial class SlackEventHandler(
    SlackCommandHandler commands,
    IChannelStateStore state,
    SlackWebApiClient slack,
    SlackBackgroundQueue background,
    ILogger<SlackEventHandler> logger)
{
    private const string Processing = "processing";
    private const string Done = "done";
    private const string Failed = "failed";

    /// <summary>Handles one Events API body; returns the JSON to answer with (null: empty 200).</summary>
    public async Task<JsonObject?> HandleAsync(JsonNode body, int? retryNum, CancellationToken cancellationToken)
    {
        switch (body["type"]?.GetValue<string>())
        {
            case "url_verification":
                return new JsonObject { ["challenge"] = body["challenge"]?.GetValue<string>() ?? "" };
            case "event_callback":
                break;
            default:
                return null;
        }
        var eventId = body["event_id"]?.GetValue<string>();
        var ev = body["event"];
        if (eventId is null || ev is null) return null;
        if (!await ClaimAsync(eventId, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Slack event {EventId} already handled (retry {RetryNum})", eventId, retryNum);
            return null;
        }
        background.Enqueue($"event {eventId}", async ct =>
        {
            try
            {
                await ProcessAsync(ev, ct).ConfigureAwait(false);
                await state.SetAsync(SlackChannelState, Key(eventId), Done, ct).ConfigureAwait(false);
            }
            catch
            {
                await state.SetAsync(SlackChannelState, Key(eventId), Failed, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        });
        return null;
    }

    private const string SlackChannelState = Channel.SlackChatChannel.ChannelName;

    private static string Key(string eventId) => $"event:{eventId}";

    private async Task<bool> ClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        if (await state.TryAddAsync(SlackChannelState, Key(eventId), Processing, cancellationToken).ConfigureAwait(false)) return true;
        if (await state.GetAsync(SlackChannelState, Key(eventId), cancellationToken).ConfigureAwait(false) != Failed) return false;
        await state.SetAsync(SlackChannelState, Key(eventId), Processing, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task ProcessAsync(JsonNode ev, CancellationToken cancellationToken)
    {
        var type = ev["type"]?.GetValue<string>();
        var isDm = type == "message" && ev["channel_type"]?.GetValue<string>() == "im";
        // Never answer bots (ourselves included) or message edits: that way lie loops.
        if (type != "app_mention" && !isDm) return;
        if (ev["bot_id"] is not null || ev["subtype"] is not null) return;
        var user = ev["user"]?.GetValue<string>();
        var channel = ev["channel"]?.GetValue<string>();
        if (user is null || channel is null) return;
        var text = Mention().Replace(ev["text"]?.GetValue<string>() ?? "", "").Trim();
        var reply = await commands.HandleAsync(new SlashCommand(text, user, user, channel, null, null), cancellationToken).ConfigureAwait(false);
        var threadTs = type == "app_mention" ? ev["thread_ts"]?.GetValue<string>() ?? ev["ts"]?.GetValue<string>() : null;
        await slack.PostMessageAsync(channel, reply["text"]?.GetValue<string>() ?? "", null, threadTs, cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
