using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Outbox;
using ChatOpsBot.Storage.Outbox;
using ChatOpsBot.Storage.WorkQueue;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Workers;

/// <summary>
/// Heals what no request would: delivers outbox messages whose retry is due (a chat outage, or a replica that saved a
/// run and died before posting), on any replica, without an analyst's command; counts the runs whose delivery gave up
/// ("delivery failing"); queues runs left running with no work queued (a start or an answer whose queueing was lost);
/// and purges old inbox items and outbox claims.
/// </summary>
public sealed class RecoveryWorker(
    RecoveryQueries queries, PlaybookEngine engine, OutboxDelivery delivery, IRunWorkQueue queue, PlaybookMetrics metrics, IEnumerable<IChatChannel> channels,
    IOptions<OutboxOptions> outbox, IOptions<WorkQueueOptions> work, WorkerRuntime runtime, ILogger<RecoveryWorker> logger)
    : SupervisedWorker("recovery", runtime, logger)
{
    private const int Batch = 20;
    // A run saved this recently is still being delivered inline by the replica that saved it.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private readonly HashSet<string> _failingRuns = new(StringComparer.Ordinal);
    // Only runs of the channels this replica serves: never a terminal's run, nor one whose channel is switched off here.
    private readonly string[] _channels = channels.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToArray();
    private DateTimeOffset _nextSweep;
    private DateTimeOffset _nextPurge;

    /// <inheritdoc />
    protected override int Loops => 1;

    /// <inheritdoc />
    protected override async Task<TimeSpan> IterateAsync(WorkerHandle handle, CancellationToken stoppingToken)
    {
        await delivery.SettleAsync(stoppingToken).ConfigureAwait(false);
        foreach (var runId in await queries.DueDeliveriesAsync(_channels, Settle, Batch, stoppingToken).ConfigureAwait(false))
        {
            handle.Beat();
            await DeliverAsync(runId, stoppingToken).ConfigureAwait(false);
        }
        var now = Runtime.Clock.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + SweepInterval;
            await SweepAsync(stoppingToken).ConfigureAwait(false);
        }
        if (now >= _nextPurge)
        {
            _nextPurge = now + PurgeInterval;
            var purged = await queries.PurgeAsync(stoppingToken).ConfigureAwait(false);
            if (purged > 0) logger.LogInformation("Purged {Count} applied inbox items and delivered outbox claims past WorkQueue:Retention", purged);
        }
        return outbox.Value.PollInterval;
    }

    private async Task DeliverAsync(string runId, CancellationToken stoppingToken)
    {
        try
        {
            await engine.DeliverPendingAsync(runId, stoppingToken).ConfigureAwait(false);
            if (_failingRuns.Remove(runId)) logger.LogInformation("Run {RunId}: its outbox is delivered again", runId);
        }
        catch (Exception e) when (!DatabaseErrors.IsDatabase(e) && e is not OperationCanceledException)
        {
            // One run's trouble must not hold up the others; logged once until it clears.
            if (_failingRuns.Add(runId)) logger.LogError(e, "Run {RunId}: delivering its outbox failed; retrying at the next poll", runId);
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var failing = await queries.FailingDeliveriesAsync(1000, stoppingToken).ConfigureAwait(false);
        metrics.FailingRuns(failing.Count);
        // Idle for two leases: any replica advancing it would have renewed its work item's lease meanwhile.
        foreach (var runId in await queries.StalledRunsAsync(_channels, work.Value.Lease * 2, Batch, stoppingToken).ConfigureAwait(false))
        {
            logger.LogWarning("Run {RunId}: running with no work queued; queueing it", runId);
            await queue.EnqueueAdvanceAsync(runId, stoppingToken).ConfigureAwait(false);
        }
    }
}
