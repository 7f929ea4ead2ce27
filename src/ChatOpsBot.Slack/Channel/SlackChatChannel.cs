using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.BlockKit;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Channel;

/// <summary>
/// Slack as a chat channel where a run is one thread: its root in the run's SOC channel is a live status card (updated
/// in place by progress and after every message), prompts and step results are replies in its thread, and only the
/// findings Core marks as broadcast (hits, incident opened, run closed) also show in the channel (<c>reply_broadcast</c>).
/// Prompt messages are updated once answered. Which message shows what is kept in the channel state store (the
/// ledger), so a retried delivery updates instead of posting twice. Every post carries
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
    private readonly MessageLedger _ledger = new(state, ChannelName);

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
        if (notification.Placement == NotificationPlacement.Status)
        {
            await ShowStatusAsync(notification, channel, delivery, cancellationToken).ConfigureAwait(false);
            return;
        }
        var root = await RootAsync(notification.RunId, channel, delivery, cancellationToken).ConfigureAwait(false);
        var rendered = NotificationBlocks.Render(notification, options.Value.MaxTableRows);
        var broadcast = notification.Placement == NotificationPlacement.Broadcast;
        // Entries written before the ledger held the ts alone: the run's channel completes them.
        var entry = LedgerEntry.Notification(notification.Key);
        var posted = await _ledger.FindAsync(entry, cancellationToken, defaultConversation: channel).ConfigureAwait(false);
        if (posted is null && await RecoverAsync(entry, channel, root.Ts, delivery, cancellationToken).ConfigureAwait(false) is { } recovered)
        {
            posted = new PostedMessage(recovered.Channel, recovered.Ts);
            await _ledger.RecordAsync(entry, posted, cancellationToken).ConfigureAwait(false);
        }
        if (posted is null)
        {
            var ts = await slack.PostMessageAsync(channel, rendered.Fallback, rendered.Blocks, root.Ts, broadcast, Metadata(entry, delivery), cancellationToken)
                .ConfigureAwait(false);
            if (delivery is not null) await delivery.RecordPlatformIdAsync($"{channel} {ts}", cancellationToken).ConfigureAwait(false);
            await _ledger.RecordAsync(entry, new PostedMessage(channel, ts), cancellationToken).ConfigureAwait(false);
        }
        // A file only when the message hides rows (a list without a table is all hidden): a CSV of rows already on screen is noise.
        var file = notification.Table is null ? notification.Attachment
            : !rendered.Truncated ? null
            : notification.Attachment ?? new NotificationFile($"{Safe(notification.Key)}.csv", "text/csv", NotificationBlocks.Csv(notification.Table));
        if (file is not null && await _ledger.FindFileAsync(LedgerEntry.File(notification.Key), cancellationToken).ConfigureAwait(false) is null)
        {
            var fileId = await slack.UploadFileAsync(channel, root.Ts, file.FileName, file.Content, file.FileName, null, cancellationToken).ConfigureAwait(false);
            await _ledger.RecordFileAsync(LedgerEntry.File(notification.Key), fileId, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Run {RunId}: uploaded {FileName} ({Bytes} bytes) to Slack", notification.RunId, file.FileName, file.Content.Length);
        }
        await RefreshStatusAsync(notification.RunId, root, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task AskAsync(Prompt prompt, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var channel = await AddressAsync(prompt.RunId, cancellationToken).ConfigureAwait(false);
        var root = await RootAsync(prompt.RunId, channel, delivery, cancellationToken).ConfigureAwait(false);
        await UpsertAsync(LedgerEntry.Prompt(prompt.Id), channel, root.Ts, PromptBlocks.Fallback(prompt), PromptBlocks.Open(prompt), delivery, cancellationToken).ConfigureAwait(false);
        await RefreshStatusAsync(prompt.RunId, root, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task PromptClosedAsync(PromptClosure closure, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var channel = await AddressAsync(closure.Prompt.RunId, cancellationToken).ConfigureAwait(false);
        var root = await RootAsync(closure.Prompt.RunId, channel, delivery, cancellationToken).ConfigureAwait(false);
        await UpsertAsync(LedgerEntry.Prompt(closure.Prompt.Id), channel, root.Ts, PromptBlocks.Fallback(closure.Prompt), PromptBlocks.Closed(closure), delivery, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Progress goes on the run's status card (the thread's root), updated in place. Passing progress shown outside the
    /// outbox (no delivery) only updates a card already there: the root is posted by the run's outbox messages alone,
    /// which are delivered one at a time in order, so two replicas never post it at once.
    /// </summary>
    private async Task ShowStatusAsync(Notification notification, string channel, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var entry = LedgerEntry.Root(notification.RunId);
        var view = await ViewAsync(notification.RunId, notification.Title, cancellationToken).ConfigureAwait(false);
        if (delivery is null)
        {
            if (await FindRootAsync(notification.RunId, cancellationToken).ConfigureAwait(false) is { } shown)
                await slack.UpdateMessageAsync(shown.Conversation, shown.MessageId, StatusBlocks.Fallback(view), StatusBlocks.Render(view), Metadata(entry, null), cancellationToken)
                    .ConfigureAwait(false);
            return;
        }
        await UpsertAsync(entry, channel, null, StatusBlocks.Fallback(view), StatusBlocks.Render(view), delivery, cancellationToken, LegacyRootKey(notification.RunId))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The run's root message (its status card), posted first when the run has none yet. Runs started before threads
    /// keep their status message (ledger key <c>status:{run}</c>) as root. An attempt whose predecessor may have posted
    /// the root without recording it looks it up in the channel's history first.
    /// </summary>
    private async Task<(string Channel, string Ts)> RootAsync(string runId, string channel, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var entry = LedgerEntry.Root(runId);
        if (await FindRootAsync(runId, cancellationToken).ConfigureAwait(false) is { } stored) return (stored.Conversation, stored.MessageId);
        if (delivery is { PreviousOutcomeUnknown: true }
            && await FindAsync(entry, channel, null, delivery, cancellationToken).ConfigureAwait(false) is { } found)
        {
            await _ledger.RecordAsync(entry, new PostedMessage(channel, found), cancellationToken).ConfigureAwait(false);
            return (channel, found);
        }
        var view = await ViewAsync(runId, null, cancellationToken).ConfigureAwait(false);
        // Not recorded in the claim (that holds the delivered message itself): the metadata finds it again instead.
        var ts = await slack.PostMessageAsync(channel, StatusBlocks.Fallback(view), StatusBlocks.Render(view), null, Metadata(entry, null), cancellationToken)
            .ConfigureAwait(false);
        await _ledger.RecordAsync(entry, new PostedMessage(channel, ts), cancellationToken).ConfigureAwait(false);
        return (channel, ts);
    }

    private Task<PostedMessage?> FindRootAsync(string runId, CancellationToken cancellationToken) =>
        _ledger.FindAsync(LedgerEntry.Root(runId), cancellationToken, null, LegacyRootKey(runId));

    // Before runs were threads, the run's status message was kept under this key.
    private static string LegacyRootKey(string runId) => $"status:{runId}";

    // After a message that may change the counts or what waits on whom, the card shows the run as saved now.
    private async Task RefreshStatusAsync(string runId, (string Channel, string Ts) root, string? activity, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(runId, activity, cancellationToken).ConfigureAwait(false);
        await slack.UpdateMessageAsync(root.Channel, root.Ts, StatusBlocks.Fallback(view), StatusBlocks.Render(view), Metadata(LedgerEntry.Root(runId), null), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<RunStatusView> ViewAsync(string runId, string? activity, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        return run is null
            ? new RunStatusView { RunId = runId, Title = "C2 hunt", Section = "-", State = "unknown", Window = "-", Activity = activity }
            : RunStatusViews.Build(run, activity);
    }

    /// <summary>Updates the message stored under <paramref name="key"/>, or posts it (in the thread of <paramref name="threadTs"/>) and remembers where.</summary>
    private async Task UpsertAsync(LedgerEntry entry, string channel, string? threadTs, string fallback, JsonArray blocks, ChatDelivery? delivery,
        CancellationToken cancellationToken, params IEnumerable<string> legacyKeys)
    {
        var stored = await _ledger.FindAsync(entry, cancellationToken, null, legacyKeys).ConfigureAwait(false);
        if (stored is null && await RecoverAsync(entry, channel, threadTs, delivery, cancellationToken).ConfigureAwait(false) is { } recovered)
        {
            stored = new PostedMessage(recovered.Channel, recovered.Ts);
            await _ledger.RecordAsync(entry, stored, cancellationToken).ConfigureAwait(false);
        }
        if (stored is not null)
        {
            await slack.UpdateMessageAsync(stored.Conversation, stored.MessageId, fallback, blocks, Metadata(entry, delivery), cancellationToken).ConfigureAwait(false);
            return;
        }
        var posted = await slack.PostMessageAsync(channel, fallback, blocks, threadTs, false, Metadata(entry, delivery), cancellationToken).ConfigureAwait(false);
        // The claim first: should the ledger write fail, the next attempt finds the post there instead of posting again.
        if (delivery is not null) await delivery.RecordPlatformIdAsync($"{channel} {posted}", cancellationToken).ConfigureAwait(false);
        await _ledger.RecordAsync(entry, new PostedMessage(channel, posted), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The message an earlier attempt posted under <paramref name="key"/> without writing the ledger: from the claim,
    /// or, when the earlier outcome is unknown, from the channel's history (or the thread of <paramref name="threadTs"/>)
    /// by its metadata. Null when there is none.
    /// </summary>
    private async Task<(string Channel, string Ts)?> RecoverAsync(LedgerEntry key, string channel, string? threadTs, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        if (delivery is null) return null;
        if (delivery.RecordedPlatformId?.Split(' ') is [var recordedChannel, var recordedTs]) return (recordedChannel, recordedTs);
        if (!delivery.PreviousOutcomeUnknown) return null;
        if (await FindAsync(key, channel, threadTs, delivery, cancellationToken).ConfigureAwait(false) is { } ts)
        {
            await delivery.RecordPlatformIdAsync($"{channel} {ts}", cancellationToken).ConfigureAwait(false);
            return (channel, ts);
        }
        delivery.NotPostedBefore();
        return null;
    }

    /// <summary>
    /// Looks for the bot's message posted under <paramref name="key"/> since the delivery's first attempt: in the
    /// channel's history (top-level messages), or in the thread of <paramref name="threadTs"/> (history does not list
    /// thread replies). Null when it is not there or cannot be looked up.
    /// </summary>
    private async Task<string?> FindAsync(LedgerEntry key, string channel, string? threadTs, ChatDelivery delivery, CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var page = 0; page < LookupPages; page++)
        {
            IReadOnlyList<JsonObject> messages;
            string? next;
            var oldest = delivery.FirstAttemptAt - LookupMargin;
            try
            {
                (messages, next) = threadTs is null
                    ? await slack.HistoryAsync(channel, oldest, cursor, cancellationToken).ConfigureAwait(false)
                    : await slack.RepliesAsync(channel, threadTs, oldest, cursor, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException e) when (!e.MayHaveBeenDelivered && e.StatusCode is null)
            {
                // Slack refuses to show the history (missing_scope without channels:history, not_in_channel): a message
                // that cannot be looked up is posted again rather than never: the at-least-once case.
                logger.LogWarning("Run {RunId}: cannot look {Key} up in the channel's history ({Error}); posting it, which may show it twice",
                    delivery.RunId, delivery.Key, e.Error);
                return null;
            }
            var found = messages.FirstOrDefault(m => m["metadata"]?["event_type"]?.GetValue<string>() == MetadataEventType
                && m["metadata"]?["event_payload"]?["key"]?.GetValue<string>() == key.Key);
            if (found?["ts"]?.GetValue<string>() is { } ts)
            {
                logger.LogWarning("Run {RunId}: {Key} was posted by an earlier attempt that did not record it (found {Ts} in the channel's history); not posting it again",
                    delivery.RunId, key, ts);
                return ts;
            }
            if (next is null) return null;
            cursor = next;
        }
        return null;
    }

    // Slack message metadata: the ledger key finds the message again; the outbox key and sequence show what posted it.
    private static JsonObject Metadata(LedgerEntry key, ChatDelivery? delivery)
    {
        var payload = new JsonObject { ["key"] = key.Key };
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
