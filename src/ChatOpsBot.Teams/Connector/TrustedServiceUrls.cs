using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Teams.Auth;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Connector;

/// <summary>
/// The serviceUrls the bot's token may go to: each must have come in an authenticated activity (remembered in the
/// channel state, so replicas and restarts agree) and its host must be on <c>Teams:AllowedServiceUrlHosts</c>.
/// </summary>
public sealed class TrustedServiceUrls(IOptions<TeamsOptions> options, IChannelStateStore state)
{
    internal const string Channel = "teams";

    /// <summary>Remembers a serviceUrl that came in an authenticated activity (if its host is allowed).</summary>
    public async Task TrustAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var normalized = Normalize(serviceUrl);
        if (normalized is null || !IsAllowedHost(normalized)) return;
        await state.TryAddAsync(Channel, Key(normalized), "1", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="serviceUrl"/> may receive the bot's token.</summary>
    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var normalized = Normalize(serviceUrl);
        return normalized is not null && IsAllowedHost(normalized)
            && await state.GetAsync(Channel, Key(normalized), cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Host allowlist check: exact host, or <c>*.suffix</c> for any subdomain.</summary>
    public bool IsAllowedHost(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return false;
        if (options.Value.LocalPlayground && LocalPlayground.IsConnectorUrl(serviceUrl)) return true;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)) return false;
        return options.Value.EffectiveAllowedHosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? uri.Host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(uri.Host, pattern, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The serviceUrl with a trailing slash, or null when it is not an absolute URL.</summary>
    public static string? Normalize(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" : null;

    private static string Key(string normalized) => $"serviceurl:{normalized}";
}
