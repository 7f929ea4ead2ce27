using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>
/// A run store that keeps each run as its RunJson text, so every read is a fresh object rebuilt from enum
/// names, with the same optimistic concurrency as a real store. One instance can back several engines.
/// </summary>
public sealed class InMemoryRunStore : IRunStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Version, string Json)> _runs = [];
    private TaskCompletionSource? _readBarrier;
    private int _readsBeforeRelease;
    private Func<PlaybookRun, bool>? _crashOnSave;

    /// <summary>Saves refused because the run changed since it was read.</summary>
    public int Conflicts { get; private set; }

    /// <summary>Successful saves so far.</summary>
    public int Saves { get; private set; }

    /// <summary>The stored JSON of a run.</summary>
    public string Json(string runId)
    {
        lock (_gate) return _runs[runId].Json;
    }

    /// <summary>The stored version of a run.</summary>
    public int StoredVersion(string runId)
    {
        lock (_gate) return _runs[runId].Version;
    }

    /// <summary>The next <paramref name="readers"/> reads wait for each other, so they all see the same version.</summary>
    public void HoldReadsUntil(int readers)
    {
        lock (_gate)
        {
            _readsBeforeRelease = readers;
            _readBarrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Sees every run about to be stored (after the concurrency check), e.g. to follow a run step by step.</summary>
    public Action<PlaybookRun>? Saving { get; set; }

    /// <summary>The first save for which <paramref name="when"/> holds throws instead of storing: a process killed before its write.</summary>
    public void CrashOnSave(Func<PlaybookRun, bool> when) => _crashOnSave = when;

    public Task CreateAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_runs.ContainsKey(run.Id)) throw new RunAlreadyExistsException(run.Id);
            run.Version = 1;
            _runs[run.Id] = (1, RunJson.Serialize(run));
        }
        return Task.CompletedTask;
    }

    public async Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        Task? wait = null;
        PlaybookRun? run;
        lock (_gate)
        {
            // Read first, then wait: every held reader has the same version in hand when they go on.
            run = _runs.TryGetValue(runId, out var stored) ? RunJson.Deserialize(stored.Json) : null;
            if (_readBarrier is { } barrier)
            {
                wait = barrier.Task;
                if (--_readsBeforeRelease == 0)
                {
                    _readBarrier = null;
                    barrier.SetResult();
                }
            }
        }
        if (wait is not null) await wait.WaitAsync(cancellationToken);
        return run;
    }

    public Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(run.Id, out var stored) || stored.Version != run.Version)
            {
                Conflicts++;
                throw new RunConcurrencyException(run.Id, run.Version);
            }
            Saving?.Invoke(run);
            if (_crashOnSave is { } crash && crash(run))
            {
                _crashOnSave = null;
                throw new SimulatedCrashException($"Killed before saving run {run.Id}.");
            }
            var next = run.Version + 1;
            run.Version = next;
            _runs[run.Id] = (next, RunJson.Serialize(run));
            Saves++;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunSummary>> ListAsync(int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<RunSummary> list = _runs.Values.Select(r => RunJson.Deserialize(r.Json))
                .OrderByDescending(r => r.CreatedAt)
                .Take(take)
                .Select(r => new RunSummary(r.Id, r.State, r.VisitedSections.LastOrDefault() ?? "", r.CreatedAt, r.UpdatedAt))
                .ToList();
            return Task.FromResult(list);
        }
    }
}
