using System.Collections.Concurrent;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Outbox;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Delivers a run's saved outbox to its channel in order. Each message is claimed first (<see cref="IOutboxClaims"/>),
/// so across replicas it is posted by one at a time and never again once delivered. Delivery stops at the first
/// message it may not send now (another replica holds it, its retry is not due, or it failed), which keeps the order;
/// a failure is retried later with back-off, honouring the platform's Retry-After, by whichever replica looks first.
/// </summary>
public sealed class OutboxDelivery(
    IEnumerable<IChatChannel> channels,
    IOutboxClaims claims,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    PlaybookMetrics metrics,
    ILogger<OutboxDelivery> logger)
{
    private readonly IReadOnlyList<IChatChannel> _channels = channels.ToList();
    // Claim outcomes that could not be written (the database was down): written as soon as it answers again, so a
    // delivered message's claim does not sit "delivering" until its lease runs out.
    private readonly ConcurrentQueue<(OutboxClaim Claim, OutboxFailure? Failure)> _unsettled = new();

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

    /// <summary>Writes the claim outcomes a database outage held back; throws (keeping them) while it still fails.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        while (_unsettled.TryDequeue(out var pending))
        {
            try
            {
                await WriteAsync(pending.Claim, pending.Failure, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _unsettled.Enqueue(pending);
                throw;
            }
        }
    }

    /// <summary>
    /// Delivers what it can; returns true when messages left the outbox (the caller saves the run).
    /// <paramref name="force"/> retries at once even past a back-off or a give-up (an analyst asked to resume).
    /// </summary>
    public async Task<bool> DeliverAsync(PlaybookRun run, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
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
            var claim = await claims.ClaimAsync(run.Id, message, channel.Name, force, cancellationToken).ConfigureAwait(false);
            if (claim.Status == OutboxClaimStatus.Delivered)
            {
                run.Outbox.RemoveAt(0);
                changed = true;
                continue;
            }
            if (claim.Status != OutboxClaimStatus.Acquired)
            {
                logger.LogDebug("Run {RunId}: {Key} not delivered now ({Status})", run.Id, message.Key, claim.Status);
                return changed;
            }
            if (!await AttemptAsync(run, channel, message, claim, cancellationToken).ConfigureAwait(false)) return changed;
            run.Outbox.RemoveAt(0);
            changed = true;
        }
        return changed;
    }

    /// <summary>One claimed attempt; true when the message was delivered.</summary>
    private async Task<bool> AttemptAsync(PlaybookRun run, IChatChannel channel, OutboxMessage message, OutboxClaim claim, CancellationToken cancellationToken)
    {
        var delivery = new ChatDelivery(run.Id, message.Key, message.Seq, claim.Attempt, claim.FirstAttemptAt, claim.PreviousOutcomeUnknown, claim.PlatformId,
            (id, ct) => claims.RecordPlatformIdAsync(claim, id, ct));
        try
        {
            if (channel is ITrackedChatChannel tracked)
            {
                await tracked.DeliverAsync(message, delivery, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await DeliverUntrackedAsync(channel, message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping (a rolling update): hand the message back at once rather than leave it claimed for a lease.
            await TryReleaseAsync(claim, new OutboxFailure(clock.GetUtcNow(), OutcomeUnknown: true, "cancelled while delivering", GiveUp: false)).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            await FailedAsync(run, channel, message, claim, delivery, e, cancellationToken).ConfigureAwait(false);
            return false;
        }
        await SettleOrKeepAsync(claim, null, cancellationToken).ConfigureAwait(false);
        metrics.Delivered(channel.Name);
        if (claim.Attempt > 1)
            logger.LogInformation("Run {RunId}: {Key} delivered to {Channel} after {Attempts} attempts", run.Id, message.Key, channel.Name, claim.Attempt);
        return true;
    }

    private static Task DeliverUntrackedAsync(IChatChannel channel, OutboxMessage message, CancellationToken cancellationToken) => message.Kind switch
    {
        OutboxKind.Notify => channel.NotifyAsync(message.Notification!, cancellationToken),
        OutboxKind.Ask => channel.AskAsync(message.Prompt!, cancellationToken),
        OutboxKind.PromptClosed => channel.PromptClosedAsync(message.Closure!, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task FailedAsync(
        PlaybookRun run, IChatChannel channel, OutboxMessage message, OutboxClaim claim, ChatDelivery delivery, Exception e, CancellationToken cancellationToken)
    {
        // A chat outage must not lose a finding nor stop the hunt: keep the message and retry it later.
        message.Attempts++;
        var o = options.Value;
        var now = clock.GetUtcNow();
        var known = e as IChatDeliveryFailure;
        var wait = Backoff(claim.Attempt, o);
        if (known?.RetryAfter is { } retryAfter && retryAfter > wait) wait = retryAfter;
        var giveUp = now - claim.FirstAttemptAt >= o.GiveUpAfter;
        // Unknown when this attempt may have posted, or when an earlier one may have and this one never looked.
        var unknown = (known?.MayHaveBeenDelivered ?? true) || delivery.PreviousOutcomeUnknown;
        var failure = new OutboxFailure(now + wait, unknown, $"{e.GetType().Name}: {e.Message}", giveUp);
        metrics.DeliveryFailed(channel.Name, giveUp);
        if (giveUp)
            logger.LogError(e, "Run {RunId}: delivery of {Key} to {Channel} has failed since {FirstAttempt} ({Attempts} attempts); giving up: the run shows delivery failing until it is resumed",
                run.Id, message.Key, channel.Name, claim.FirstAttemptAt, claim.Attempt);
        else if (claim.Attempt == 1)
            logger.LogWarning(e, "Run {RunId}: delivery of {Key} to {Channel} failed; kept in the outbox, retrying in {Seconds:0.#} s",
                run.Id, message.Key, channel.Name, wait.TotalSeconds);
        else
            logger.LogInformation("Run {RunId}: delivery of {Key} to {Channel} failed again ({Attempts} attempts, {Error}); retrying in {Seconds:0.#} s",
                run.Id, message.Key, channel.Name, claim.Attempt, e.Message, wait.TotalSeconds);
        await SettleOrKeepAsync(claim, failure, cancellationToken).ConfigureAwait(false);
    }

    private async Task SettleOrKeepAsync(OutboxClaim claim, OutboxFailure? failure, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(claim, failure, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _unsettled.Enqueue((claim, failure));
            throw;
        }
    }

    private Task WriteAsync(OutboxClaim claim, OutboxFailure? failure, CancellationToken cancellationToken) => failure is null
        ? claims.DeliveredAsync(claim, cancellationToken)
        : claims.FailedAsync(claim, failure, cancellationToken);

    private async Task TryReleaseAsync(OutboxClaim claim, OutboxFailure failure)
    {
        try
        {
            await claims.FailedAsync(claim, failure, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The claim's lease runs out instead; the next attempt then looks the message up first.
            logger.LogWarning(e, "Run {RunId}: could not hand back the claim on {Key}", claim.RunId, claim.Key);
        }
    }

    /// <summary>RetryBaseDelay doubled per earlier failure with ±20% jitter (so replicas spread out), never over MaxRetryDelay.</summary>
    internal static TimeSpan Backoff(int attempt, OutboxOptions o)
    {
        var doubled = o.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var jittered = Math.Min(doubled, o.MaxRetryDelay.TotalMilliseconds) * (0.8 + 0.4 * Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, o.MaxRetryDelay.TotalMilliseconds));
    }
}
