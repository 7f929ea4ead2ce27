using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Composition;
using ChatOpsBot.Web;
using Microsoft.AspNetCore.Builder;

namespace ChatOpsBot.Teams.Tests.EndToEnd;

/// <summary>
/// <c>POST /api/messages</c> of the real web host with <c>Teams:LocalPlayground</c> on (Development): a token-free
/// activity from loopback is taken only with a Playground connector serviceUrl; with any other serviceUrl host it is
/// still 401 and nothing is processed. (The non-loopback caller is covered by <see cref="Auth.LocalPlaygroundTests"/>,
/// which decides on the connection's RemoteIpAddress; the host trusts no forwarded headers.)
/// </summary>
public sealed class LocalPlaygroundEndpointTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "teams-playground-" + Guid.NewGuid().ToString("N"));
    private WebApplication _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var samples = RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        var settings = new Dictionary<string, string?>(DemoSettings.Configuration(samples))
        {
            ["environment"] = "Development",
            ["urls"] = "http://127.0.0.1:0",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_dir, "bot.db")}",
            ["ShiftLog:File"] = Path.Combine(_dir, "shift-log.md"),
            ["Teams:AppId"] = "0c9a7e51-2f3b-4d6c-8a1e-3b5c7d9e1f20",
            ["Teams:LocalPlayground"] = "true",
        };
        _bot = WebHost.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await _bot.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_bot.Urls.First().TrimEnd('/') + "/") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://127.0.0.1:56150/_connector")]
    public async Task TokenFreeActivity_FromLoopback_WithAPlaygroundConnector_IsTaken(string serviceUrl) =>
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(serviceUrl)).StatusCode);

    [Theory]
    [InlineData("http://evil.example:56150/_connector")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://localhost:56150/v3")]
    public async Task TokenFreeActivity_WithAnotherServiceUrl_Is401(string serviceUrl) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(serviceUrl)).StatusCode);

    [Fact]
    public async Task ActivityWithABadToken_IsCheckedAsAToken_EvenFromThePlayground() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("http://localhost:56150/_connector", "Bearer not-a-token")).StatusCode);

    // messageReaction: authenticated, remembered, answered 200 without a reply (no Connector call to the made-up port).
    private async Task<HttpResponseMessage> PostAsync(string serviceUrl, string? authorization = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "messageReaction",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "29:alice", ["aadObjectId"] = "a11ce000-1b2c-4d3e-8f4a-5b6c7d8e9f01" },
            ["conversation"] = new JsonObject { ["id"] = "a:personal", ["conversationType"] = "personal" },
            ["recipient"] = new JsonObject { ["id"] = "0c9a7e51-2f3b-4d6c-8a1e-3b5c7d9e1f20" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await _http.SendAsync(request);
    }
}
