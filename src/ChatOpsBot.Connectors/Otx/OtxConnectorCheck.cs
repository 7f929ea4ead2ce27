using System.Text.Json;
using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Otx;

/// <summary>
/// Asks OTX whose key this is (<c>GET /api/v1/users/me</c>): reachable and authorised. An indicator lookup would not
/// prove the key, since OTX answers those anonymously too.
/// </summary>
internal sealed class OtxConnectorCheck(HttpClient http, IOptions<OtxOptions> options) : IConnectorCheck
{
    public string Name => "intel (OTX)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v1/users/me", UriKind.Relative));
            request.Headers.Add("X-OTX-API-KEY", options.Value.ApiKey);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            HttpFailure.ThrowUnlessSuccess(response);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var user = json.RootElement.TryGetProperty("username", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : "?";
            return ConnectorHealth.Pass($"{http.BaseAddress?.Host}: key accepted, user {user}");
        }
        catch (Exception e) when (HttpFailure.IsFinal(e, cancellationToken))
        {
            return ConnectorHealth.Fail($"{http.BaseAddress?.Host}: {HttpFailure.Describe(e)}");
        }
    }
}
