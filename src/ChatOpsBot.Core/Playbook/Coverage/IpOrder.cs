using System.Net;

namespace ChatOpsBot.Core.Playbook.Coverage;

/// <summary>Addresses in numeric order (10.0.0.2 before 10.0.0.10), IPv4 before IPv6; text that is no address last, as text.</summary>
public static class IpOrder
{
    /// <summary>The items sorted numerically.</summary>
    public static IReadOnlyList<string> Sort(IEnumerable<string> items) =>
        items.Select(i => (Text: i, Address: IPAddress.TryParse(i, out var a) ? a : null))
            .OrderBy(x => x.Address is null ? 2 : x.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1)
            .ThenBy(x => x.Address?.GetAddressBytes() ?? [], ByteOrder.Instance)
            .ThenBy(x => x.Text, StringComparer.Ordinal)
            .Select(x => x.Text).ToList();

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x is null || y is null ? Comparer<byte[]?>.Default.Compare(x, y) : x.AsSpan().SequenceCompareTo(y);
    }
}
