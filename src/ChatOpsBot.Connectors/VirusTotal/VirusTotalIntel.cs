using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Connectors.Pacing;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.VirusTotal;

/// <summary>
/// Threat intel from VirusTotal API v3: the verdict comes from <c>last_analysis_stats</c> against the configured
/// thresholds; 404 (NotFoundError) means unknown. Every attempt is paced to the key's quota by its
/// <see cref="QuotaPacer"/> (per minute with a margin, per UTC day, shared by replicas; see <see cref="VirusTotalExtensions"/>);
/// a used-up daily quota fails at once with <see cref="IntelQuotaExhaustedException"/>. Failures that outlast the
/// retries (a 429 that does not clear, 5xx, timeouts) become <see cref="VirusTotalException"/>.
/// VirusTotal has no pulses: IPs come back without any, and pulse indicators are empty.
/// </summary>
public sealed class VirusTotalIntel : IThreatIntel
{
    public const string SourceName = "VirusTotal";

    private readonly HttpClient _http;
    private readonly VirusTotalOptions _options;
    private readonly IntelScope _scope;

    public VirusTotalIntel(HttpClient http, IOptions<VirusTotalOptions> options)
        : this(http, options?.Value ?? throw new ArgumentNullException(nameof(options)), IntelScope.Default)
    {
    }

    private VirusTotalIntel(HttpClient http, VirusTotalOptions options, IntelScope scope)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options;
        _scope = scope;
    }

    public IThreatIntel For(IntelScope scope) => new VirusTotalIntel(_http, _options, scope ?? throw new ArgumentNullException(nameof(scope)));

    public async Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ip);
        var address = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        var stats = await StatsAsync($"ip_addresses/{Uri.EscapeDataString(address.ToString())}", "IP lookup", cancellationToken).ConfigureAwait(false);
        return new IpIntel(stats?.VerdictFor(_options) ?? Verdict.Unknown, [], SourceName) { Detail = stats?.Detail ?? "not known to VirusTotal" };
    }

    public Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IPAddress>>([]);

    public async Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        return VerdictOf(await StatsAsync($"files/{Uri.EscapeDataString(hash.Trim())}", "file hash lookup", cancellationToken).ConfigureAwait(false));
    }

    public async Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return VerdictOf(await StatsAsync($"urls/{UrlId(url.Trim())}", "URL lookup", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The URL identifier v3 accepts without canonicalising first: unpadded URL-safe base64 of the URL.</summary>
    public static string UrlId(string url) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(url));

    private IndicatorVerdict VerdictOf(AnalysisStats? stats) =>
        stats is null ? new IndicatorVerdict(Verdict.Unknown, "not known to VirusTotal") : new IndicatorVerdict(stats.VerdictFor(_options), stats.Detail);

    /// <summary>The object's analysis stats, or null when VirusTotal does not know it.</summary>
    private async Task<AnalysisStats?> StatsAsync(string path, string operation, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add("x-apikey", _options.ApiKey);
            if (_scope.QuotaWaits is { } observer) request.Options.Set(QuotaPacer.WaitObserver, observer);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            HttpFailure.ThrowUnlessSuccess(response);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return AnalysisStats.Parse(json.RootElement);
        }
        catch (Exception e) when (HttpFailure.IsFinal(e, cancellationToken))
        {
            var quota = e is HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests } ? " (the key's quota is used up; daily quotas reset at 00:00 UTC)" : "";
            throw new VirusTotalException($"{operation} failed: {HttpFailure.Describe(e)}{quota}", e);
        }
    }
}
