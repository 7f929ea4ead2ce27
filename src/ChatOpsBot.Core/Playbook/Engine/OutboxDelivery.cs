using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>Delivers a run's saved outbox to its channel in order; stops at the first failure and keeps the rest.</summary>
public sealed class OutboxDelivery(IEnumerable<IChatChannel> channels, ILogger<OutboxDelivery> logger)
{
    private readonly IReadOnlyList<IChatChannel> _channels = channels.ToList();

    /// <summary>
    /// Shows a passing notification (progress during a long step) on the run's channel at once, outside the outbox. A
    /// failure is logged and dropped: the next progress replaces it, and the step must not fail over it.
    /// </summary>
    public async Task ShowNowAsync(PlaybookRun run, Notification notification, CancellationToken cancellationToken)
    {
        var channel = _channels.FirstOrDefault(c => c.Name == run.Settings.Channel);
        if (channel is null) return;
        try
        {
            await channel.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Run {RunId}: progress {Key} could not be shown on {Channel}", run.Id, notification.Key, channel.Name);
        }
    }

    /// <summary>Delivers what it can; returns true when the outbox changed (the caller saves the run).</summary>
    public async Task<bool> DeliverAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        if (run.Outbox.Count == 0) return false;
        var channel = _channels.FirstOrDefault(c => c.Name == run.Settings.Channel);
        if (channel is null)
        {
            logger.LogWarning("Run {RunId}: no channel named {Channel} is configured; {Count} message(s) wait in the outbox",
                run.Id, run.Settings.Channel, run.Outbox.Count);
            return false;
        }
        var changed = false;
        while (run.Outbox.Count > 0)
        {
            var message = run.Outbox[0];
            try
            {
                switch (message.Kind)
                {
                    case OutboxKind.Notify: await channel.NotifyAsync(message.Notification!, cancellationToken).ConfigureAwait(false); break;
                    case OutboxKind.Ask: await channel.AskAsync(message.Prompt!, cancellationToken).ConfigureAwait(false); break;
                    case OutboxKind.PromptClosed: await channel.PromptClosedAsync(message.Closure!, cancellationToken).ConfigureAwait(false); break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A chat outage must not lose a finding nor stop the hunt: keep the message and retry later.
                message.Attempts++;
                logger.LogWarning(e, "Run {RunId}: delivery of {Key} to {Channel} failed (attempt {Attempts}); kept in the outbox",
                    run.Id, message.Key, channel.Name, message.Attempts);
                return true;
            }
            run.Outbox.RemoveAt(0);
            changed = true;
        }
        return changed;
    }
}
