using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// The query's indicators as one hash table per prefix length in use: an address matches when its
/// masked value is in the table of some length, so the cost depends on how many distinct lengths
/// there are (at most 33 / 129), never on how many networks.
/// </summary>
internal sealed class IndicatorSet
{
    private readonly UInt32Set _v4Exact;
    private readonly uint[] _v4Masks;
    private readonly UInt32Set[] _v4Tables;
    private readonly ulong[] _v4CidrGate = new ulong[1024]; // one bit per /16 that some IPv4 CIDR (length < 32) touches
    private readonly UInt128[] _v6Masks;
    private readonly HashSet<UInt128>[] _v6Tables;

    public IndicatorSet(IEnumerable<IPNetwork> indicators)
    {
        var v4 = new SortedDictionary<int, List<uint>>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        var v6 = new SortedDictionary<int, HashSet<UInt128>>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        ReadOnlySpan<uint> exact;
        if (indicators is IndicatorList list)
        {
            // A loaded feed: its single IPv4 addresses are already integers, deduplicated; only the few others are networks.
            Add(list.Networks, v4, v6);
            exact = list.V4Addresses;
        }
        else
        {
            Add(indicators, v4, v6);
            exact = v4.TryGetValue(32, out var listed) ? CollectionsMarshal.AsSpan(listed) : [];
        }

        v4.Remove(32); // the builder of an IndicatorList keeps no /32 among its networks

        // /32 entries (most feeds are only these) go to one table checked first; shorter prefixes sit behind
        // a 64 Kbit map of the /16s they touch, so an address outside every CIDR costs one L1 load more.
        _v4Exact = new UInt32Set(exact);
        _v4Masks = [.. v4.Keys.Select(MaskV4)];
        _v4Tables = [.. v4.Values.Select(values => new UInt32Set(values))];
        foreach (var (length, values) in v4)
        {
            var span = length >= 16 ? 1 : 1 << (16 - length);
            foreach (var value in values)
            {
                var first = (int)(value >> 16);
                for (var i = 0; i < span; i++)
                {
                    _v4CidrGate[(first + i) >> 6] |= 1UL << ((first + i) & 63);
                }
            }
        }

        HasV4Cidrs = _v4Tables.Length > 0;
        _v6Masks = [.. v6.Keys.Select(MaskV6)];
        _v6Tables = [.. v6.Values];
        IsEmpty = _v4Exact.Count == 0 && _v4Tables.Length == 0 && _v6Tables.Length == 0;
    }

    public bool IsEmpty { get; }

    private static void Add(IEnumerable<IPNetwork> indicators, SortedDictionary<int, List<uint>> v4, SortedDictionary<int, HashSet<UInt128>> v6)
    {
        Span<byte> bytes = stackalloc byte[16];
        var lastLength = -1;
        List<uint>? lastList = null; // feeds come in runs of one length (nearly all /32): skip the tree lookup
        foreach (var network in indicators)
        {
            var length = network.PrefixLength;
            var address = network.BaseAddress;
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                address.TryWriteBytes(bytes, out _);
                var value = BinaryPrimitives.ReadUInt32BigEndian(bytes) & MaskV4(length);
                if (length != lastLength)
                {
                    if (!v4.TryGetValue(length, out lastList))
                    {
                        v4[length] = lastList = [];
                    }

                    lastLength = length;
                }

                lastList!.Add(value);
            }
            else if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                address.TryWriteBytes(bytes, out _);
                var value = BinaryPrimitives.ReadUInt128BigEndian(bytes) & MaskV6(length);
                if (!v6.TryGetValue(length, out var set))
                {
                    v6[length] = set = [];
                }

                set.Add(value);
            }
        }
    }

    /// <summary>Whether any IPv4 entry is shorter than /32.</summary>
    public bool HasV4Cidrs { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(in IpAddr address) => address.IsV6 ? ContainsV6(address.Bits) : ContainsV4((uint)address.Bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ContainsV4(uint address) => _v4Exact.Contains(address) || (HasV4Cidrs && ContainsV4Cidr(address));

    /// <summary>The IPv4 CIDR entries only (lengths below 32).</summary>
    public bool ContainsV4Cidr(uint address)
    {
        if ((_v4CidrGate[address >> 22] & (1UL << (int)((address >> 16) & 63))) == 0)
        {
            return false;
        }

        var masks = _v4Masks;
        var tables = _v4Tables;
        for (var i = 0; i < masks.Length; i++)
        {
            if (tables[i].Contains(address & masks[i]))
            {
                return true;
            }
        }

        return false;
    }

    public bool ContainsV6(UInt128 address)
    {
        for (var i = 0; i < _v6Masks.Length; i++)
        {
            if (_v6Tables[i].Contains(address & _v6Masks[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The /32 table, for callers that check it inline before <see cref="ContainsV4Cidr"/>.</summary>
    public UInt32Set V4Exact => _v4Exact;

    private static uint MaskV4(int length) => length == 0 ? 0 : uint.MaxValue << (32 - length);

    private static UInt128 MaskV6(int length) => length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);
}
