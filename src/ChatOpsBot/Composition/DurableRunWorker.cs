using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Storage.WorkQueue;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Composition;

/// <summary>
/// Works the durable queue: claims an item with a lease, renews the lease while the run advances, deletes the
/// item when done. If this replica dies, the lease runs out and another replica takes the item over; the run
/// continues from its last saved step.
/// </summary>
public sealed class DurableRunWorker(DbWorkQueue queue, PlaybookEngine engine, IOptions<WorkQueueOptions> options, TimeProvider clock, ILogger<DurableRunWorker> logger)
    : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _wake = new(0);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        queue.Enqueued += Wake;
        try
        {
            var o = options.Value;
            var workers = Enumerable.Range(0, o.Parallelism).Select(_ => LoopAsync(o, stoppingToken));
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            queue.Enqueued -= Wake;
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount < options.Value.Parallelism) _wake.Release();
    }

    private async Task LoopAsync(WorkQueueOptions o, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            LeasedWorkItem? item;
            try
            {
                item = await queue.ClaimAsync(_owner, o.Lease, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Claiming work failed; retrying");
                item = null;
            }
            if (item is null)
            {
                await IdleAsync(o.PollInterval, stoppingToken).ConfigureAwait(false);
                continue;
            }
            await WorkAsync(item, o, stoppingToken).ConfigureAwait(false);
        }
    }

    // Sleeps until a local enqueue or the poll interval (work queued by other replicas), whichever comes first.
    private async Task IdleAsync(TimeSpan poll, CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var wake = _wake.WaitAsync(either.Token);
        var delay = Task.Delay(poll, clock, either.Token);
        await Task.WhenAny(wake, delay).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        try { await Task.WhenAll(wake, delay).ConfigureAwait(false); } catch (OperationCanceledException) { }
    }

    private async Task WorkAsync(LeasedWorkItem item, WorkQueueOptions o, CancellationToken stoppingToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(item, o, renewal.Token);
        try
        {
            await engine.AdvanceAsync(item.RunId, stoppingToken).ConfigureAwait(false);
            await queue.CompleteAsync(item, _owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: give the item back so another replica continues at once.
            await queue.ReleaseAsync(item, _owner, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (item.Attempts >= o.MaxAttempts)
            {
                logger.LogError(e, "Run {RunId}: advancing failed {Attempts} times; giving up (the run stays resumable)", item.RunId, item.Attempts);
                await queue.CompleteAsync(item, _owner, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                logger.LogWarning(e, "Run {RunId}: advancing failed (attempt {Attempts}); retrying", item.RunId, item.Attempts);
                await queue.ReleaseAsync(item, _owner, TimeSpan.FromSeconds(item.Attempts), CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await renewal.CancelAsync().ConfigureAwait(false);
            try { await renewing.ConfigureAwait(false); } catch (OperationCanceledException) { }
        }
    }

    private async Task RenewAsync(LeasedWorkItem item, WorkQueueOptions o, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(o.Lease / 3, clock, cancellationToken).ConfigureAwait(false);
            if (!await queue.RenewAsync(item, _owner, o.Lease, cancellationToken).ConfigureAwait(false))
                logger.LogWarning("Run {RunId}: lease on work item {Id} was lost", item.RunId, item.Id);
        }
    }
}
