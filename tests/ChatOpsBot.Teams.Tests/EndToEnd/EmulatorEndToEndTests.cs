using System.Net;
using ChatOpsBot.Composition;
using ChatOpsBot.Teams.Tests.Fakes;
using ChatOpsBot.Web;
using Microsoft.AspNetCore.Builder;

namespace ChatOpsBot.Teams.Tests.EndToEnd;

/// <summary>
/// <c>Teams:AllowEmulator</c> and <c>Teams:EmulatorOpenIdMetadataUrl</c> through the real web host: an Emulator token on
/// <c>POST /api/messages</c> is 401 unless allowed, and then only with the right audience.
/// </summary>
public sealed class EmulatorEndToEndTests : IAsyncLifetime
{
    private const string Personal = "a:1-personal-emulator-user";
    private static readonly (string Id, string Aad, string Name) User = ("29:emulator-user", "aad-emulator-user", "Emulator User");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "teams-emulator-" + Guid.NewGuid().ToString("N"));
    private readonly SigningKey _emulatorKey = new("emulator-key-1");
    private readonly List<WebApplication> _bots = [];
    private readonly List<HttpClient> _clients = [];
    private FakeBotFramework _fake = null!;
    private FakeBotFramework _emulatorTenant = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _fake = await FakeBotFramework.StartAsync();
        _emulatorTenant = await FakeBotFramework.StartAsync();
        EmulatorTokens.PublishOnly(_emulatorTenant, _emulatorKey);
    }

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        foreach (var bot in _bots)
        {
            await bot.StopAsync();
            await bot.DisposeAsync();
        }
        await _emulatorTenant.DisposeAsync();
        await _fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private async Task<TeamsClient> StartBotAsync(bool allowEmulator)
    {
        var samples = RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        var name = allowEmulator ? "allowed" : "refused";
        var settings = new Dictionary<string, string?>(DemoSettings.Configuration(samples))
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_dir, name + ".db")}",
            ["ShiftLog:File"] = Path.Combine(_dir, name + "-shift-log.md"),
            ["Teams:AppId"] = FakeBotFramework.AppId,
            ["Teams:AppPassword"] = FakeBotFramework.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = _fake.MetadataUrl,
            ["Teams:TokenEndpoint"] = _fake.TokenEndpoint,
            ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:RetryBaseDelay"] = "00:00:00.010",
            ["Teams:AllowEmulator"] = allowEmulator ? "true" : "false",
            ["Teams:EmulatorOpenIdMetadataUrl"] = _emulatorTenant.MetadataUrl,
        };
        var bot = WebHost.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        _bots.Add(bot);
        await bot.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First().TrimEnd('/') + "/") };
        _clients.Add(http);
        return new TeamsClient(http, _fake);
    }

    private static System.Text.Json.Nodes.JsonObject Help(TeamsClient teams)
    {
        var activity = teams.Activity("message", Personal, "personal", User);
        activity["channelId"] = "emulator";
        activity["text"] = "c2hunt help";
        return activity;
    }

    [Fact]
    public async Task AllowEmulatorFalse_EmulatorToken_Is401()
    {
        var teams = await StartBotAsync(allowEmulator: false);

        var response = await teams.PostAsync(Help(teams), EmulatorTokens.Create(_emulatorKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task AllowEmulatorTrue_EmulatorToken_IsAnswered_WrongAudienceStill401()
    {
        var teams = await StartBotAsync(allowEmulator: true);

        var wrongAudience = await teams.PostAsync(Help(teams), EmulatorTokens.Create(_emulatorKey, audience: "someone-elses-bot"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Empty(_fake.Calls);

        var response = await teams.PostAsync(Help(teams), EmulatorTokens.Create(_emulatorKey, EmulatorTokens.V2Issuer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_fake.Calls);
        Assert.Equal("POST", reply.Method);
        Assert.Contains("/v3/conversations/", reply.Path, StringComparison.Ordinal);
    }
}
