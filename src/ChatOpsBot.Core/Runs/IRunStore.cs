namespace ChatOpsBot.Core.Runs;

/// <summary>Port: persistence of runs, with optimistic concurrency on <see cref="PlaybookRun.Version"/>.</summary>
public interface IRunStore
{
    /// <summary>Stores a new run (version 0 → 1); throws <see cref="RunAlreadyExistsException"/> when the id is taken.</summary>
    Task CreateAsync(PlaybookRun run, CancellationToken cancellationToken);

    /// <summary>The run, or null.</summary>
    Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="run"/> if the stored version still equals <see cref="PlaybookRun.Version"/>, then
    /// increments it; otherwise throws <see cref="RunConcurrencyException"/> and stores nothing.
    /// </summary>
    Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken);

    /// <summary>The most recent runs, newest first.</summary>
    Task<IReadOnlyList<RunSummary>> ListAsync(int take, CancellationToken cancellationToken);
}
