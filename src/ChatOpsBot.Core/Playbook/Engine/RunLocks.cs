using System.Collections.Concurrent;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Serialises work on one run inside this process (machines are not thread-safe). Across processes the
/// store's optimistic concurrency is what keeps a run consistent.
/// </summary>
public sealed class RunLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    /// <summary>Waits for the run's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string runId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(runId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
