using System.Net;
using System.Net.Sockets;
using ChatOpsBot.Connectors.Common;
using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>The pulses of an export, indexed by indicator for constant-time lookups (CIDRs are scanned).</summary>
internal sealed class OtxIndex
{
    private readonly Dictionary<IPAddress, List<PulseRef>> _addresses = [];
    private readonly List<(IPNetwork Network, PulseRef Pulse)> _networks = [];
    private readonly Dictionary<string, List<PulseRef>> _hashes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<PulseRef>> _urls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IPAddress>> _pulseIpv4 = new(StringComparer.Ordinal);

    public OtxIndex(IEnumerable<OtxPulseDto> pulses)
    {
        var number = 0;
        foreach (var dto in pulses)
        {
            number++;
            var pulse = new PulseRef(
                string.IsNullOrWhiteSpace(dto.Id) ? $"pulse-{number}" : dto.Id,
                dto.Name ?? "(unnamed pulse)",
                dto.Tags ?? [],
                dto.MalwareFamilies ?? []);
            var ipv4 = new List<IPAddress>();
            _pulseIpv4.TryAdd(pulse.Id, ipv4);
            foreach (var indicator in dto.Indicators ?? [])
            {
                Add(pulse, indicator, ipv4);
            }
        }
    }

    public IReadOnlyList<PulseRef> PulsesForAddress(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var found = new List<PulseRef>(_addresses.GetValueOrDefault(address) ?? []);
        foreach (var (network, pulse) in _networks)
        {
            if (network.Contains(address) && !found.Contains(pulse))
            {
                found.Add(pulse);
            }
        }

        return found;
    }

    public IReadOnlyList<PulseRef> PulsesForHash(string hash) => _hashes.GetValueOrDefault(hash.Trim()) ?? [];

    public IReadOnlyList<PulseRef> PulsesForUrl(string url) => _urls.GetValueOrDefault(UrlNormalizer.Normalize(url)) ?? [];

    public IReadOnlyList<IPAddress> Ipv4Of(string pulseId) => _pulseIpv4.GetValueOrDefault(pulseId) ?? [];

    private static void AddTo<TKey>(Dictionary<TKey, List<PulseRef>> index, TKey key, PulseRef pulse)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(pulse))
        {
            list.Add(pulse);
        }
    }

    private void Add(PulseRef pulse, OtxIndicatorDto indicator, List<IPAddress> ipv4)
    {
        var value = indicator.Indicator?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        // Unparseable indicators are skipped: one bad entry in a community pulse must not hide the rest.
        switch (indicator.Type?.ToUpperInvariant())
        {
            case "IPV4" or "IPV6":
                if (IpIndicatorParser.TryParseAddress(value, out var address, out _))
                {
                    AddTo(_addresses, address, pulse);
                    if (address.AddressFamily == AddressFamily.InterNetwork && !ipv4.Contains(address))
                    {
                        ipv4.Add(address);
                    }
                }

                break;
            case "CIDR":
                if (IpIndicatorParser.TryParse(value, out var network, out _))
                {
                    _networks.Add((network, pulse));
                }

                break;
            case "FILEHASH-SHA256" or "FILEHASH-SHA1" or "FILEHASH-MD5":
                AddTo(_hashes, value, pulse);
                break;
            case "URL":
                AddTo(_urls, UrlNormalizer.Normalize(value), pulse);
                break;
        }
    }
}
