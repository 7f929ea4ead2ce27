using ChatOpsBot.Composition;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Web;

/// <summary>
/// The connector and input results behind <c>/healthz/ready</c>, refreshed at most once per
/// <see cref="ReadinessOptions.ConnectorCheckInterval"/> in the background: a probe never waits longer than
/// <see cref="ReadinessOptions.ConnectorCheckWait"/> for them, and a slow or rate-limited system is asked once a minute,
/// not once per probe per replica.
/// </summary>
public sealed class ReadinessChecks(ConnectorCheckRunner runner, IOptions<ReadinessOptions> options, TimeProvider clock)
{
    private readonly Lock _sync = new();
    private Task<IReadOnlyList<CheckResult>>? _refresh;
    private IReadOnlyList<CheckResult>? _last;
    private DateTimeOffset _refreshedAt;

    /// <summary>The latest results; null while the first refresh is still running.</summary>
    public async Task<IReadOnlyList<CheckResult>?> GetAsync(CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<CheckResult>> refresh;
        lock (_sync)
        {
            if (_refresh is null || (_refresh.IsCompleted && clock.GetUtcNow() - _refreshedAt >= options.Value.ConnectorCheckInterval))
                _refresh = RefreshAsync();
            refresh = _refresh;
        }
        await Task.WhenAny(refresh, Task.Delay(options.Value.ConnectorCheckWait, clock, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_sync) return _last;
    }

    private async Task<IReadOnlyList<CheckResult>> RefreshAsync()
    {
        // Not the probe's token: a refresh outlives the probe that started it, each check within the runner's own limit.
        var results = await runner.ConnectorsAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_sync) (_last, _refreshedAt) = (results, clock.GetUtcNow());
        return results;
    }
}
