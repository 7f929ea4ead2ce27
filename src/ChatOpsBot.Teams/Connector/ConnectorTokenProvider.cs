using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Connector;

/// <summary>
/// The bot's token for the Bot Connector, by OAuth client credentials (scope <c>https://api.botframework.com/.default</c>),
/// cached until five minutes before it expires. A plain form POST rather than MSAL: MSAL only accepts https
/// authorities, so it could not be pointed at the loopback token endpoint the tests use, and this is one request.
/// </summary>
public sealed class ConnectorTokenProvider(HttpClient http, IOptions<TeamsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan EarlyRenewal = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>A valid access token.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && clock.GetUtcNow() < _renewAt) return cached;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } again && clock.GetUtcNow() < _renewAt) return again;
            var o = options.Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId,
                ["client_secret"] = o.AppPassword,
                ["scope"] = TeamsOptions.ConnectorScope,
            });
            using var response = await http.PostAsync(new Uri(o.EffectiveTokenEndpoint), form, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new ConnectorException(response.StatusCode, $"The token endpoint refused the bot's credentials (HTTP {(int)response.StatusCode}).");
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(body?.AccessToken)) throw new ConnectorException(response.StatusCode, "The token endpoint returned no access_token.");
            _token = body.AccessToken;
            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 60));
            _renewAt = clock.GetUtcNow() + (lifetime > EarlyRenewal * 2 ? lifetime - EarlyRenewal : lifetime / 2);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token (after a 401).</summary>
    public void Invalidate() => _renewAt = DateTimeOffset.MinValue;

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
