using System.Net;
using System.Text.Json;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Tests.Web;

public sealed class ReadinessEndpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chatopsbot-ready-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; a leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Ready_AllChecksPass_Answers200WithEachCheck_TheInputsIncluded()
    {
        var (status, json) = await GetReadyAsync(ConnectorHealth.Pass("authenticated as bot"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", json.GetProperty("status").GetString());
        // The database and the checks that gate readiness (workers) come first; the rest in registration order.
        var names = json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.Equal(["database", "workers"], names.Take(2));
        Assert.Equal(
            ["assets (Assets:File)", "feed (Playbook:Feed)", "intel (Intel:OfflineFile)", "logs (LocalLogs:Paths:0)", "mail (Mailboxes:Directory)", "outbox", "ticketing (fake)"],
            names.Skip(2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ready_ConnectorFails_Answers200Degraded_NamingIt()
    {
        var (status, json) = await GetReadyAsync(ConnectorHealth.Fail("TheHive answered 401"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", json.GetProperty("status").GetString());
        var failed = json.GetProperty("checks").EnumerateArray().Single(c => !c.GetProperty("healthy").GetBoolean());
        Assert.Equal("ticketing (fake)", failed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ready_DatabaseFails_Answers503()
    {
        var (status, json) = await GetReadyAsync(ConnectorHealth.Pass("fine"), new FailingRuns());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unready", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("checks")[0].GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Ready_ProbedAgainWithinTheInterval_ReusesTheConnectorResults()
    {
        var check = new CountingCheck();
        var (first, second) = await GetReadyTwiceAsync(check);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal(1, check.Calls);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetReadyAsync(ConnectorHealth health, IRunStore? runs = null)
    {
        var results = await GetAsync(new FixedCheck(health), runs, 1);
        return results[0];
    }

    private async Task<(HttpStatusCode, HttpStatusCode)> GetReadyTwiceAsync(IConnectorCheck check)
    {
        var results = await GetAsync(check, null, 2);
        return (results[0].Status, results[1].Status);
    }

    private async Task<List<(HttpStatusCode Status, JsonElement Json)>> GetAsync(IConnectorCheck check, IRunStore? runs, int probes)
    {
        // The embedded connectors read the bundled samples; relative paths would resolve against the test's bin folder.
        var samples = ChatOpsBot.Composition.RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        var app = WebHost.Build(
            [
                "--urls", "http://127.0.0.1:0",
                "--Storage:ConnectionString", $"Data Source={Path.Combine(_directory, "bot.db")}",
                "--Playbook:Feed", Path.Combine(samples, "feed", "c2-ipmasterlist.txt"),
                "--LocalLogs:Paths:0", Path.Combine(samples, "logs"),
                "--Intel:OfflineFile", Path.Combine(samples, "intel", "otx-pulses.json"),
                "--Mailboxes:Directory", Path.Combine(samples, "mailboxes"),
                "--Assets:File", Path.Combine(samples, "assets", "inventory.csv"),
                "--ShiftLog:File", Path.Combine(_directory, "shift-log.md"),
            ],
            builder =>
            {
                builder.Services.AddSingleton(check);
                if (runs is not null) builder.Services.AddSingleton(runs);
            });
        await using (app)
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var results = new List<(HttpStatusCode, JsonElement)>();
            for (var i = 0; i < probes; i++)
            {
                using var response = await http.GetAsync("/healthz/ready");
                results.Add((response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone()));
            }
            await app.StopAsync();
            return results;
        }
    }

    private sealed class CountingCheck : IConnectorCheck
    {
        private int _calls;

        public int Calls => _calls;

        public string Name => "counted";

        public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(ConnectorHealth.Pass("counted"));
        }
    }

    private sealed class FailingRuns : IRunStore
    {
        public Task CreateAsync(PlaybookRun run, CancellationToken cancellationToken) => throw new InvalidOperationException("down");

        public Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken) => throw new InvalidOperationException("down");

        public Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken) => throw new InvalidOperationException("down");

        public Task<IReadOnlyList<RunSummary>> ListAsync(int take, CancellationToken cancellationToken) => throw new InvalidOperationException("down");
    }

    private sealed class FixedCheck(ConnectorHealth health) : IConnectorCheck
    {
        public string Name => "ticketing (fake)";

        public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(health);
    }
}
