using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Composition;
using ChatOpsBot.Teams.Tests.Fakes;
using Xunit.Abstractions;

namespace ChatOpsBot.Teams.Tests.EndToEnd;

/// <summary>
/// Teams waits 15 s for the answer to a card action. The bot stores the answer in its inbox before it replies, then
/// applies it; measured here on a cold replica: a bot process started fresh, whose very first request is the click.
/// </summary>
public sealed class ColdReplicaAcknowledgementTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Personal = "a:1-personal-alice";
    private static readonly (string Id, string Aad, string Name) Alice = ("29:alice", "aad-alice", "Alice Analyst");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "teams-cold-" + Guid.NewGuid().ToString("N"));
    private FakeBotFramework _fake = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _fake = await FakeBotFramework.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_first_card_action_a_fresh_replica_receives_is_answered_well_within_teams_15_seconds()
    {
        string runId, promptId, option;
        await using (var warm = await BotProcess.StartAsync(_dir, _fake))
        {
            var teams = new TeamsClient(warm.Http, _fake);
            var start = teams.Activity("message", Personal, "personal", Alice);
            start["text"] = "c2hunt start 2026-11-27T00:00Z 2026-11-28T00:00Z";
            Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(start)).StatusCode);
            var card = await WaitForPromptCardAsync();
            var data = card["actions"]!.AsArray().Select(a => a!["data"]!).First();
            (runId, promptId, option) = (data["runId"]!.GetValue<string>(), data["promptId"]!.GetValue<string>(), data["option"]!.GetValue<string>());
        }

        await using var cold = await BotProcess.StartAsync(_dir, _fake);
        var client = new TeamsClient(cold.Http, _fake);
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync(client.Invoke(Personal, Alice, new JsonObject { ["runId"] = runId, ["promptId"] = promptId, ["option"] = option }));
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"answered after {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"cold replica answered its first card action in {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private async Task<JsonObject> WaitForPromptCardAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var card = _fake.Calls.Select(c => c.Card).LastOrDefault(c => c?["actions"] is JsonArray a && a.Any(x => x?["data"]?["promptId"] is not null));
            if (card is not null) return card;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no prompt card was posted");
            await Task.Delay(50);
        }
    }

    /// <summary><c>dotnet ChatOpsBot.dll serve</c> with Teams pointed at the fake Bot Framework and a SQLite file in the test's folder.</summary>
    private sealed class BotProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        private BotProcess(Process process, Uri address)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
            process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public HttpClient Http { get; }

        public static async Task<BotProcess> StartAsync(string directory, FakeBotFramework fake)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatOpsBot.dll"));
            info.ArgumentList.Add("serve");
            var samples = RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
            var settings = new Dictionary<string, string?>(DemoSettings.Configuration(samples))
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "bot.db")}",
                ["ShiftLog:File"] = Path.Combine(directory, "shift-log.md"),
                ["Teams:AppId"] = FakeBotFramework.AppId,
                ["Teams:AppPassword"] = FakeBotFramework.AppPassword,
                ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
                ["Teams:TokenEndpoint"] = fake.TokenEndpoint,
                ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
                ["Teams:Approvers:0"] = Alice.Aad,
                ["Teams:RetryBaseDelay"] = "00:00:00.010",
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["DOTNET_NOLOGO"] = "1",
            };
            foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            var bot = new BotProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}/"));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    if ((await bot.Http.GetAsync("healthz/live")).StatusCode == HttpStatusCode.OK) return bot;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                if (DateTime.UtcNow > deadline || bot._process.HasExited) throw new TimeoutException($"the bot did not start:\n{bot._log}");
                await Task.Delay(100);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            Http.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
