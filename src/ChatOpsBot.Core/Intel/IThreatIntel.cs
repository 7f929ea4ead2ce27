using System.Net;

namespace ChatOpsBot.Core.Intel;

/// <summary>Port: threat intelligence about IPs, pulses, file hashes and URLs.</summary>
public interface IThreatIntel
{
    /// <summary>Verdict on an IP and the pulses (threat reports) that mention it.</summary>
    Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken);

    /// <summary>Every IPv4 indicator of the pulse with id <paramref name="pulseId"/>.</summary>
    Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken);

    /// <summary>Verdict on a file hash (SHA-256, SHA-1 or MD5, hex).</summary>
    Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Verdict on a URL.</summary>
    Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken);

    /// <summary>
    /// This intel as one run's lookups should see it: <paramref name="scope"/> says whether to bypass the verdict cache
    /// and whom to tell when a lookup waits for a provider's quota. Sources without a cache or a quota ignore it;
    /// a decorator passes it on to what it wraps.
    /// </summary>
    IThreatIntel For(IntelScope scope) => this;
}
