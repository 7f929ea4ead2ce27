using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Composition;
using ChatOpsBot.Slack.Signing;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.ScaleOut;

/// <summary>
/// One bot replica as operators run it: <c>dotnet ChatOpsBot.dll serve</c> in its own process, on its own port,
/// sharing the PostgreSQL database with the other replicas, Slack pointed at the test's fake.
/// </summary>
public sealed class Replica : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http;

    private Replica(Process process, Uri address)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    public string Name { get; private init; } = "";

    /// <summary>The replica's process id (its leases name it: <c>host:pid:…</c>).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>GET a path of the replica (health, metrics).</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public static Task<Replica> StartAsync(string name, string postgres, FakeSlack slack, string dataDirectory) =>
        StartAsync(name, postgres, slack, dataDirectory, null);

    /// <summary>Starts a replica with <paramref name="settings"/> (configuration keys, <c>:</c>-separated) over the defaults.</summary>
    public static async Task<Replica> StartAsync(string name, string postgres, FakeSlack slack, string dataDirectory, IReadOnlyDictionary<string, string>? settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatOpsBot.dll"));
        info.ArgumentList.Add("serve");
        var samples = RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = postgres,
            ["ShiftLog__File"] = Path.Combine(dataDirectory, "shift-log.md"),
            ["Slack__SigningSecret"] = BotHost.Secret,
            ["Slack__BotToken"] = "xoxb-test-token",
            ["Slack__Channel"] = BotHost.Channel,
            ["Slack__ApiBaseUrl"] = slack.ApiBase.ToString(),
            ["Slack__MessageInterval"] = "00:00:00",
            ["Slack__Approvers__Users__0"] = BotHost.Approver,
            ["Slack__Approvers__Users__1"] = BotHost.SecondApprover,
            // A dead replica's work is taken over after its lease: keep it short for the test.
            ["WorkQueue__Lease"] = "00:00:03",
            ["WorkQueue__PollInterval"] = "00:00:00.200",
            // Likewise a post the dead replica had claimed: the 2 min default claim lease would outlast the tests' 90 s
            // wait. 10 s still exceeds any post to the fake Slack on a loaded machine, so a live claim is never stolen.
            ["Outbox__ClaimLease"] = "00:00:10",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in DemoSettings.Configuration(samples)) env[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in env) info.Environment[key] = value;
        var replica = new Replica(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}/")) { Name = name };
        await Eventually.WaitAsync(async () =>
        {
            try { return (await replica._http.GetAsync("healthz/live")).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, $"replica {name} to listen\n{replica.Log}", seconds: 60);
        return replica;
    }

    public Task<HttpResponseMessage> CommandAsync(string text, string user, string responseUrl) =>
        PostSignedAsync("slack/commands", SlackPayloads.CommandForm(text, user, responseUrl));

    public Task<HttpResponseMessage> InteractAsync(JsonNode payload) =>
        PostSignedAsync("slack/interactions", SlackPayloads.InteractionForm(payload));

    /// <summary>SIGTERM, as a rolling update stops a pod; waits for the process to end.</summary>
    public async Task TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
    }

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        _http.Dispose();
        await Task.CompletedTask;
    }

    private Task<HttpResponseMessage> PostSignedAsync(string path, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(BotHost.Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return _http.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
