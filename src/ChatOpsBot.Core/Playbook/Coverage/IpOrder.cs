using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Playbook.Coverage;

/// <summary>Addresses in numeric order (10.0.0.2 before 10.0.0.10), IPv4 before IPv6; text that is no address last, as text.</summary>
public static class IpOrder
{
    /// <summary>The items sorted numerically (see <see cref="AddressOrder"/>).</summary>
    public static IReadOnlyList<string> Sort(IEnumerable<string> items) => AddressOrder.Sort(items);
}
