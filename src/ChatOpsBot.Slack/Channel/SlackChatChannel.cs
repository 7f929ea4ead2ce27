using System.Collections.Concurrent;
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
/// channel state store, so a retried delivery updates instead of posting twice. Any Web API failure throws: the
/// engine's outbox keeps the message and retries it.
/// </summary>
public sealed class SlackChatChannel(
    SlackWebApiClient slack,
    IChannelStateStore state,
    IRunStore runs,
    IOptions<SlackOptions> options,
    ILogger<SlackChatChannel> logger) : IChatChannel
{
    public const string ChannelName = "slack";
    private readonly ConcurrentDictionary<string, string> _addresses = new(StringComparer.Ordinal);

    public string Name => ChannelName;

    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        var channel = await AddressAsync(notification.RunId, cancellationToken).ConfigureAwait(false);
        var rendered = NotificationBlocks.Render(notification, options.Value.MaxTableRows);
        if (notification.Kind == NotificationKind.Progress)
        {
            await UpsertAsync($"status:{notification.RunId}", channel, rendered.Fallback, rendered.Blocks, cancellationToken).ConfigureAwait(false);
            return;
        }
        var postedKey = $"notify:{notification.Key}";
        var ts = await state.GetAsync(ChannelName, postedKey, cancellationToken).ConfigureAwait(false);
        if (ts is null)
        {
            ts = await slack.PostMessageAsync(channel, rendered.Fallback, rendered.Blocks, null, cancellationToken).ConfigureAwait(false);
            await state.SetAsync(ChannelName, postedKey, ts, cancellationToken).ConfigureAwait(false);
        }
        var file = notification.Attachment;
        if (file is null && rendered.Truncated && notification.Table is { } table)
            file = new NotificationFile($"{Safe(notification.Key)}.csv", "text/csv", NotificationBlocks.Csv(table));
        if (file is null) return;
        var fileKey = $"file:{notification.Key}";
        if (await state.GetAsync(ChannelName, fileKey, cancellationToken).ConfigureAwait(false) is not null) return;
        var fileId = await slack.UploadFileAsync(channel, ts, file.FileName, file.Content, file.FileName, null, cancellationToken).ConfigureAwait(false);
        await state.SetAsync(ChannelName, fileKey, fileId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Run {RunId}: uploaded {FileName} ({Bytes} bytes) to Slack", notification.RunId, file.FileName, file.Content.Length);
    }

    public async Task AskAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        var channel = await AddressAsync(prompt.RunId, cancellationToken).ConfigureAwait(false);
        await UpsertAsync($"prompt:{prompt.Id}", channel, PromptBlocks.Fallback(prompt), PromptBlocks.Open(prompt), cancellationToken).ConfigureAwait(false);
    }

    public async Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken)
    {
        var channel = await AddressAsync(closure.Prompt.RunId, cancellationToken).ConfigureAwait(false);
        await UpsertAsync($"prompt:{closure.Prompt.Id}", channel, PromptBlocks.Fallback(closure.Prompt), PromptBlocks.Closed(closure), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Updates the message stored under <paramref name="key"/>, or posts it and remembers where.</summary>
    private async Task UpsertAsync(string key, string channel, string fallback, System.Text.Json.Nodes.JsonArray blocks, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync(ChannelName, key, cancellationToken).ConfigureAwait(false);
        if (stored?.Split(' ') is [var storedChannel, var ts])
        {
            await slack.UpdateMessageAsync(storedChannel, ts, fallback, blocks, cancellationToken).ConfigureAwait(false);
            return;
        }
        var posted = await slack.PostMessageAsync(channel, fallback, blocks, null, cancellationToken).ConfigureAwait(false);
        await state.SetAsync(ChannelName, key, $"{channel} {posted}", cancellationToken).ConfigureAwait(false);
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
