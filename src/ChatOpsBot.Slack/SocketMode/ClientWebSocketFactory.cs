using System.Net.WebSockets;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>The real connection: a <see cref="ClientWebSocket"/> with keep-alive pings.</summary>
public sealed class ClientWebSocketFactory : ISlackWebSocketFactory
{
    public async Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
