using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatOpsBot.Teams.Auth;

/// <summary>
/// Signing keys from an OpenID metadata document. The <see cref="ConfigurationManager{T}"/> caches them and refreshes
/// on its schedule; a token whose <c>kid</c> is unknown forces one direct re-read (at most every 30 s), because the
/// manager's own <c>RequestRefresh</c> completes in the background and would reject the first token after a rotation.
/// </summary>
public sealed class OpenIdKeySource
{
    private static readonly TimeSpan MinimumForcedRefresh = TimeSpan.FromSeconds(30);
    private readonly string _metadataUrl;
    private readonly HttpDocumentRetriever _retriever;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _forced;
    private DateTimeOffset _lastForced = DateTimeOffset.MinValue;

    public OpenIdKeySource(string metadataUrl, HttpClient http, TimeProvider clock)
    {
        _metadataUrl = metadataUrl;
        _clock = clock;
        var uri = new Uri(metadataUrl);
        _retriever = new HttpDocumentRetriever(http) { RequireHttps = !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback) };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    /// <summary>Times the metadata was read directly because of an unknown key id.</summary>
    public int ForcedRefreshes { get; private set; }

    /// <summary>Reads (and caches) the signing keys now, so the first activity does not wait for the metadata.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>The configuration holding <paramref name="kid"/>, or null when even a fresh read does not have it.</summary>
    public async Task<OpenIdConnectConfiguration?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var current = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        if (HasKey(current, kid)) return current;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_forced is not null && HasKey(_forced, kid)) return _forced;
            var now = _clock.GetUtcNow();
            if (now - _lastForced < MinimumForcedRefresh) return null;
            _lastForced = now;
            ForcedRefreshes++;
            _forced = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _retriever, cancellationToken).ConfigureAwait(false);
            _manager.RequestRefresh();
            return HasKey(_forced, kid) ? _forced : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool HasKey(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.JsonWebKeySet?.Keys.Any(k => k.Kid == kid) == true;
}
