using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Graph;

/// <summary>
/// Client-credentials tokens for Graph (OAuth 2.0 token endpoint, <c>grant_type=client_credentials</c>), kept until a
/// minute before they expire. One per process: every mailbox call shares the token.
/// </summary>
internal sealed class GraphTokenCache(IOptions<GraphOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    public async Task<AuthenticationHeaderValue> GetAsync(HttpClient http, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || time.GetUtcNow() >= _expires)
            {
                var o = options.Value;
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(o.TokenEndpoint.Replace("{tenant}", Uri.EscapeDataString(o.TenantId), StringComparison.Ordinal)))
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "client_credentials",
                        ["client_id"] = o.ClientId,
                        ["client_secret"] = o.ClientSecret,
                        ["scope"] = o.Scope,
                    }),
                };
                var answer = await GraphHttp.GetJsonAsync(http, request, $"Graph token for app {o.ClientId}", cancellationToken).ConfigureAwait(false);
                var token = answer["access_token"]?.GetValue<string>();
                if (string.IsNullOrEmpty(token))
                    throw new GraphMailboxException($"Graph token for app {o.ClientId}: the answer has no access_token");
                var lifetime = answer["expires_in"] is JsonValue v && v.TryGetValue<int>(out var seconds) ? seconds : 300;
                _token = token;
                _expires = time.GetUtcNow().AddSeconds(Math.Max(0, lifetime - 60));
            }

            return new AuthenticationHeaderValue("Bearer", _token);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the token (after Graph refused it).</summary>
    public void Invalidate() => _token = null;

    public void Dispose() => _gate.Dispose();
}
