using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Composition;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Teams.Tests.Fakes;

/// <summary>
/// The real web host over the demo data, configured for Teams against a loopback Bot Connector and token endpoint,
/// with helpers to talk to it as a person in a 1:1 chat.
/// </summary>
internal sealed class TeamsBotHost : IAsyncDisposable
{
    public const string Personal = "a:1-personal-alice";
    public const string SocChannel = "19:soc-channel@thread.tacv2";
    public static readonly (string Id, string Aad, string Name) Alice = ("29:alice", "aad-alice", "Alice Analyst");
    public static readonly (string Id, string Aad, string Name) Carol = ("29:carol", "aad-carol", "Carol Approver");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string _dir;
    private readonly HttpClient _http;

    private TeamsBotHost(string dir, FakeBotFramework fake, WebApplication bot)
    {
        _dir = dir;
        Fake = fake;
        Bot = bot;
        _http = new HttpClient { BaseAddress = new Uri(bot.Urls.First().TrimEnd('/') + "/") };
        Teams = new TeamsClient(_http, fake);
    }

    public FakeBotFramework Fake { get; }
    public WebApplication Bot { get; }
    public TeamsClient Teams { get; }
    public IRunStore Runs => Bot.Services.GetRequiredService<IRunStore>();

    /// <param name="configure">Changes to the settings (e.g. <c>Playbook:Approvals:Validation</c>).</param>
    public static async Task<TeamsBotHost> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "teams-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var fake = await FakeBotFramework.StartAsync();
        var samples = RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        var settings = new Dictionary<string, string?>(DemoSettings.Configuration(samples))
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(dir, "bot.db")}",
            ["ShiftLog:File"] = Path.Combine(dir, "shift-log.md"),
            ["Teams:AppId"] = FakeBotFramework.AppId,
            ["Teams:AppPassword"] = FakeBotFramework.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Teams:TokenEndpoint"] = fake.TokenEndpoint,
            ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:Channel"] = SocChannel,
            ["Teams:Approvers:0"] = Alice.Aad,
            ["Teams:Approvers:1"] = Carol.Aad,
            ["Teams:RetryBaseDelay"] = "00:00:00.010",
        };
        configure?.Invoke(settings);
        var bot = WebHost.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await bot.StartAsync();
        return new TeamsBotHost(dir, fake, bot);
    }

    /// <summary>Alice's 1:1 message <paramref name="text"/>; returns the text of the bot's reply to it.</summary>
    public async Task<string> SayAsync(string text)
    {
        var message = Teams.Activity("message", Personal, "personal", Alice);
        message["text"] = text;
        Assert.Equal(HttpStatusCode.OK, (await Teams.PostAsync(message)).StatusCode);
        var reply = Fake.Calls.Last(c => c.Path.EndsWith("/activities/" + message["id"], StringComparison.Ordinal));
        return reply.Body!["text"]!.GetValue<string>();
    }

    /// <summary>A click on <paramref name="prompt"/>'s card by <paramref name="who"/>; returns the invoke response.</summary>
    public async Task<JsonObject> ClickAsync((string Id, string Aad, string Name) who, Prompt prompt, string option)
    {
        var data = new JsonObject { ["runId"] = prompt.RunId, ["promptId"] = prompt.Id, ["option"] = option };
        var response = await Teams.PostAsync(Teams.Invoke(Personal, who, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!.AsObject();
    }

    /// <summary>The run once <paramref name="condition"/> holds.</summary>
    public async Task<PlaybookRun> WaitAsync(string runId, Func<PlaybookRun, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var run = await Runs.FindAsync(runId, default) ?? throw new InvalidOperationException("run vanished");
            if (condition(run)) return run;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Run {runId} stuck in {run.State}, prompt {run.Prompt?.Id}, outbox {run.Outbox.Count}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Bot.StopAsync();
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
