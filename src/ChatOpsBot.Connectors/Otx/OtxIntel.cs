using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Otx;

/// <summary>
/// Threat intel from AlienVault OTX DirectConnect v1: an indicator's <c>general</c> section gives its pulses and
/// validation (allow-list) entries; a pulse's indicators are paged through <c>next</c>. 404 means unknown.
/// Failures that outlast the retries become <see cref="OtxException"/>.
/// </summary>
public sealed class OtxIntel(HttpClient http, IOptions<OtxOptions> options, ILogger<OtxIntel> logger) : IThreatIntel
{
    public const string SourceName = "OTX";

    private readonly OtxOptions _options = options.Value;

    public async Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ip);
        var section = ip.AddressFamily == AddressFamily.InterNetworkV6 && !ip.IsIPv4MappedToIPv6 ? "IPv6" : "IPv4";
        var address = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        var general = await GeneralAsync($"api/v1/indicators/{section}/{Uri.EscapeDataString(address.ToString())}/general", "IP lookup", cancellationToken).ConfigureAwait(false);
        return new IpIntel(general.Verdict, general.Pulses, SourceName);
    }

    public async Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        var general = await GeneralAsync($"api/v1/indicators/file/{Uri.EscapeDataString(hash.Trim())}/general", "file hash lookup", cancellationToken).ConfigureAwait(false);
        return new IndicatorVerdict(general.Verdict, general.Detail);
    }

    public async Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var general = await GeneralAsync($"api/v1/indicators/url/{Uri.EscapeDataString(url.Trim())}/general", "URL lookup", cancellationToken).ConfigureAwait(false);
        return new IndicatorVerdict(general.Verdict, general.Detail);
    }

    public async Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pulseId);
        var found = new List<IPAddress>();
        var seen = new HashSet<IPAddress>();
        Uri? next = new($"api/v1/pulses/{Uri.EscapeDataString(pulseId)}/indicators?limit={_options.PageSize}", UriKind.Relative);
        for (var page = 1; next is not null; page++)
        {
            if (page > _options.MaxPages)
                throw new OtxException($"pulse {pulseId} has more than Otx:MaxPages ({_options.MaxPages}) pages of indicators");
            var (ips, following, exists) = await CallAsync("pulse indicators", ct => IndicatorPageAsync(next, ct), cancellationToken).ConfigureAwait(false);
            if (!exists)
            {
                logger.LogWarning("OTX knows no pulse {PulseId}", pulseId);
                break;
            }
            found.AddRange(ips.Where(seen.Add));
            next = following;
        }
        return found;
    }

    private Task<OtxGeneral> GeneralAsync(string path, string operation, CancellationToken cancellationToken) =>
        CallAsync(operation, async ct =>
        {
            using var response = await SendAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound) return OtxGeneral.None;
            HttpFailure.ThrowUnlessSuccess(response);
            using var json = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            return OtxGeneral.Parse(json.RootElement);
        }, cancellationToken);

    private async Task<(List<IPAddress> Ips, Uri? Next, bool Exists)> IndicatorPageAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(url, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return ([], null, false);
        HttpFailure.ThrowUnlessSuccess(response);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            throw new JsonException("The indicator page has no results array.");
        var ips = new List<IPAddress>();
        foreach (var item in results.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "IPv4"
                && item.TryGetProperty("indicator", out var indicator) && indicator.ValueKind == JsonValueKind.String
                && IPAddress.TryParse(indicator.GetString(), out var ip))
                ips.Add(ip);
        }
        var next = root.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } text ? FollowNext(text) : null;
        return (ips, next, true);
    }

    /// <summary>The key goes with every request, so <c>next</c> is followed only on the configured host.</summary>
    private Uri FollowNext(string text)
    {
        var baseUrl = http.BaseAddress!;
        if (!Uri.TryCreate(baseUrl, text, out var next)
            || next.Scheme != baseUrl.Scheme || !string.Equals(next.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase))
            throw new JsonException("The next page link leaves the configured OTX host; not following it.");
        return next;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-OTX-API-KEY", _options.ApiKey);
        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (HttpFailure.IsFinal(e, cancellationToken))
        {
            throw new OtxException($"{operation} failed: {HttpFailure.Describe(e)}", e);
        }
    }
}
