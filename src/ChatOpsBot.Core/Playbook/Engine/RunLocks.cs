namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Serialises work on one run inside this process (machines are not thread-safe). Across processes the
/// store's optimistic concurrency is what keeps a run consistent. A run's lock exists only while someone holds or
/// waits for it: a service that runs hunts for months must not keep one per run it ever touched.
/// </summary>
public sealed class RunLocks
{
    private readonly Dictionary<string, Entry> _locks = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>Runs with a lock held or awaited (for tests and diagnostics).</summary>
    internal int Count
    {
        get
        {
            lock (_sync) return _locks.Count;
        }
    }

    /// <summary>Waits for the run's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string runId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_sync)
        {
            if (!_locks.TryGetValue(runId, out entry!)) _locks[runId] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(runId, entry); // a cancelled waiter must not keep the entry alive
            throw;
        }
        return new Releaser(this, runId, entry);
    }

    private void Leave(string runId, Entry entry)
    {
        lock (_sync)
        {
            if (--entry.Users == 0) _locks.Remove(runId);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Releaser(RunLocks owner, string runId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            entry.Gate.Release();
            owner.Leave(runId, entry);
        }
    }
}
