using System.Net;

namespace ChatOpsBot.Teams.Auth;

/// <summary>
/// The local-development mode for Microsoft 365 Agents Playground (<c>Teams:LocalPlayground</c>): the Playground sends
/// activities without a token and takes replies without one. Both are allowed only for a request from loopback whose
/// serviceUrl is the Playground's own connector, <c>http://localhost:&lt;port&gt;/_connector</c> (or 127.0.0.1).
/// </summary>
public static class LocalPlayground
{
    private const string ConnectorPath = "/_connector";

    /// <summary>True when <paramref name="serviceUrl"/> is a Playground connector on this machine (http, loopback host name, explicit port, path <c>/_connector</c>).</summary>
    public static bool IsConnectorUrl(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp) return false;
        // Host names, not IsLoopback: "localhost" and 127.0.0.1 are what the Playground sends; anything else is not it.
        var host = uri.Host is "localhost" or "127.0.0.1";
        var path = uri.AbsolutePath.TrimEnd('/') == ConnectorPath;
        return host && path && !uri.IsDefaultPort && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query);
    }

    /// <summary>
    /// True when an activity without a token is accepted: the mode is on, the connection's remote address is loopback
    /// (the socket's address, never a forwarded header) and the serviceUrl is a Playground connector.
    /// </summary>
    public static bool Accepts(bool enabled, IPAddress? remoteAddress, string? serviceUrl) =>
        enabled && remoteAddress is not null && IPAddress.IsLoopback(Normalize(remoteAddress)) && IsConnectorUrl(serviceUrl);

    // Dual-stack sockets report IPv4 peers as ::ffff:127.0.0.1.
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
