using System.Runtime.CompilerServices;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Read-only open-addressing hash set of <see cref="uint"/> (linear probing, power-of-two table).</summary>
internal sealed class UInt32Set
{
    private readonly uint[] _slots;
    private readonly int _mask;
    private readonly bool _hasZero;

    public UInt32Set(IEnumerable<uint> values)
    {
        var distinct = new HashSet<uint>(values);
        Count = distinct.Count;
        var size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, distinct.Count * 3)));
        _slots = new uint[size];
        _mask = size - 1;
        foreach (var v in distinct)
        {
            if (v == 0)
            {
                _hasZero = true; // 0 marks an empty slot
                continue;
            }

            var i = (int)Hash(v) & _mask;
            while (_slots[i] != 0)
            {
                i = (i + 1) & _mask;
            }

            _slots[i] = v;
        }
    }

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(uint value)
    {
        if (value == 0)
        {
            return _hasZero;
        }

        var slots = _slots;
        var i = (int)Hash(value) & _mask;
        while (true)
        {
            var s = slots[i];
            if (s == value)
            {
                return true;
            }

            if (s == 0)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }
    }

    // murmur3 finaliser: addresses often share prefixes or come from multiplicative slices of the space.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
