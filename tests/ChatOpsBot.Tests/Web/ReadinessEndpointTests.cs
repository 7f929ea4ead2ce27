using System.Net;
using System.Text.Json;
using ChatOpsBot.Core.Health;
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
    public async Task Ready_AllChecksPass_Answers200WithEachCheck()
    {
        var (status, json) = await GetReadyAsync(ConnectorHealth.Pass("authenticated as bot"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", json.GetProperty("status").GetString());
        Assert.Equal(["database", "workers", "outbox", "ticketing (fake)"], json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Ready_ConnectorFails_Answers503NamingIt()
    {
        var (status, json) = await GetReadyAsync(ConnectorHealth.Fail("TheHive answered 401"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unready", json.GetProperty("status").GetString());
        var failed = json.GetProperty("checks").EnumerateArray().Single(c => !c.GetProperty("healthy").GetBoolean());
        Assert.Equal("ticketing (fake)", failed.GetProperty("name").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetReadyAsync(ConnectorHealth health)
    {
        // The embedded connectors read the bundled samples; relative paths would resolve against the test's bin folder.
        var samples = ChatOpsBot.Composition.RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        var app = WebHost.Build(
            [
                "--urls", "http://127.0.0.1:0",
                "--Storage:ConnectionString", $"Data Source={Path.Combine(_directory, "bot.db")}",
                "--LocalLogs:Paths:0", Path.Combine(samples, "logs"),
                "--Intel:OfflineFile", Path.Combine(samples, "intel", "otx-pulses.json"),
                "--Mailboxes:Directory", Path.Combine(samples, "mailboxes"),
                "--Assets:File", Path.Combine(samples, "assets", "inventory.csv"),
                "--ShiftLog:File", Path.Combine(_directory, "shift-log.md"),
            ],
            builder => builder.Services.AddSingleton<IConnectorCheck>(new FixedCheck(health)));
        await using (app)
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await http.GetAsync("/healthz/ready");
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            await app.StopAsync();
            return (response.StatusCode, json);
        }
    }

    private sealed class FixedCheck(ConnectorHealth health) : IConnectorCheck
    {
        public string Name => "ticketing (fake)";

        public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(health);
    }
}
