using System.Net;
using ChatOpsBot.Connectors.VirusTotal;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Connectors.CombinedIntel;

/// <summary>
/// OTX and VirusTotal together (<c>Intel:Provider = OtxAndVirusTotal</c>), each behind the verdict cache when there is
/// one. The rule:
/// <list type="bullet">
/// <item>IPs: OTX answers (its pulses feed the pivot) and VirusTotal gives a second opinion; the verdict is the more
/// severe of the two (Malicious over Suspicious over Harmless over Unknown). When only VirusTotal fails or its daily
/// quota is used up, the OTX answer stands and the source says so; when OTX fails, the lookup fails.</item>
/// <item>Pulse indicators: OTX only.</item>
/// <item>File hashes and URLs: VirusTotal; when it does not know the indicator or is unavailable, OTX answers.</item>
/// </list>
/// </summary>
/// <param name="otx">OTX (cached).</param>
/// <param name="virusTotal">VirusTotal (cached).</param>
/// <param name="logger">Logger.</param>
public sealed class OtxVirusTotalIntel(IThreatIntel otx, IThreatIntel virusTotal, ILogger<OtxVirusTotalIntel> logger) : IThreatIntel
{
    public const string SourceName = "OTX + VirusTotal";

    public IThreatIntel For(IntelScope scope) => new OtxVirusTotalIntel(otx.For(scope), virusTotal.For(scope), logger);

    public async Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        var first = await otx.LookupIpAsync(ip, cancellationToken).ConfigureAwait(false);
        try
        {
            var second = await virusTotal.LookupIpAsync(ip, cancellationToken).ConfigureAwait(false);
            return new IpIntel((Verdict)Math.Max((int)first.Verdict, (int)second.Verdict), first.Pulses, SourceName)
            {
                Detail = string.Join("; ", new[] { first.Detail, second.Detail }.Where(d => d.Length > 0)),
                CachedAt = Oldest(first.CachedAt, second.CachedAt),
            };
        }
        catch (VirusTotalException e)
        {
            logger.LogWarning("VirusTotal second opinion unavailable, OTX verdict stands: {Reason}", e.Message);
            return first with { Source = "OTX (VirusTotal unavailable)" };
        }
        catch (IntelQuotaExhaustedException e)
        {
            logger.LogWarning("VirusTotal quota used up, OTX verdict stands: {Reason}", e.Message);
            return first with { Source = $"OTX (VirusTotal's quota of {e.Quota} used up until {e.ResetsAt:HH:mm} UTC)" };
        }
    }

    public Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken) =>
        otx.GetPulseIpv4IndicatorsAsync(pulseId, cancellationToken);

    public Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken) =>
        VirusTotalFirstAsync(ct => virusTotal.LookupFileHashAsync(hash, ct), ct => otx.LookupFileHashAsync(hash, ct), cancellationToken);

    public Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken) =>
        VirusTotalFirstAsync(ct => virusTotal.LookupUrlAsync(url, ct), ct => otx.LookupUrlAsync(url, ct), cancellationToken);

    private async Task<IndicatorVerdict> VirusTotalFirstAsync(
        Func<CancellationToken, Task<IndicatorVerdict>> primary, Func<CancellationToken, Task<IndicatorVerdict>> fallback, CancellationToken cancellationToken)
    {
        try
        {
            var verdict = await primary(cancellationToken).ConfigureAwait(false);
            if (verdict.Verdict != Verdict.Unknown) return verdict;
        }
        catch (Exception e) when (e is VirusTotalException or IntelQuotaExhaustedException)
        {
            logger.LogWarning("VirusTotal unavailable, asking OTX: {Reason}", e.Message);
        }
        return await fallback(cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset? Oldest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
