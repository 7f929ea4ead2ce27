using System.Net.WebSockets;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>Opens the Socket Mode WebSocket; replaceable so tests can point it at a loopback server.</summary>
public interface ISlackWebSocketFactory
{
    Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken);
}
