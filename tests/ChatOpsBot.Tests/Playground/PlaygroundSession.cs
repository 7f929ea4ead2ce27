using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.Playground;

/// <summary>
/// The real built bot (Development, <c>Teams:LocalPlayground</c> on, demo data) and Microsoft 365 Agents Playground,
/// each on a free loopback port, with the Playground's conversation and log websockets recorded from the start.
/// </summary>
internal sealed partial class PlaygroundSession : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir;
    private readonly StringBuilder _playgroundOutput = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private readonly object _gate = new();
    private readonly List<JsonObject> _conversation = [];
    private readonly List<JsonObject> _log = [];
    private Process? _playground;

    private PlaygroundSession(TempDirectory dir, BotProcess bot, HttpClient http)
    {
        _dir = dir;
        Bot = bot;
        Http = http;
    }

    public BotProcess Bot { get; }
    public HttpClient Http { get; }
    public string DataDirectory => _dir.Path;
    public int PlaygroundPort { get; private set; }
    public string PlaygroundUrl => $"http://localhost:{PlaygroundPort}/";

    /// <summary>Starts both; <paramref name="settings"/> are extra bot settings (environment-variable form).</summary>
    public static async Task<PlaygroundSession> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dir = new TempDirectory();
        var botPort = FreePort();
        var root = RepositoryRoot.Path;
        var samples = Path.Combine(root, "samples");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{botPort}",
            ["Teams__LocalPlayground"] = "true",
            ["Teams__AppId"] = PlaygroundTenant.BotId,
            ["Teams__Approvers__0"] = PlaygroundTenant.Alice.AadObjectId,
            ["Teams__Approvers__1"] = PlaygroundTenant.Bob.AadObjectId,
            ["Teams__RetryBaseDelay"] = "00:00:00.050",
            ["Playbook__Feed"] = Path.Combine(samples, "feed", "c2-ipmasterlist.txt"),
            ["LocalLogs__Paths__0"] = Path.Combine(samples, "logs"),
            ["Intel__OfflineFile"] = Path.Combine(samples, "intel", "otx-pulses.json"),
            ["Mailboxes__Directory"] = Path.Combine(samples, "mailboxes"),
            ["Assets__File"] = Path.Combine(samples, "assets", "inventory.csv"),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) environment[k] = v;
        var bot = BotProcess.Start(["serve"], dir.Path, environment);
        var session = new PlaygroundSession(dir, bot, new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        try
        {
            await bot.WaitForOutputAsync("ChatOpsBot is serving", StartLimit, stderr: true);
            await session.StartPlaygroundAsync(botPort);
            session.Listen("_ws_conversation/v1/conversations/stream", session._conversation);
            session.Listen("_ws/log/stream", session._log);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task StartPlaygroundAsync(int botPort)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(PlaygroundPrerequisites.Node()!)
        {
            WorkingDirectory = _dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { PlaygroundPrerequisites.PlaygroundCli, "-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt" })
            info.ArgumentList.Add(a);
        // Offline and headless: no browser launch, no telemetry, no sign-in; the shipped tenant file.
        info.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        info.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        info.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = PlaygroundTenant.ConfigFile;
        info.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(_dir.Path, "playground.log");
        foreach (var name in new[] { "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID" }) info.Environment.Remove(name);
        _playground = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        _playground.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _playgroundOutput.AppendLine(e.Data); };
        _playground.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _playgroundOutput.AppendLine(e.Data); };
        _playground.BeginOutputReadLine();
        _playground.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartLimit;
        PlaygroundPort = port;
        while (true)
        {
            // A taken port makes it pick another silently: it says which.
            if (ListeningOn().Match(PlaygroundOutput) is { Success: true } m) PlaygroundPort = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                if ((await Http.GetStringAsync(new Uri(PlaygroundUrl + "_debug/ping"))).Contains("pong", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException)
            {
            }
            if (_playground.HasExited || DateTime.UtcNow > deadline)
                throw new TimeoutException($"The Agents Playground did not answer /_debug/ping.\n{PlaygroundOutput}\n{ReadLogFile()}");
            await Task.Delay(200);
        }
    }

    public string PlaygroundOutput { get { lock (_gate) return _playgroundOutput.ToString(); } }

    private string ReadLogFile() => File.Exists(Path.Combine(_dir.Path, "playground.log")) ? File.ReadAllText(Path.Combine(_dir.Path, "playground.log")) : "";

    /// <summary>Everything the conversation stream sent (createMessage/updateMessage, with the cards).</summary>
    public IReadOnlyList<JsonObject> ConversationEvents { get { lock (_gate) return [.. _conversation]; } }

    /// <summary>Everything the log stream sent: each request and response between the Playground and the bot.</summary>
    public IReadOnlyList<JsonObject> LogEvents { get { lock (_gate) return [.. _log]; } }

    private void Listen(string path, List<JsonObject> into)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        var ready = socket.ConnectAsync(new Uri($"ws://localhost:{PlaygroundPort}/{path}"), _stop.Token);
        _readers.Add(Task.Run(async () =>
        {
            using (socket)
            {
                await ready;
                var buffer = new byte[64 * 1024];
                var message = new MemoryStream();
                while (!_stop.IsCancellationRequested && socket.State == System.Net.WebSockets.WebSocketState.Open)
                {
                    System.Net.WebSockets.WebSocketReceiveResult result;
                    try
                    {
                        result = await socket.ReceiveAsync(buffer, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                    catch (System.Net.WebSockets.WebSocketException)
                    {
                        break;
                    }
                    if (result.MessageType == System.Net.WebSockets.WebSocketMessageType.Close) break;
                    message.Write(buffer, 0, result.Count);
                    if (!result.EndOfMessage) continue;
                    if (JsonNode.Parse(message.ToArray()) is JsonObject o) lock (_gate) into.Add(o);
                    message.SetLength(0);
                }
            }
        }));
        ready.Wait(TimeSpan.FromSeconds(10));
    }

    /// <summary>Types <paramref name="text"/> into <paramref name="conversationId"/> as <paramref name="from"/> (an @mention of the bot outside the personal chat).</summary>
    public async Task<string> SendAsync(string conversationId, PlaygroundUser from, string text)
    {
        var body = new JsonObject { ["from"] = new JsonObject { ["id"] = from.Id }, ["textFormat"] = "plain" };
        if (conversationId == PlaygroundTenant.PersonalChat) body["text"] = text;
        else
        {
            body["text"] = "<at>C2 Hunt</at> " + text;
            body["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = PlaygroundTenant.BotId }, ["text"] = "<at>C2 Hunt</at>" });
        }
        var response = await PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        return response?["messageId"]?.GetValue<string>() ?? throw new InvalidOperationException("the Playground returned no messageId");
    }

    /// <summary>An <c>Action.Execute</c> click (adaptiveCard/action invoke) on message <paramref name="messageId"/>; returns what the bot answered.</summary>
    public async Task<JsonObject?> InvokeAsync(string conversationId, string messageId, PlaygroundUser from, JsonObject action) =>
        await PostAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = action, ["trigger"] = "manual" },
            ["from"] = new JsonObject { ["id"] = from.Id },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = messageId,
        });

    /// <summary>An <c>Action.Submit</c> click: a message whose value is the button's data.</summary>
    public async Task SubmitAsync(string conversationId, string messageId, PlaygroundUser from, JsonObject value) =>
        await PostAsync("_conversation/v1/submit", new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = from.Id },
            ["replyToId"] = messageId,
            ["value"] = value,
        });

    private async Task<JsonObject?> PostAsync(string path, JsonObject body)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(PlaygroundUrl + path), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"Playground {path}: HTTP {(int)response.StatusCode} {text}");
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await Task.WhenAll(_readers).WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is TimeoutException or OperationCanceledException) { }
        if (_playground is { HasExited: false }) _playground.Kill(entireProcessTree: true);
        if (_playground is not null) await _playground.WaitForExitAsync();
        _playground?.Dispose();
        await Bot.DisposeAsync();
        Http.Dispose();
        _stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();
}
