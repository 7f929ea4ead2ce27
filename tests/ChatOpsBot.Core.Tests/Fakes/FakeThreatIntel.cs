using System.Net;
using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>Threat intel with scripted verdicts and pulses; unknown indicators are <see cref="Verdict.Unknown"/>.</summary>
public sealed class FakeThreatIntel : IThreatIntel
{
    /// <summary>IP verdicts.</summary>
    public Dictionary<string, IpIntel> Ips { get; } = [];

    /// <summary>Pulse id → IPv4 indicators.</summary>
    public Dictionary<string, List<string>> Pulses { get; } = [];

    /// <summary>SHA-256 → verdict.</summary>
    public Dictionary<string, IndicatorVerdict> FileHashes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>URL → verdict.</summary>
    public Dictionary<string, IndicatorVerdict> Urls { get; } = [];

    /// <summary>IPs looked up, in order.</summary>
    public List<string> IpLookups { get; } = [];

    /// <summary>Pulses whose indicators were read, in order.</summary>
    public List<string> PulseLookups { get; } = [];

    private readonly Lock _gate = new();
    private int _ipFailures;
    private int _ipSuccessesBeforeFailures;

    /// <summary>Scopes the playbook asked for (<see cref="IThreatIntel.For"/>), in order.</summary>
    public List<IntelScope> Scopes { get; } = [];

    /// <summary>
    /// Before each IP look-up made through a scope that observes quota waits, reports the wait this returns (given the
    /// number of IP look-ups so far), as a paced provider does; null reports none.
    /// </summary>
    public Func<int, IntelQuotaWait?>? QuotaWaits { get; set; }

    /// <summary>What a failing IP look-up throws; an <see cref="HttpRequestException"/> unless set.</summary>
    public Func<Exception>? IpFailure { get; set; }

    /// <summary>
    /// After <paramref name="after"/> more successful IP look-ups, the next <paramref name="times"/> throw, as an intel
    /// service that goes down.
    /// </summary>
    public void FailIpLookups(int times, int after = 0) => (_ipFailures, _ipSuccessesBeforeFailures) = (times, after);

    public IThreatIntel For(IntelScope scope)
    {
        lock (_gate) Scopes.Add(scope);
        return new Scoped(this, scope);
    }

    public Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        // Validation looks up a batch of IPs in parallel.
        lock (_gate)
        {
            if (_ipSuccessesBeforeFailures > 0) _ipSuccessesBeforeFailures--;
            else if (_ipFailures > 0)
            {
                _ipFailures--;
                throw IpFailure?.Invoke() ?? new HttpRequestException("intel unavailable");
            }
            IpLookups.Add(ip.ToString());
            return Task.FromResult(Ips.TryGetValue(ip.ToString(), out var intel) ? intel : new IpIntel(Verdict.Unknown, [], "fake-intel"));
        }
    }

    public Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken)
    {
        PulseLookups.Add(pulseId);
        IReadOnlyList<IPAddress> ips = Pulses.TryGetValue(pulseId, out var list) ? list.Select(IPAddress.Parse).ToList() : [];
        return Task.FromResult(ips);
    }

    public Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken) =>
        Task.FromResult(FileHashes.TryGetValue(hash, out var v) ? v : new IndicatorVerdict(Verdict.Unknown, "not seen"));

    public Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken) =>
        Task.FromResult(Urls.TryGetValue(url, out var v) ? v : new IndicatorVerdict(Verdict.Unknown, "not seen"));

    /// <summary>The fake as one scope sees it: reports the configured quota waits before IP look-ups.</summary>
    private sealed class Scoped(FakeThreatIntel fake, IntelScope scope) : IThreatIntel
    {
        public async Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken)
        {
            int count;
            lock (fake._gate) count = fake.IpLookups.Count;
            if (scope.QuotaWaits is { } observer && fake.QuotaWaits?.Invoke(count) is { } wait) await observer(wait, cancellationToken);
            return await fake.LookupIpAsync(ip, cancellationToken);
        }

        public Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken) =>
            fake.GetPulseIpv4IndicatorsAsync(pulseId, cancellationToken);

        public Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken) => fake.LookupFileHashAsync(hash, cancellationToken);

        public Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken) => fake.LookupUrlAsync(url, cancellationToken);

        public IThreatIntel For(IntelScope other) => fake.For(other);
    }
}
