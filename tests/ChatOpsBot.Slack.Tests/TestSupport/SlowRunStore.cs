using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>The bot's run store with every write delayed, like a database that is cold or busy.</summary>
public sealed class SlowRunStore(IRunStore inner, TimeSpan delay) : IRunStore
{
    public async Task CreateAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        await inner.CreateAsync(run, cancellationToken);
    }

    public Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken) => inner.FindAsync(runId, cancellationToken);

    public Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken) => inner.SaveAsync(run, cancellationToken);

    public Task<IReadOnlyList<RunSummary>> ListAsync(int take, CancellationToken cancellationToken) => inner.ListAsync(take, cancellationToken);
}
