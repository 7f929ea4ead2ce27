using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.VirusTotal;

/// <summary>
/// Looks up one well-known address (<c>GET /api/v3/ip_addresses/8.8.8.8</c>) with the key: reachable and authorised.
/// It spends one request of the key's quota, paced like every other call (the client's pipeline takes a quota slot);
/// the readiness endpoint caches the result.
/// </summary>
internal sealed class VirusTotalConnectorCheck(HttpClient http, IOptions<VirusTotalOptions> options) : IConnectorCheck
{
    public string Name => "intel (VirusTotal)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("ip_addresses/8.8.8.8", UriKind.Relative));
            request.Headers.Add("x-apikey", options.Value.ApiKey);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            HttpFailure.ThrowUnlessSuccess(response);
            return ConnectorHealth.Pass($"{http.BaseAddress?.Host}: key accepted (looked up 8.8.8.8)");
        }
        catch (Exception e) when (HttpFailure.IsFinal(e, cancellationToken))
        {
            return ConnectorHealth.Fail($"{http.BaseAddress?.Host}: {HttpFailure.Describe(e)}");
        }
        catch (IntelQuotaExhaustedException e)
        {
            return ConnectorHealth.Fail($"{http.BaseAddress?.Host}: the quota of {e.Quota} is used up until {e.ResetsAt:yyyy-MM-dd HH:mm} UTC");
        }
    }
}
