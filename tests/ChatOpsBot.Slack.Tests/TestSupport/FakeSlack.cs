using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 that plays Slack: the Web API under <c>/api/</c> (answering like Slack, with
/// scripted failures such as <c>ok:false</c> or 429 + Retry-After, timed outages and slow methods), upload URLs,
/// <c>response_url</c>s and the Socket Mode WebSocket. Every request is recorded; the messages it accepted are kept per
/// channel (<see cref="Messages"/>), updated by <c>chat.update</c> and listed by <c>conversations.history</c> as Slack's
/// documentation describes it (newest first, <c>oldest</c> exclusive, cursor pages, metadata only with
/// <c>include_all_metadata</c>).
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Scripted>> _scripts = new();
    private readonly ConcurrentDictionary<string, string> _failing = new();
    private readonly SlackChannels _channels = new();
    private readonly ConcurrentDictionary<string, Outage> _outages = new();
    private readonly ConcurrentDictionary<string, (TimeSpan Delay, Func<SlackCall, bool> When)> _delays = new();
    private int _ts;
    private int _openSockets;

    private FakeSlack(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;
    public Uri ApiBase => new(BaseAddress, "api/");
    public Dictionary<string, string[]> UserGroups { get; } = new();
    public Channel<SocketSession> Sessions { get; } = System.Threading.Channels.Channel.CreateUnbounded<SocketSession>();

    /// <summary>When set, every new socket gets <c>hello</c> and then at once a <c>disconnect</c> with this reason.</summary>
    public string? DisconnectAfterHello { get; set; }

    /// <summary>Sockets the app may hold at once (Slack allows 10); one more gets <c>hello</c>, then <c>disconnect</c> <c>too_many_websockets</c>.</summary>
    public int MaxSockets { get; set; } = 10;

    /// <summary>Socket Mode connections open now.</summary>
    public int OpenSockets => Volatile.Read(ref _openSockets);

    public IReadOnlyList<SlackCall> Calls => _calls.ToList();

    /// <summary>The messages Slack accepted (chat.postMessage that answered ok), in the order it accepted them.</summary>
    public IReadOnlyList<SlackMessage> Messages => _channels.All();

    /// <summary>The posts and updates Slack accepted that carried an outbox message's metadata, in the order it accepted them.</summary>
    public IReadOnlyList<AcceptedCall> Accepted => _channels.Accepted();
    public IReadOnlyList<SlackCall> CallsTo(string method) => _calls.Where(c => c.Method == method).ToList();
    public string ResponseUrl(string id) => new Uri(BaseAddress, $"response/{id}").ToString();

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.Map("/socket", fake.SocketAsync);
        app.MapPost("/api/{method}", fake.ApiAsync);
        app.MapPost("/upload/{fileId}", async (HttpContext http, string fileId) =>
        {
            fake.Record($"upload", http, await ReadAsync(http));
            return Results.Text($"OK - {http.Request.ContentLength}");
        });
        app.MapPost("/response/{id}", async (HttpContext http, string id) =>
        {
            fake.Record("response_url", http, await ReadAsync(http));
            return Results.Text("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The next call to <paramref name="method"/> gets this answer instead of the normal one.</summary>
    public void Script(string method, HttpStatusCode status, string body, TimeSpan? retryAfter = null) =>
        _scripts.GetOrAdd(method, _ => new ConcurrentQueue<Scripted>()).Enqueue(new Scripted(status, body, retryAfter));

    public void Fail(string method, string error) => Script(method, HttpStatusCode.OK, $$"""{"ok":false,"error":"{{error}}"}""");

    /// <summary>Every call to <paramref name="method"/> answers <c>ok:false</c> with <paramref name="error"/> until <see cref="StopFailing"/>.</summary>
    public void KeepFailing(string method, string error) => _failing[method] = error;

    public void StopFailing(string method) => _failing.TryRemove(method, out _);
    /// <summary>
    /// For <paramref name="duration"/> from now, every call to <paramref name="method"/> fails: alternately HTTP 500 and
    /// HTTP 429 with <c>Retry-After: 1</c>, as during a Slack incident. Nothing is posted meanwhile.
    /// </summary>
    public void Storm(string method, TimeSpan duration) => _outages[method] = new Outage(DateTimeOffset.UtcNow + duration);

    /// <summary>Whether a storm on <paramref name="method"/> is still on.</summary>
    public bool Storming(string method) => _outages.TryGetValue(method, out var o) && o.Until > DateTimeOffset.UtcNow;

    /// <summary>Calls to <paramref name="method"/> matching <paramref name="when"/> are answered only after <paramref name="delay"/> (recorded at once).</summary>
    public void Slow(string method, TimeSpan delay, Func<SlackCall, bool>? when = null) => _delays[method] = (delay, when ?? (_ => true));

    private async Task<IResult> ApiAsync(HttpContext http, string method)
    {
        var body = await ReadAsync(http);
        var call = Record(method, http, body);
        if (_delays.TryGetValue(method, out var slow) && slow.When(call)) await Task.Delay(slow.Delay);
        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is { } wait) http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Text(scripted.Body, "application/json", Encoding.UTF8, (int)scripted.Status);
        }
        if (_failing.TryGetValue(method, out var error)) return Json(new JsonObject { ["ok"] = false, ["error"] = error });
        if (_outages.TryGetValue(method, out var outage) && outage.Until > DateTimeOffset.UtcNow)
        {
            if (Interlocked.Increment(ref outage.Calls) % 2 == 1) return Results.Text("<html><body>Internal Server Error</body></html>", "text/html", Encoding.UTF8, 500);
            http.Response.Headers.RetryAfter = "1";
            return Results.Text("""{"ok":false,"error":"ratelimited"}""", "application/json", Encoding.UTF8, 429);
        }
        if (http.Request.Headers.Authorization.Count == 0) return Json(new JsonObject { ["ok"] = false, ["error"] = "not_authed" });
        JsonObject reply = method switch
        {
            "chat.postMessage" => _channels.Post(call.Json!, NextTs()),
            "chat.update" => _channels.Update(call.Json!),
            "conversations.history" => _channels.History(call.Form ?? []),
            "conversations.replies" => _channels.Replies(call.Form ?? []),
            "files.getUploadURLExternal" => UploadTicket(),
            "usergroups.users.list" => new()
            {
                ["ok"] = true,
                ["users"] = new JsonArray((UserGroups.GetValueOrDefault(call.Form?["usergroup"] ?? "") ?? []).Select(u => (JsonNode)u).ToArray()),
            },
            "apps.connections.open" => new() { ["ok"] = true, ["url"] = $"ws://{BaseAddress.Authority}/socket" },
            _ => new() { ["ok"] = true },
        };
        return Json(reply);
    }

    private JsonObject UploadTicket()
    {
        var id = $"F{Interlocked.Increment(ref _ts):D6}";
        return new() { ["ok"] = true, ["upload_url"] = new Uri(BaseAddress, $"upload/{id}").ToString(), ["file_id"] = id };
    }

    // Like Slack's: Unix seconds and a sequence; unique, and increasing with time.
    private string NextTs() => $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Interlocked.Increment(ref _ts) % 1_000_000:D6}";

    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }
        Record("socket", http, "");
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var open = Interlocked.Increment(ref _openSockets);
        try
        {
            var session = new SocketSession(socket);
            await session.SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = open });
            // Slack refuses a connection over the app's limit, or asks for a refresh, right after hello.
            var refusal = open > MaxSockets ? "too_many_websockets" : DisconnectAfterHello;
            if (refusal is not null) await session.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = refusal });
            else await Sessions.Writer.WriteAsync(session);
            await session.RunAsync();
        }
        finally
        {
            Interlocked.Decrement(ref _openSockets);
        }
    }

    private SlackCall Record(string method, HttpContext http, string body)
    {
        var call = new SlackCall(method, http.Request.Path, http.Request.Headers.Authorization.ToString(), http.Request.ContentType ?? "", body);
        _calls.Enqueue(call);
        return call;
    }

    private static async Task<string> ReadAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Scripted(HttpStatusCode Status, string Body, TimeSpan? RetryAfter);

    private sealed class Outage(DateTimeOffset until)
    {
        public DateTimeOffset Until { get; } = until;
        public int Calls;
    }
}

