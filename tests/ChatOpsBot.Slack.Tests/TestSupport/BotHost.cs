using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Composition;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Signing;
using ChatOpsBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>
/// The real bot (web host, engine, embedded connectors on the bundled samples, a temporary SQLite file) with Slack
/// pointed at a <see cref="FakeSlack"/>, listening on 127.0.0.1; requests are signed as Slack signs them.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string Secret = "test-signing-secret-0123456789";
    public const string Channel = "CSOC0001";
    public const string Approver = "UAPPROVER1";
    public const string SecondApprover = "UAPPROVER2";
    public const string Outsider = "UOUTSIDER1";
    public const string ApproverGroup = "SAPPROVERS";
    public const string DemoSince = "24h";
    public const string DemoUntil = "2026-11-28T00:00:00Z";

    private readonly string _directory;

    private BotHost(WebApplication app, FakeSlack slack, string directory)
    {
        App = app;
        Slack = slack;
        _directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    public WebApplication App { get; }
    public FakeSlack Slack { get; }
    public HttpClient Http { get; }
    public IRunStore Runs => App.Services.GetRequiredService<IRunStore>();

    /// <param name="socketMode">Socket Mode (an app token) instead of signed HTTP.</param>
    /// <param name="configure">Changes to the settings.</param>
    /// <param name="services">Replacements registered after the bot's own services (a fake clock, a recording logger).</param>
    /// <param name="slack">A fake already prepared by the test (it is disposed with the host).</param>
    public static async Task<BotHost> StartAsync(bool socketMode = false, Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null, FakeSlack? slack = null)
    {
        slack ??= await FakeSlack.StartAsync();
        slack.UserGroups[ApproverGroup] = [SecondApprover];
        var directory = Path.Combine(Path.GetTempPath(), "chatopsbot-slack-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var samples = RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        var settings = new Dictionary<string, string?>(DemoSettings.Configuration(samples))
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "bot.db")}",
            ["ShiftLog:File"] = Path.Combine(directory, "shift-log.md"),
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:Channel"] = Channel,
            ["Slack:ApiBaseUrl"] = slack.ApiBase.ToString(),
            ["Slack:MessageInterval"] = "00:00:00",
            ["Slack:Approvers:Users:0"] = Approver,
            ["Slack:Approvers:UserGroups:0"] = ApproverGroup,
        };
        if (socketMode)
        {
            settings["Slack:SocketMode"] = "true";
            settings["Slack:AppToken"] = "xapp-test-token";
        }
        else
        {
            settings["Slack:SigningSecret"] = Secret;
        }
        configure?.Invoke(settings);
        var app = WebHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new BotHost(app, slack, directory);
    }

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>POSTs <paramref name="body"/> signed like Slack (now), or with the given headers.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, string? timestamp = null, string? signature = null, int? retryNum = null)
    {
        timestamp ??= Timestamp(DateTimeOffset.UtcNow);
        signature ??= SlackSignatureVerifier.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (timestamp.Length > 0) request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.TimestampHeader, timestamp);
        if (signature.Length > 0) request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.SignatureHeader, signature);
        if (retryNum is { } n) request.Headers.TryAddWithoutValidation("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> CommandAsync(string text, string user = Approver) =>
        PostSignedAsync("slack/commands", SlackPayloads.CommandForm(text, user, Slack.ResponseUrl("cmd")), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> InteractAsync(JsonNode payload) =>
        PostSignedAsync("slack/interactions", SlackPayloads.InteractionForm(payload), "application/x-www-form-urlencoded");

    public async Task<PlaybookRun> RunAsync(string id) => await Runs.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no run {id}");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
        }
    }
}
