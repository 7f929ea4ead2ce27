using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Tests.Dialog;

public sealed class AddressOrderTests
{
    [Fact]
    public void IPv4_IsSortedByAddressBytes_NotAsText() =>
        Assert.Equal(["10.0.0.1", "10.0.0.2", "10.0.0.10", "10.0.0.100", "185.220.101.47"],
            AddressOrder.Sort(["10.0.0.100", "185.220.101.47", "10.0.0.10", "10.0.0.2", "10.0.0.1"]));

    [Fact]
    public void IPv6_IsSortedByAddressBytes_AfterIPv4() =>
        Assert.Equal(["192.0.2.1", "2001:db8::2", "2001:db8::10", "2001:db8:0:1::1"],
            AddressOrder.Sort(["2001:db8:0:1::1", "2001:db8::10", "192.0.2.1", "2001:db8::2"]));

    [Fact]
    public void HostNames_ComeLast_Ordinally_IgnoringCase() =>
        Assert.Equal(["10.0.0.9", "WS-A", "ws-b", "ws-B10", "ws-b2"],
            AddressOrder.Sort(["ws-b2", "ws-B10", "10.0.0.9", "ws-b", "WS-A"]));

    [Fact]
    public void NumberShorthands_AreNotTakenForAddresses() =>
        Assert.Equal(["10.0.0.1", "10", "host1"], AddressOrder.Sort(["host1", "10", "10.0.0.1"]));
}
