namespace ChatOpsBot.Workers;

/// <summary>
/// A background service made of loops that cannot die silently. Each loop repeats <see cref="IterateAsync"/>; a
/// database failure is logged once per outage (not once per try), reported to <see cref="WorkerHealth"/> and retried
/// with back-off, and the loop goes on. Anything else that escapes an iteration ends the loop: it is logged, counted
/// (<c>chatopsbot_worker_restarts_total</c>) and the loop is restarted after a back-off. Loops beat on every iteration,
/// so readiness can tell a live loop from a dead or stuck one.
/// </summary>
public abstract class SupervisedWorker(string group, WorkerRuntime runtime, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>How many loops run side by side.</summary>
    protected abstract int Loops { get; }

    /// <summary>The shared runtime (health, metrics, options, clock).</summary>
    protected WorkerRuntime Runtime { get; } = runtime;

    /// <summary>One iteration; returns how long to wait before the next (cut short by <see cref="Wake"/>).</summary>
    protected abstract Task<TimeSpan> IterateAsync(WorkerHandle handle, CancellationToken stoppingToken);

    /// <summary>Wakes idle loops at once (work was queued locally).</summary>
    protected void Wake()
    {
        if (_wake.CurrentCount < Loops) _wake.Release();
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(1, Loops).Select(i => SuperviseAsync(Runtime.Health.Register(group, $"{group}#{i}"), stoppingToken)));

    private async Task SuperviseAsync(WorkerHandle handle, CancellationToken stoppingToken)
    {
        var restarts = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                handle.SetRunning(true);
                try
                {
                    await RunAsync(handle, stoppingToken).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    handle.SetRunning(false);
                    restarts++;
                    Runtime.Metrics.Restarted(handle.Name);
                    var wait = Runtime.Backoff(restarts);
                    logger.LogError(e, "Worker {Worker} stopped on an unexpected error; restarting it in {Seconds:0.#} s (restart {Restarts})",
                        handle.Name, wait.TotalSeconds, restarts);
                    await IdleAsync(wait, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            handle.SetRunning(false);
        }
    }

    private async Task RunAsync(WorkerHandle handle, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            handle.Beat();
            TimeSpan wait;
            try
            {
                wait = await IterateAsync(handle, stoppingToken).ConfigureAwait(false);
                Runtime.Health.DatabaseReachable();
                if (failures > 0) logger.LogInformation("Worker {Worker}: the database answers again after {Failures} failed tries", handle.Name, failures);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseErrors.IsDatabase(e))
            {
                failures++;
                Runtime.Health.DatabaseFailed();
                Runtime.Metrics.Failed(handle.Name);
                wait = Runtime.Backoff(failures);
                if (failures == 1)
                    logger.LogWarning(e, "Worker {Worker}: a database call failed; retrying with back-off (logged once until it succeeds)", handle.Name);
            }
            await IdleAsync(wait, stoppingToken).ConfigureAwait(false);
        }
    }

    // Sleeps for wait, or until a local wake-up, whichever comes first.
    private async Task IdleAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        if (wait <= TimeSpan.Zero) return;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = _wake.WaitAsync(either.Token);
        var delay = Task.Delay(wait, Runtime.Clock, either.Token);
        await Task.WhenAny(woken, delay).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        try { await Task.WhenAll(woken, delay).ConfigureAwait(false); } catch (OperationCanceledException) { }
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
