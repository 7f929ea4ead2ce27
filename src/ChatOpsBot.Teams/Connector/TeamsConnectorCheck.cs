using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Connector;

/// <summary>
/// <c>check</c> line for Teams: a client-credentials token from the configured token endpoint (reachable, app id and
/// password accepted). Asks for a fresh token each time, unlike <see cref="ConnectorTokenProvider"/>, which caches it.
/// </summary>
internal sealed class TeamsConnectorCheck(HttpClient http, IOptions<TeamsOptions> options) : IConnectorCheck
{
    public string Name => "chat (Teams)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.LocalPlayground) return ConnectorHealth.Pass("local Agents Playground: no token needed");
        var endpoint = new Uri(o.EffectiveTokenEndpoint);
        try
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = o.AppId, ["client_secret"] = o.AppPassword, ["scope"] = TeamsOptions.ConnectorScope,
            });
            using var response = await http.PostAsync(endpoint, form, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return ConnectorHealth.Fail($"{endpoint.Authority}: the token endpoint refused app {o.AppId} (HTTP {(int)response.StatusCode})");
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return body.Contains("\"access_token\"", StringComparison.Ordinal)
                ? ConnectorHealth.Pass($"{endpoint.Authority}: token issued to app {o.AppId}")
                : ConnectorHealth.Fail($"{endpoint.Authority}: the token endpoint returned no access_token");
        }
        catch (HttpRequestException e)
        {
            return ConnectorHealth.Fail($"{endpoint.Authority}: unreachable ({e.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ConnectorHealth.Fail($"{endpoint.Authority}: no answer within {http.Timeout.TotalSeconds:0} s");
        }
    }
}
