using System.Diagnostics;
using System.Net;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.TestSupport;
using Xunit.Abstractions;

namespace ChatOpsBot.Slack.Tests.ScaleOut;

/// <summary>
/// Two bot processes on a PostgreSQL server of the test's own, which is restarted (every connection cut) while a run
/// advances. No background loop may die, and nothing may wait for a lease to run out: the leases here are five
/// minutes, longer than the test waits for anything.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chatopsbot-pgrestart", Guid.NewGuid().ToString("N"));
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _slack = await FakeSlack.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["WorkQueue:Lease"] = "00:05:00",
        ["WorkQueue:InboxLease"] = "00:05:00",
        ["Outbox:ClaimLease"] = "00:05:00",
        ["Outbox:RetryBaseDelay"] = "00:00:00.200",
        ["Outbox:MaxRetryDelay"] = "00:00:02",
        ["Outbox:PollInterval"] = "00:00:00.300",
        ["Workers:MaxBackoff"] = "00:00:01",
        ["Serilog:MinimumLevel:Override:ChatOpsBot"] = "Information",
    };

    [SkippableFact]
    public async Task A_restart_while_a_run_advances_leaves_every_worker_alive_and_the_run_finishes_without_waiting_a_lease()
    {
        await using var server = await ThrowawayPostgres.StartAsync();
        await using var db = await SharedPostgres.OnAsync(server.ConnectionString);
        await using var a = await Replica.StartAsync("a", db.ConnectionString, _slack, _directory, Settings);
        await using var b = await Replica.StartAsync("b", db.ConnectionString, _slack, _directory, Settings);
        Replica[] replicas = [a, b];
        var runId = await ScaleOutAnalyst.StartAsync(a, _slack);

        var restarted = false;
        var afterRestart = new Stopwatch();
        for (var step = 0; ; step++)
        {
            var run = await ScaleOutAnalyst.NextPromptAsync(db, _slack, runId, seconds: 120);
            if (run.State == RunState.Resolved) break;
            await ScaleOutAnalyst.AnswerAsync(replicas[step % 2], _slack, runId, run.Prompt!);
            if (!restarted && run.Prompt!.Section == Core.Playbook.PlaybookSection.Validation)
            {
                // The answer is acknowledged; the run is being applied and advanced on some replica: cut it off.
                restarted = true;
                await server.RestartAsync();
                afterRestart.Start();
            }
            await Eventually.WaitAsync(async () => (await db.RunAsync(runId)).Prompt?.Id != run.Prompt!.Id, "the answer to be applied", 120);
        }
        afterRestart.Stop();

        Assert.True(restarted);
        var resolved = await db.RunAsync(runId);
        Assert.Equal(RunState.Resolved, resolved.State);
        Assert.Empty(resolved.Outbox);
        foreach (var replica in replicas)
        {
            Assert.False(replica.HasExited, replica.Log);
            using var ready = await replica.GetAsync("healthz/ready");
            var body = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
            Assert.Contains("run-queue 4/4 alive", body, StringComparison.Ordinal);
            Assert.Contains("inbox 2/2 alive", body, StringComparison.Ordinal);
            Assert.Contains("recovery 1/1 alive", body, StringComparison.Ordinal);
            Assert.DoesNotContain("stopped on an unexpected error", replica.Log, StringComparison.Ordinal);
            using var metrics = await replica.GetAsync("metrics");
            Assert.DoesNotContain("chatopsbot_worker_restarts_total{", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Contains(replicas, r => r.Log.Contains("a database call failed", StringComparison.Ordinal));
        output.WriteLine($"run finished {afterRestart.Elapsed.TotalSeconds:0.0} s after the restart (leases: 5 min)");
    }
}
