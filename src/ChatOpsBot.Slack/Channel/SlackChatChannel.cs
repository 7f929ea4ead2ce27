using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.BlockKit;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Channel;

/// <summary>
/// Slack as a chat channel: findings and prompts go to the run's SOC channel, prompt messages are updated once
/// answered, progress updates one status message per run in place. Which message shows what is kept in the
/// channel state store (the ledger), so a retried delivery updates instead of posting twice. Every post carries
/// message metadata naming its ledger key; when an earlier attempt may have posted without recording it (its replica
/// died, or Slack failed with a 5xx), the message is looked up in the channel's history before it is posted again.
/// Any Web API failure throws: the engine's outbox keeps the message and retries it.
/// </summary>
public sealed class SlackChatChannel(
    SlackWebApiClient slack,
    IChannelStateStore state,
    IRunStore runs,
    IOptions<SlackOptions> options,
    ILogger<SlackChatChannel> logger) : ITrackedChatChannel
{
    public const string ChannelName = "slack";

    /// <summary>The <c>event_type</c> of the metadata on every message the bot posts.</summary>
    public const string MetadataEventType = "chatopsbot_message";

    // Slack's clock and ours may differ; a lookup starts this much before the message's first attempt.
    private static readonly TimeSpan LookupMargin = TimeSpan.FromMinutes(5);
    private const int LookupPages = 10;
    private readonly ConcurrentDictionary<string, string> _addresses = new(StringComparer.Ordinal);

    public string Name => ChannelName;

    public Task DeliverAsync(OutboxMessage message, ChatDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind switch
        {
            OutboxKind.Notify => NotifyAsync(message.Notification!, delivery, cancellationToken),
            OutboxKind.Ask => AskAsync(message.Prompt!, delivery, cancellationToken),
            OutboxKind.PromptClosed => PromptClosedAsync(message.Closure!, delivery, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken) => NotifyAsync(notification, null, cancellationToken);

    public Task AskAsync(Prompt prompt, CancellationToken cancellationToken) => AskAsync(prompt, null, cancellationToken);

    public Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken) => PromptClosedAsync(closure, null, cancellationToken);

    private async Task NotifyAsync(Notification notification, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var channel = await AddressAsync(notification.RunId, cancellationToken).ConfigureAwait(false);
        var rendered = NotificationBlocks.Render(notification, options.Value.MaxTableRows);
        if (notification.Kind == NotificationKind.Progress)
        {
            await UpsertAsync($"status:{notification.RunId}", channel, rendered.Fallback, rendered.Blocks, delivery, cancellationToken).ConfigureAwait(false);
            return;
        }
        // This ledger entry holds the ts alone (entries written before it held more are read the same way).
        var postedKey = $"notify:{notification.Key}";
        var ts = await state.GetAsync(ChannelName, postedKey, cancellationToken).ConfigureAwait(false);
        if (ts is null && await RecoverAsync(postedKey, channel, delivery, cancellationToken).ConfigureAwait(false) is { } recovered)
        {
            ts = recovered.Ts;
            await state.SetAsync(ChannelName, postedKey, ts, cancellationToken).ConfigureAwait(false);
        }
        if (ts is null)
        {
            ts = await slack.PostMessageAsync(channel, rendered.Fallback, rendered.Blocks, null, Metadata(postedKey, delivery), cancellationToken).ConfigureAwait(false);
            if (delivery is not null) await delivery.RecordPlatformIdAsync($"{channel} {ts}", cancellationToken).ConfigureAwait(false);
            await state.SetAsync(ChannelName, postedKey, ts, cancellationToken).ConfigureAwait(false);
        }
        // A file only when the message hides rows (a list without a table is all hidden): a CSV of rows already on screen is noise.
        var file = notification.Table is null ? notification.Attachment
            : !rendered.Truncated ? null
            : notification.Attachment ?? new NotificationFile($"{Safe(notification.Key)}.csv", "text/csv", NotificationBlocks.Csv(notification.Table));
        if (file is null) return;
        var fileKey = $"file:{notification.Key}";
        if (await state.GetAsync(ChannelName, fileKey, cancellationToken).ConfigureAwait(false) is not null) return;
        var fileId = await slack.UploadFileAsync(channel, ts, file.FileName, file.Content, file.FileName, null, cancellationToken).ConfigureAwait(false);
        await state.SetAsync(ChannelName, fileKey, fileId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Run {RunId}: uploaded {FileName} ({Bytes} bytes) to Slack", notification.RunId, file.FileName, file.Content.Length);
    }

    private async Task AskAsync(Prompt prompt, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var channel = await AddressAsync(prompt.RunId, cancellationToken).ConfigureAwait(false);
        await UpsertAsync($"prompt:{prompt.Id}", channel, PromptBlocks.Fallback(prompt), PromptBlocks.Open(prompt), delivery, cancellationToken).ConfigureAwait(false);
    }

    private async Task PromptClosedAsync(PromptClosure closure, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var channel = await AddressAsync(closure.Prompt.RunId, cancellationToken).ConfigureAwait(false);
        await UpsertAsync($"prompt:{closure.Prompt.Id}", channel, PromptBlocks.Fallback(closure.Prompt), PromptBlocks.Closed(closure), delivery, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Updates the message stored under <paramref name="key"/>, or posts it and remembers where.</summary>
    private async Task UpsertAsync(string key, string channel, string fallback, JsonArray blocks, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync(ChannelName, key, cancellationToken).ConfigureAwait(false);
        if (stored is null && await RecoverAsync(key, channel, delivery, cancellationToken).ConfigureAwait(false) is { } recovered)
        {
            stored = $"{recovered.Channel} {recovered.Ts}";
            await state.SetAsync(ChannelName, key, stored, cancellationToken).ConfigureAwait(false);
        }
        if (stored?.Split(' ') is [var storedChannel, var ts])
        {
            await slack.UpdateMessageAsync(storedChannel, ts, fallback, blocks, Metadata(key, delivery), cancellationToken).ConfigureAwait(false);
            return;
        }
        var posted = await slack.PostMessageAsync(channel, fallback, blocks, null, Metadata(key, delivery), cancellationToken).ConfigureAwait(false);
        // The claim first: should the ledger write fail, the next attempt finds the post there instead of posting again.
        if (delivery is not null) await delivery.RecordPlatformIdAsync($"{channel} {posted}", cancellationToken).ConfigureAwait(false);
        await state.SetAsync(ChannelName, key, $"{channel} {posted}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The message an earlier attempt posted under <paramref name="key"/> without writing the ledger: from the claim,
    /// or, when the earlier outcome is unknown, from the channel's history by its metadata. Null when there is none.
    /// </summary>
    private async Task<(string Channel, string Ts)?> RecoverAsync(string key, string channel, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        if (delivery is null) return null;
        if (delivery.RecordedPlatformId?.Split(' ') is [var recordedChannel, var recordedTs]) return (recordedChannel, recordedTs);
        if (!delivery.PreviousOutcomeUnknown) return null;
        string? cursor = null;
        for (var page = 0; page < LookupPages; page++)
        {
            IReadOnlyList<JsonObject> messages;
            string? next;
            try
            {
                (messages, next) = await slack.HistoryAsync(channel, delivery.FirstAttemptAt - LookupMargin, cursor, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException e) when (!e.MayHaveBeenDelivered && e.StatusCode is null)
            {
                // Slack refuses to show the history (missing_scope without channels:history, not_in_channel): a message
                // that cannot be looked up is posted again rather than never: the at-least-once case.
                logger.LogWarning("Run {RunId}: cannot look {Key} up in the channel's history ({Error}); posting it, which may show it twice",
                    delivery.RunId, delivery.Key, e.Error);
                break;
            }
            var found = messages.FirstOrDefault(m => m["metadata"]?["event_type"]?.GetValue<string>() == MetadataEventType
                && m["metadata"]?["event_payload"]?["key"]?.GetValue<string>() == key);
            if (found?["ts"]?.GetValue<string>() is { } ts)
            {
                logger.LogWarning("Run {RunId}: {Key} was posted by an earlier attempt that did not record it (found {Ts} in the channel's history); not posting it again",
                    delivery.RunId, delivery.Key, ts);
                await delivery.RecordPlatformIdAsync($"{channel} {ts}", cancellationToken).ConfigureAwait(false);
                return (channel, ts);
            }
            if (next is null) break;
            cursor = next;
        }
        delivery.NotPostedBefore();
        return null;
    }

    // Slack message metadata: the ledger key finds the message again; the outbox key and sequence show what posted it.
    private static JsonObject Metadata(string key, ChatDelivery? delivery)
    {
        var payload = new JsonObject { ["key"] = key };
        if (delivery is not null)
        {
            payload["run_id"] = delivery.RunId;
            payload["outbox_key"] = delivery.Key;
            payload["seq"] = delivery.Sequence;
        }
        return new JsonObject { ["event_type"] = MetadataEventType, ["event_payload"] = payload };
    }

    private async Task<string> AddressAsync(string runId, CancellationToken cancellationToken)
    {
        if (_addresses.TryGetValue(runId, out var cached)) return cached;
        var run = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        var address = run?.Settings.ChannelAddress is { Length: > 0 } a ? a : options.Value.Channel!;
        _addresses[runId] = address;
        return address;
    }

    private static string Safe(string key) => new(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
