using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace ChatOpsBot.Core.Feeds;

/// <summary>
/// Collects a feed's indicators into an <see cref="IndicatorList"/>, dropping exact duplicates (an address inside a
/// listed CIDR is kept, so the analyst still sees it named). Single IPv4 addresses are deduplicated in an
/// open-addressing table of integers, not a set of objects; the table is dropped with the builder.
/// </summary>
public sealed class IndicatorListBuilder
{
    private uint[] _v4 = new uint[64];
    private int _v4Count;
    private uint[] _slots = new uint[128]; // 0 = empty; the address 0.0.0.0 is tracked by _hasZero
    private bool _hasZero;
    private readonly List<IPNetwork> _networks = [];
    private readonly List<int> _networkPositions = [];
    private HashSet<IPNetwork>? _seenNetworks;

    /// <summary>Entries kept so far.</summary>
    public int Count => _v4Count + _networks.Count;

    /// <summary>Adds the single IPv4 address <paramref name="address"/> (big-endian value); false when already listed.</summary>
    public bool AddV4(uint address)
    {
        if (address == 0)
        {
            if (_hasZero) return false;
            _hasZero = true;
        }
        else if (!InsertSlot(address))
        {
            return false;
        }

        if (_v4Count == _v4.Length) Array.Resize(ref _v4, _v4.Length * 2);
        _v4[_v4Count++] = address;
        return true;
    }

    /// <summary>Adds a network (a single address has the full prefix length); false when already listed.</summary>
    public bool Add(IPNetwork network)
    {
        if (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork && network.PrefixLength == 32)
        {
            Span<byte> bytes = stackalloc byte[4];
            network.BaseAddress.TryWriteBytes(bytes, out _);
            return AddV4(BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }

        if (!(_seenNetworks ??= []).Add(network)) return false;
        _networkPositions.Add(Count);
        _networks.Add(network);
        return true;
    }

    /// <summary>The list of what was added, in the order it was first added.</summary>
    public IndicatorList Build() => Count == 0 ? IndicatorList.Empty : new IndicatorList(_v4, _v4Count, [.. _networks], [.. _networkPositions]);

    private bool InsertSlot(uint address)
    {
        if ((_v4Count + 1) * 2 > _slots.Length) Grow();
        var mask = _slots.Length - 1;
        var i = (int)(Hash(address) & (uint)mask);
        while (true)
        {
            var s = _slots[i];
            if (s == address) return false;
            if (s == 0)
            {
                _slots[i] = address;
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new uint[(int)BitOperations.RoundUpToPowerOf2((uint)old.Length * 2)];
        var mask = _slots.Length - 1;
        foreach (var v in old)
        {
            if (v == 0) continue;
            var i = (int)(Hash(v) & (uint)mask);
            while (_slots[i] != 0) i = (i + 1) & mask;
            _slots[i] = v;
        }
    }

    // murmur3 finaliser: feed addresses share prefixes.
    private static uint Hash(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
