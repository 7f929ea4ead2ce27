using System.Net;
using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Observability;

/// <summary>Measures calls to the configured <see cref="IThreatIntel"/>.</summary>
internal sealed class InstrumentedThreatIntel(IThreatIntel inner, ConnectorMetrics metrics) : IThreatIntel
{
    public Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("intel", inner, "lookup_ip", () => inner.LookupIpAsync(ip, cancellationToken));

    public Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("intel", inner, "pulse_indicators", () => inner.GetPulseIpv4IndicatorsAsync(pulseId, cancellationToken));

    public Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("intel", inner, "lookup_file_hash", () => inner.LookupFileHashAsync(hash, cancellationToken));

    public IThreatIntel For(IntelScope scope) => new InstrumentedThreatIntel(inner.For(scope), metrics);

    public Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("intel", inner, "lookup_url", () => inner.LookupUrlAsync(url, cancellationToken));
}
