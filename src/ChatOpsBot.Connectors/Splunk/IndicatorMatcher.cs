using System.Net;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Membership test of an address in a query's indicators: exact addresses by hash, CIDR ranges by scan.</summary>
internal sealed class IndicatorMatcher
{
    private readonly HashSet<IPAddress> _addresses = [];
    private readonly List<IPNetwork> _ranges = [];

    public IndicatorMatcher(IEnumerable<IPNetwork> indicators)
    {
        foreach (var network in indicators)
        {
            if (network.PrefixLength == network.BaseAddress.GetAddressBytes().Length * 8) _addresses.Add(network.BaseAddress);
            else _ranges.Add(network);
        }
    }

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (_addresses.Contains(address)) return true;
        foreach (var range in _ranges)
        {
            if (range.Contains(address)) return true;
        }
        return false;
    }

    /// <summary>The indicator as Splunk matches it: a bare address, or CIDR text for a range.</summary>
    public static string Text(IPNetwork network) =>
        network.PrefixLength == network.BaseAddress.GetAddressBytes().Length * 8 ? network.BaseAddress.ToString() : network.ToString();
}
