using System.Net;
using System.Net.Sockets;

namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// Order for IPs and host names in lists analysts read: IPv4 by address bytes (10.0.0.2 before 10.0.0.10), then IPv6
/// by address bytes, then everything else (host names) ordinally, ignoring case, so the same host is sorted the same
/// whichever way a log spelled it.
/// </summary>
public sealed class AddressOrder : IComparer<string>
{
    /// <summary>The one instance (the comparer has no state).</summary>
    public static readonly AddressOrder Instance = new();

    private AddressOrder()
    {
    }

    /// <summary><paramref name="items"/> sorted.</summary>
    public static IReadOnlyList<string> Sort(IEnumerable<string> items) => items.Order(Instance).ToList();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var (rankX, bytesX) = Key(x);
        var (rankY, bytesY) = Key(y);
        if (rankX != rankY) return rankX.CompareTo(rankY);
        if (bytesX is not null && bytesY is not null)
        {
            var byBytes = bytesX.AsSpan().SequenceCompareTo(bytesY);
            if (byBytes != 0) return byBytes;
        }
        var text = StringComparer.OrdinalIgnoreCase.Compare(x, y);
        return text != 0 ? text : StringComparer.Ordinal.Compare(x, y);
    }

    private static (int Rank, byte[]? Bytes) Key(string text)
    {
        // IPAddress.TryParse reads "10" or "1.2" as IPv4 shorthand; only dotted quads and real IPv6 count as addresses here.
        if (!IPAddress.TryParse(text, out var address)) return (2, null);
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return text.Count(c => c == '.') == 3 ? (0, address.GetAddressBytes()) : (2, null);
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? (1, address.GetAddressBytes()) : (2, null);
    }
}
