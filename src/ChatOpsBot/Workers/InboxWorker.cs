using System.Collections.Concurrent;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Storage.WorkQueue;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Workers;

/// <summary>
/// Applies acknowledged answers from the durable inbox, whichever replica received them: this replica's new items at
/// once (it is woken), other replicas' items at the next poll, and the items of a replica that died once their lease
/// has run out. An item that fails is handed back and retried with back-off.
/// </summary>
public sealed class InboxWorker(
    IInboxStore store, AnswerInbox inbox, IOptions<WorkQueueOptions> queueOptions, WorkerRuntime runtime, ILogger<InboxWorker> logger)
    : SupervisedWorker("inbox", runtime, logger)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    // Items that could not be handed back during a database outage: handed back once it answers, not after their lease.
    private readonly ConcurrentQueue<(long Id, TimeSpan Delay)> _unreleased = new();

    /// <inheritdoc />
    protected override int Loops => Runtime.Options.InboxParallelism;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Added += Wake;
        try
        {
            await base.ExecuteAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            store.Added -= Wake;
        }
    }

    /// <inheritdoc />
    protected override async Task<TimeSpan> IterateAsync(WorkerHandle handle, CancellationToken stoppingToken)
    {
        while (_unreleased.TryDequeue(out var held))
        {
            try
            {
                await store.ReleaseAsync(held.Id, inbox.Owner, held.Delay, stoppingToken).ConfigureAwait(false);
            }
            catch
            {
                _unreleased.Enqueue(held);
                throw;
            }
        }
        var leased = await store.ClaimAsync(inbox.Owner, stoppingToken).ConfigureAwait(false);
        if (leased is null) return queueOptions.Value.PollInterval;
        try
        {
            await inbox.ApplyAsync(leased, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(leased, TimeSpan.Zero).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            var delay = TimeSpan.FromSeconds(Math.Min(MaxRetryDelay.TotalSeconds, Math.Pow(2, leased.Attempts - 1)));
            if (leased.Attempts == 1 || leased.Attempts == queueOptions.Value.MaxAttempts)
                logger.LogWarning(e, "Run {RunId}: applying {Kind} {Key} failed (attempt {Attempts}); retrying in {Seconds:0} s",
                    leased.Item.RunId, leased.Item.Kind, leased.Item.Key, leased.Attempts, delay.TotalSeconds);
            await ReleaseAsync(leased, delay).ConfigureAwait(false);
            if (DatabaseErrors.IsDatabase(e)) throw;
        }
        return TimeSpan.Zero;
    }

    private async Task ReleaseAsync(LeasedInboxItem leased, TimeSpan delay)
    {
        try
        {
            await store.ReleaseAsync(leased.Id, inbox.Owner, delay, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.IsDatabase(e))
        {
            logger.LogDebug(e, "Run {RunId}: inbox item {Id} is handed back once the database answers", leased.Item.RunId, leased.Id);
            _unreleased.Enqueue((leased.Id, delay));
        }
    }
}