/// <summary>One recorded request to the fake.</summary>
public sealed record SlackCall(string Method, string Path, string Authorization, string ContentType, string Body)
{
    public JsonNode? Json => ContentType.StartsWith("application/json", StringComparison.Ordinal) && Body.Length > 0 ? JsonNode.Parse(Body) : null;

    /// <summary>The JSON body re-serialised without \u escapes, so tests can search it for what Slack would show.</summary>
    public string Text => Json?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? Body;

    public Dictionary<string, string>? Form => ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)
        ? QueryHelpers.ParseQuery(Body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString())
        : null;
}

/// <summary>The server side of one Socket Mode connection: sends envelopes and collects their acknowledgements.</summary>
public sealed class SocketSession(WebSocket socket)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode>> _acks = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _send = new(1, 1);
    private int _next;

    public async Task<JsonNode> SendEnvelopeAsync(string type, JsonNode payload)
    {
        var id = $"env-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}";
        var ack = _acks.GetOrAdd(id, _ => new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously));
        await SendAsync(new JsonObject { ["envelope_id"] = id, ["type"] = type, ["payload"] = payload, ["accepts_response_payload"] = type != "events_api" });
        return await ack.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public Task DisconnectAsync() => SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" });

    public void Drop() => socket.Abort();

    public Task Closed => _closed.Task;

    internal async Task SendAsync(JsonObject message)
    {
        await _send.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    internal async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) break;
                var node = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (node?["envelope_id"]?.GetValue<string>() is { } id)
                    _acks.GetOrAdd(id, _ => new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(node);
            }
        }
        catch (WebSocketException)
        {
            // Dropped: the client reconnects.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
