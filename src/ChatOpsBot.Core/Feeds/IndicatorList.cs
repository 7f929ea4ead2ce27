using System.Buffers.Binary;
using System.Collections;
using System.Net;

namespace ChatOpsBot.Core.Feeds;

/// <summary>
/// A feed's unique indicators in feed order, held compactly: single IPv4 addresses (nearly every entry of a C2 feed)
/// as 4-byte integers, CIDRs and IPv6 addresses as networks beside them. A 500 000-address feed is 2 MB here where
/// 500 000 <see cref="IPNetwork"/>s with their <see cref="IPAddress"/> objects (and a set to deduplicate them) were
/// ~100 MB. Indexing or enumerating creates the <see cref="IPNetwork"/> asked for; the local-log scanner reads
/// <see cref="V4Addresses"/> and <see cref="Networks"/> directly and creates none. Built by <see cref="IndicatorListBuilder"/>.
/// </summary>
public sealed class IndicatorList : IReadOnlyList<IPNetwork>
{
    private readonly uint[] _v4;
    private readonly int _v4Count;
    private readonly IPNetwork[] _networks;
    private readonly int[] _networkPositions; // position of each network in feed order, ascending

    internal IndicatorList(uint[] v4, int v4Count, IPNetwork[] networks, int[] networkPositions)
    {
        _v4 = v4;
        _v4Count = v4Count;
        _networks = networks;
        _networkPositions = networkPositions;
    }

    /// <summary>The empty list.</summary>
    public static IndicatorList Empty { get; } = new([], 0, [], []);

    /// <summary>The single IPv4 addresses (/32 entries), big-endian values (1.2.3.4 is 0x01020304), in feed order.</summary>
    public ReadOnlySpan<uint> V4Addresses => _v4.AsSpan(0, _v4Count);

    /// <summary>Every other entry (IPv4 CIDRs shorter than /32, IPv6 addresses and CIDRs), in feed order.</summary>
    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <inheritdoc />
    public int Count => _v4Count + _networks.Length;

    /// <inheritdoc />
    public IPNetwork this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var at = Array.BinarySearch(_networkPositions, index);
            if (at >= 0) return _networks[at];
            return V4Network(_v4[index - ~at]); // ~at networks come before this position
        }
    }

    /// <inheritdoc />
    public IEnumerator<IPNetwork> GetEnumerator()
    {
        var v4 = 0;
        var other = 0;
        for (var position = 0; position < Count; position++)
        {
            if (other < _networkPositions.Length && _networkPositions[other] == position)
                yield return _networks[other++];
            else
                yield return V4Network(_v4[v4++]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IPNetwork V4Network(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPNetwork(new IPAddress(bytes), 32);
    }
}
