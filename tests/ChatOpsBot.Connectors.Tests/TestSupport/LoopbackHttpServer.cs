using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>A real HTTP server on 127.0.0.1 and a free port, serving fixed bodies by path; anything else is 404.</summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string> _routes;
    private readonly Task _loop;

    public LoopbackHttpServer(Dictionary<string, string> routes)
    {
        _routes = routes;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public int RequestCount { get; private set; }

    public string? LastUserAgent { get; private set; }

    public void Dispose()
    {
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

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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

            RequestCount++;
            LastUserAgent = context.Request.UserAgent;
            using var response = context.Response;
            if (_routes.TryGetValue(context.Request.Url!.AbsolutePath, out var body))
            {
                // Chunked, like a large feed whose length the server does not announce.
                response.SendChunked = true;
                response.ContentType = "text/plain; charset=utf-8";
                var bytes = Encoding.UTF8.GetBytes(body);
                await response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }
}
