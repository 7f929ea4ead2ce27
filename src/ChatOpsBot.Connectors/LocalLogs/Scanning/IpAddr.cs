using System.Net;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>An address as integers: IPv4 in the low 32 bits of <see cref="Bits"/>, IPv6 as all 128 bits.</summary>
internal readonly record struct IpAddr(UInt128 Bits, bool IsV6)
{
    public static IpAddr V4(uint value) => new(value, false);

    public static IpAddr V6(UInt128 value) => new(value, true);

    public override string ToString()
    {
        if (!IsV6)
        {
            var v = (uint)Bits;
            return $"{v >> 24}.{(v >> 16) & 0xFF}.{(v >> 8) & 0xFF}.{v & 0xFF}";
        }

        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, Bits);
        return new IPAddress(bytes).ToString();
    }
}
