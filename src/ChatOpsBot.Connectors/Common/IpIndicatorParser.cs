using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatOpsBot.Connectors.Common;

/// <summary>
/// Strict parser for an IP address or CIDR taken from outside data (feeds, intel, inventories).
/// </summary>
/// <remarks>
/// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> is too lenient for indicators: it reads "1" as 0.0.0.1,
/// "1.2.3" as 1.2.0.3 and may read leading zeros as octal. A feed line like that is far more likely garbage than
/// an address, so IPv4 must be four plain decimal octets. CIDRs with host bits set (10.0.0.1/24) are rejected
/// rather than widened: silently turning one address into 256 would flag traffic the feed never listed.
/// </remarks>
internal static class IpIndicatorParser
{
    /// <summary>Parses <paramref name="text"/> as an address (full-prefix network) or CIDR.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IPNetwork network, [NotNullWhen(false)] out string? reason)
    {
        network = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            reason = "empty value";
            return false;
        }

        var slash = text.IndexOf('/');
        var addressPart = slash < 0 ? text : text[..slash];
        if (!TryParseAddress(addressPart, out var address, out reason))
        {
            return false;
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            network = new IPNetwork(address, maxPrefix);
            return true;
        }

        var prefixPart = text[(slash + 1)..];
        if (prefixPart.IsEmpty || prefixPart.Length > 3 || !prefixPart.ContainsOnlyDigits()
            || !int.TryParse(prefixPart, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > maxPrefix)
        {
            reason = $"invalid prefix length (expected 1-{maxPrefix})";
            return false;
        }

        if (prefix == 0)
        {
            // A /0 would match every address and turn the whole hunt into noise.
            reason = "prefix /0 matches every address";
            return false;
        }

        var masked = Mask(address, prefix);
        if (!masked.Equals(address))
        {
            reason = $"host bits set; did you mean {masked}/{prefix}?";
            return false;
        }

        network = new IPNetwork(address, prefix);
        return true;
    }

    /// <summary>Parses a single address strictly; IPv4-mapped IPv6 addresses become IPv4.</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, [NotNullWhen(true)] out IPAddress? address, [NotNullWhen(false)] out string? reason)
    {
        address = null;
        text = text.Trim();
        if (text.Contains(':'))
        {
            if (text.Contains('%'))
            {
                reason = "IPv6 scope ids are not valid indicators";
                return false;
            }

            if (!IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                reason = "not a valid IPv6 address";
                return false;
            }

            // Zeek and most logs print IPv4 peers as IPv4, so "::ffff:1.2.3.4" must compare equal to 1.2.3.4.
            address = v6.IsIPv4MappedToIPv6 ? v6.MapToIPv4() : v6;
            reason = null;
            return true;
        }

        if (!TryParseV4(text, out var value))
        {
            reason = "not a valid IPv4 address, IPv6 address or CIDR";
            return false;
        }

        Span<byte> octets = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(octets, value);
        address = new IPAddress(octets);
        reason = null;
        return true;
    }

    /// <summary>
    /// Parses four plain decimal octets (no leading zeros, each at most 255, nothing around them) into their
    /// big-endian value: 1.2.3.4 is 0x01020304. Creates nothing, so a feed of a million addresses costs no objects.
    /// </summary>
    public static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var i = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= text.Length || text[i] != '.') return false;
                i++;
            }

            var start = i;
            var octet = 0;
            while (i < text.Length && i - start < 3 && (uint)(text[i] - '0') <= 9)
            {
                octet = (octet * 10) + (text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && text[start] == '0')) return false;
            value = (value << 8) | (uint)octet;
        }

        return i == text.Length;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsInByte = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsInByte));
        }

        return new IPAddress(bytes);
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');
}
