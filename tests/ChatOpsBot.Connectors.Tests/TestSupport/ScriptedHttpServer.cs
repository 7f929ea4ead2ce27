using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>A request as the loopback server received it.</summary>
public sealed record ScriptedRequest(string Method, string Path, string Query, string? Authorization, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>An answer of the loopback server; <see cref="Delay"/> holds it back (to exceed client timeouts).</summary>
public sealed record ScriptedResponse(int Status, string? Body = null, string ContentType = "application/json", TimeSpan? Delay = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Json(string body, int status = 200) => new(status, body);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port that records every request and answers through a handler,
/// so connector tests talk HTTP exactly as they would to the real API.
/// </summary>
public sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ScriptedRequest, ScriptedResponse> _handler;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public ScriptedHttpServer(Func<ScriptedRequest, ScriptedResponse> handler)
    {
        _handler = handler;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener loop ends by throwing once the listener is closed.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var request = new ScriptedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Url.Query,
                context.Request.Headers["Authorization"], context.Request.ContentType, body.ToArray());
            Requests.Enqueue(request);
            var answer = _handler(request);
            if (answer.Delay is { } delay)
                await Task.Delay(delay, _stop.Token);
            using var response = context.Response;
            // One request per connection: the managed HttpListener can drop a kept-alive connection while the client
            // reuses it ("response ended prematurely"), which would fail a non-repeatable POST for the wrong reason.
            response.KeepAlive = false;
            response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
                response.Headers[name] = value;
            if (answer.Body is not null)
            {
                response.ContentType = answer.ContentType;
                var bytes = Encoding.UTF8.GetBytes(answer.Body);
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client gave up (timeout test) or the server is stopping.
        }
    }
}
