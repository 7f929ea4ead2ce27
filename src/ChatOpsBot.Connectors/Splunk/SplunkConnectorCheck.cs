using System.Net.Http.Headers;
using System.Text.Json;
using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Asks Splunk whose token this is (<c>GET /services/authentication/current-context</c>): reachable and authorised.</summary>
internal sealed class SplunkConnectorCheck(HttpClient http, IOptions<SplunkOptions> options) : IConnectorCheck
{
    public string Name => "SIEM (Splunk)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("services/authentication/current-context?output_mode=json", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Token);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            HttpFailure.ThrowUnlessSuccess(response);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var user = json.RootElement.TryGetProperty("entry", out var entry) && entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() > 0
                && entry[0].TryGetProperty("content", out var content) && content.TryGetProperty("username", out var name) ? name.GetString() : "?";
            return ConnectorHealth.Pass($"{http.BaseAddress?.Authority}: token accepted, user {user}");
        }
        catch (Exception e) when (HttpFailure.IsFinal(e, cancellationToken))
        {
            return ConnectorHealth.Fail($"{http.BaseAddress?.Authority}: {HttpFailure.Describe(e)}");
        }
    }
}
