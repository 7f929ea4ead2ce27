using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like an API under test: each request is recorded, then handed to
/// the test's handler on its own task, so a slow answer does not hold up the next request.
/// </summary>
public sealed class FakeApiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, HttpListenerResponse, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _loop;

    public FakeApiServer(Func<RecordedRequest, HttpListenerResponse, CancellationToken, Task> handler)
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

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    public static async Task Json(HttpListenerResponse response, string body, int status = 200, params (string Name, string Value)[] headers)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        foreach (var (name, value) in headers) response.Headers[name] = value;
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public static async Task WriteLine(HttpListenerResponse response, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        await response.OutputStream.WriteAsync(bytes);
        await response.OutputStream.FlushAsync();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; for waiting on the client, never for timing.</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), what);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends by throwing once the listener is closed.
        }
        _stopping.Dispose();
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
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var raw = request.RawUrl ?? "/";
            var q = raw.IndexOf('?', StringComparison.Ordinal);
            var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(request.HttpMethod, q < 0 ? raw : raw[..q], q < 0 ? "" : raw[q..], headers, body);
            _requests.Enqueue(recorded);
            await _handler(recorded, context.Response, _stopping.Token);
        }
        catch (Exception)
        {
            // The client gave up (timeout) or the server is stopping: nothing to answer.
            try { context.Response.Abort(); } catch (ObjectDisposedException) { }
        }
    }
}
