using System.Collections.Concurrent;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Storage.WorkQueue;
using ChatOpsBot.Workers;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Composition;

/// <summary>
/// Works the durable queue: claims an item with a lease, renews the lease while the run advances, deletes the
/// item when done. If this replica dies, the lease runs out and another replica takes the item over; the run
/// continues from its last saved step. A database outage (a PostgreSQL restart) neither kills a loop nor strands an
/// item: an item that could not be completed or handed back is remembered and settled as soon as the database answers,
/// so the run goes on without waiting for its lease to run out.
/// </summary>
public sealed class DurableRunWorker(
    DbWorkQueue queue, PlaybookEngine engine, IOptions<WorkQueueOptions> options, WorkerRuntime runtime, ILogger<DurableRunWorker> logger)
    : SupervisedWorker("run-queue", runtime, logger)
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ConcurrentQueue<Settlement> _unsettled = new();

    /// <inheritdoc />
    protected override int Loops => options.Value.Parallelism;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        queue.Enqueued += Wake;
        try
        {
            await base.ExecuteAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            queue.Enqueued -= Wake;
        }
    }

    /// <inheritdoc />
    protected override async Task<TimeSpan> IterateAsync(WorkerHandle handle, CancellationToken stoppingToken)
    {
        await SettleAsync(stoppingToken).ConfigureAwait(false);
        var o = options.Value;
        var item = await queue.ClaimAsync(_owner, o.Lease, stoppingToken).ConfigureAwait(false);
        if (item is null) return o.PollInterval;
        await WorkAsync(item, handle, o, stoppingToken).ConfigureAwait(false);
        return TimeSpan.Zero;
    }

    private async Task WorkAsync(LeasedWorkItem item, WorkerHandle handle, WorkQueueOptions o, CancellationToken stoppingToken)
    {
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(item, handle, o, leaseLost, renewal.Token);
        try
        {
            await engine.AdvanceAsync(item.RunId, leaseLost.Token).ConfigureAwait(false);
            await SettleOrRememberAsync(new Settlement(item, Complete: true, TimeSpan.Zero)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: give the item back so another replica continues at once.
            await SettleOrRememberAsync(new Settlement(item, Complete: false, TimeSpan.Zero)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            logger.LogWarning("Run {RunId}: the lease on work item {Id} was lost; the replica that holds it now continues the run", item.RunId, item.Id);
        }
        catch (Exception e) when (DatabaseErrors.IsDatabase(e))
        {
            // Not the run's fault: no attempt is used up. Back at once when the database answers (the loop backs off).
            logger.LogInformation("Run {RunId}: advancing stopped by a database error ({Error}); it goes on when the database answers", item.RunId, e.Message);
            await SettleOrRememberAsync(new Settlement(item, Complete: false, TimeSpan.Zero)).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            if (item.Attempts >= o.MaxAttempts)
            {
                logger.LogError(e, "Run {RunId}: advancing failed {Attempts} times; giving up (the run stays resumable)", item.RunId, item.Attempts);
                await SettleOrRememberAsync(new Settlement(item, Complete: true, TimeSpan.Zero)).ConfigureAwait(false);
            }
            else
            {
                logger.LogWarning(e, "Run {RunId}: advancing failed (attempt {Attempts}); retrying", item.RunId, item.Attempts);
                await SettleOrRememberAsync(new Settlement(item, Complete: false, TimeSpan.FromSeconds(item.Attempts))).ConfigureAwait(false);
            }
        }
        finally
        {
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
    }

    // Keeps the lease while the run advances, and the loop's heartbeat with it; never throws.
    private async Task RenewAsync(LeasedWorkItem item, WorkerHandle handle, WorkQueueOptions o, CancellationTokenSource leaseLost, CancellationToken cancellationToken)
    {
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(o.Lease / 3, Runtime.Clock, cancellationToken).ConfigureAwait(false);
                handle.Beat();
                if (!await queue.RenewAsync(item, _owner, o.Lease, cancellationToken).ConfigureAwait(false))
                {
                    await leaseLost.CancelAsync().ConfigureAwait(false);
                    return;
                }
                if (failing) logger.LogInformation("Run {RunId}: the lease on work item {Id} is renewed again", item.RunId, item.Id);
                failing = false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Retried at the next tick; the lease has two more before it runs out.
                if (!failing) logger.LogWarning("Run {RunId}: renewing the lease on work item {Id} failed ({Error}); retrying", item.RunId, item.Id, e.Message);
                failing = true;
            }
        }
    }

    private async Task SettleOrRememberAsync(Settlement settlement)
    {
        try
        {
            await SettleOneAsync(settlement, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseErrors.IsDatabase(e))
        {
            logger.LogInformation("Run {RunId}: work item {Id} is settled once the database answers ({Error})", settlement.Item.RunId, settlement.Item.Id, e.Message);
            _unsettled.Enqueue(settlement);
        }
    }

    // Items whose completion or release failed earlier; a database error leaves the rest for the next iteration.
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        // Taken out before it is tried, so two loops never settle the same item; put back when it fails again.
        while (_unsettled.TryDequeue(out var settlement))
        {
            try
            {
                await SettleOneAsync(settlement, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _unsettled.Enqueue(settlement);
                throw;
            }
        }
    }

    private Task SettleOneAsync(Settlement s, CancellationToken cancellationToken) => s.Complete
        ? queue.CompleteAsync(s.Item, _owner, cancellationToken)
        : queue.ReleaseAsync(s.Item, _owner, s.Delay, cancellationToken);

    private sealed record Settlement(LeasedWorkItem Item, bool Complete, TimeSpan Delay);
}
