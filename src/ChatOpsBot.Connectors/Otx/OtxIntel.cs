using System.Net;
using System.Text.Json;
using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Connectors.Pacing;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Otx;

/// <summary>
/// Threat intel from AlienVault OTX DirectConnect v1: an indicator's <c>general</c> section gives its pulses and
/// validation (allow-list) entries; a pulse's indicators are paged through <c>next</c>. 404 means unknown for IPs,
/// hashes and pulses; for a URL it means OTX did not read the path as a URL (see <see cref="OtxPaths"/>) and is a
/// failure, never "unknown". Requests are paced to <c>Otx:RequestsPerSecond</c> (shared by replicas).
/// Failures that outlast the retries become <see cref="OtxException"/>.
/// </summary>
public sealed class OtxIntel : IThreatIntel
{
    public const string SourceName = "OTX";

    private readonly HttpClient _http;
    private readonly OtxOptions _options;
    private readonly ILogger<OtxIntel> _logger;
    private readonly IntelScope _scope;

    public OtxIntel(HttpClient http, IOptions<OtxOptions> options, ILogger<OtxIntel> logger)
        : this(http, options?.Value ?? throw new ArgumentNullException(nameof(options)), logger, IntelScope.Default)
    {
    }

    private OtxIntel(HttpClient http, OtxOptions options, ILogger<OtxIntel> logger, IntelScope scope)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _scope = scope;
    }

    public IThreatIntel For(IntelScope scope) => new OtxIntel(_http, _options, _logger, scope ?? throw new ArgumentNullException(nameof(scope)));

    public async Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ip);
        var general = await GeneralAsync(OtxPaths.Ip(ip), "IP lookup", notFoundIsUnknown: true, cancellationToken).ConfigureAwait(false);
        // The pulses speak for themselves in the prompt; only an allow-listing needs saying.
        return new IpIntel(general.Verdict, general.Pulses, SourceName) { Detail = general.AllowListed ? general.Detail : "" };
    }

    public async Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        var general = await GeneralAsync(OtxPaths.FileHash(hash), "file hash lookup", notFoundIsUnknown: true, cancellationToken).ConfigureAwait(false);
        return new IndicatorVerdict(general.Verdict, general.Detail);
    }

    public async Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        // OTX answers a URL it has no pulse for with 200 and an empty pulse_info; a 404 means the path did not reach
        // it as this URL, and reading that as "unknown" would clear a phishing link unseen.
        var general = await GeneralAsync(OtxPaths.Url(url), "URL lookup", notFoundIsUnknown: false, cancellationToken).ConfigureAwait(false);
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
                _logger.LogWarning("OTX knows no pulse {PulseId}", pulseId);
                break;
            }
            found.AddRange(ips.Where(seen.Add));
            next = following;
        }
        return found;
    }

    private Task<OtxGeneral> GeneralAsync(string path, string operation, bool notFoundIsUnknown, CancellationToken cancellationToken) =>
        CallAsync(operation, async ct =>
        {
            // Built without canonicalisation, so a URL indicator's dot segments and escapes reach OTX as written.
            var url = new Uri(_http.BaseAddress + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            using var response = await SendAsync(url, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return notFoundIsUnknown ? OtxGeneral.None
                    : throw new OtxException($"{operation} failed: HTTP 404 (NotFound): OTX did not read the path as this indicator, so it is not taken as unknown");
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
        var baseUrl = _http.BaseAddress!;
        if (!Uri.TryCreate(baseUrl, text, out var next)
            || next.Scheme != baseUrl.Scheme || !string.Equals(next.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase))
            throw new JsonException("The next page link leaves the configured OTX host; not following it.");
        return next;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-OTX-API-KEY", _options.ApiKey);
        if (_scope.QuotaWaits is { } observer) request.Options.Set(QuotaPacer.WaitObserver, observer);
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
