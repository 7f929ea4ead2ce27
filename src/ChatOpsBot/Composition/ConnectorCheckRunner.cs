using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Composition;

/// <summary>One line of the <c>check</c> command and the readiness endpoint.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Healthy">Reachable and authorised.</param>
/// <param name="Message">What was found; never a secret.</param>
public sealed record CheckResult(string Name, bool Healthy, string Message);

/// <summary>
/// Runs the database probe and every configured <see cref="IConnectorCheck"/> side by side, each within a time limit.
/// A check that throws is reported by exception type only: its message could quote a request with a secret in it.
/// </summary>
public sealed class ConnectorCheckRunner(IEnumerable<IConnectorCheck> checks, IRunStore runs)
{
    /// <summary>Time allowed per check. Default 20 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>All results, the database first.</summary>
    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        var database = DatabaseAsync(cancellationToken);
        var connectors = ConnectorsAsync(cancellationToken);
        return [await database.ConfigureAwait(false), .. await connectors.ConfigureAwait(false)];
    }

    /// <summary>The database alone: the one dependency without which the service cannot answer anything.</summary>
    public Task<CheckResult> DatabaseAsync(CancellationToken cancellationToken) =>
        RunOneAsync(new DelegateCheck("database", async token =>
        {
            await runs.ListAsync(1, token).ConfigureAwait(false);
            return ConnectorHealth.Pass("runs readable");
        }), cancellationToken);

    /// <summary>Every configured connector and input, side by side.</summary>
    public async Task<IReadOnlyList<CheckResult>> ConnectorsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(checks.Select(c => RunOneAsync(c, cancellationToken))).ConfigureAwait(false);

    private async Task<CheckResult> RunOneAsync(IConnectorCheck check, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            var health = await check.CheckAsync(limit.Token).ConfigureAwait(false);
            return new CheckResult(check.Name, health.Healthy, health.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(check.Name, false, $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new CheckResult(check.Name, false, $"check failed ({e.GetType().Name})");
        }
    }

    private sealed class DelegateCheck(string name, Func<CancellationToken, Task<ConnectorHealth>> probe) : IConnectorCheck
    {
        public string Name => name;

        public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken) => probe(cancellationToken);
    }
}
