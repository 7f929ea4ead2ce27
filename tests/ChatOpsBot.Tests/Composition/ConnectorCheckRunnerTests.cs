using ChatOpsBot.Cli;
using ChatOpsBot.Composition;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Tests.Composition;

public sealed class ConnectorCheckRunnerTests
{
    [Fact]
    public async Task RunAsync_MixedChecks_ReportsDatabaseFirstAndEachConnector()
    {
        var runner = new ConnectorCheckRunner([new FixedCheck("mail (IMAP)", ConnectorHealth.Pass("logged in")), new FixedCheck("ticketing (TheHive)", ConnectorHealth.Fail("401"))], new EmptyRuns());

        var results = await runner.RunAsync(CancellationToken.None);

        Assert.Equal(["database", "mail (IMAP)", "ticketing (TheHive)"], results.Select(r => r.Name));
        Assert.Equal([true, true, false], results.Select(r => r.Healthy));
    }

    [Fact]
    public async Task RunAsync_ThrowingCheck_ReportsOnlyTheExceptionType()
    {
        var runner = new ConnectorCheckRunner([new ThrowingCheck()], new EmptyRuns());

        var result = (await runner.RunAsync(CancellationToken.None))[1];

        Assert.False(result.Healthy);
        Assert.Equal("check failed (HttpRequestException)", result.Message);
    }

    [Fact]
    public async Task RunAsync_HangingCheck_FailsAfterTheTimeout()
    {
        var runner = new ConnectorCheckRunner([new HangingCheck()], new EmptyRuns()) { Timeout = TimeSpan.FromMilliseconds(200) };

        var result = (await runner.RunAsync(CancellationToken.None))[1];

        Assert.False(result.Healthy);
        Assert.StartsWith("no answer within", result.Message);
    }

    [Fact]
    public void Format_Results_OneAlignedLinePerCheck()
    {
        var text = CheckCommand.Format([new CheckResult("database", true, "runs readable"), new CheckResult("mail (IMAP)", false, "refused")]);

        Assert.Equal(["OK    database     runs readable", "FAIL  mail (IMAP)  refused"], text.Split(Environment.NewLine));
    }

    private sealed class FixedCheck(string name, ConnectorHealth health) : IConnectorCheck
    {
        public string Name => name;

        public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(health);
    }

    private sealed class ThrowingCheck : IConnectorCheck
    {
        public string Name => "intel";

        public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken) =>
            throw new HttpRequestException("GET https://x/?apikey=SECRET failed");
    }

    private sealed class HangingCheck : IConnectorCheck
    {
        public string Name => "siem";

        public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ConnectorHealth.Pass("never");
        }
    }

    private sealed class EmptyRuns : IRunStore
    {
        public Task CreateAsync(PlaybookRun run, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<PlaybookRun?>(null);

        public Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<RunSummary>> ListAsync(int take, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RunSummary>>([]);
    }
}
