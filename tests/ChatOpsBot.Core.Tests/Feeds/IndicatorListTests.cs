using System.Net;
using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Core.Tests.Feeds;

public sealed class IndicatorListTests
{
    private static IndicatorList Build(params string[] entries)
    {
        var builder = new IndicatorListBuilder();
        foreach (var entry in entries)
        {
            builder.Add(entry.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(entry) : new IPNetwork(IPAddress.Parse(entry), entry.Contains(':', StringComparison.Ordinal) ? 128 : 32));
        }

        return builder.Build();
    }

    [Fact]
    public void Build_AddressesNetworksAndIpv6Mixed_KeepsFeedOrderInEnumerationAndIndexer()
    {
        var list = Build("203.0.113.5", "10.66.0.0/16", "203.0.113.6", "2001:db8::1", "2001:db8:abcd::/48", "203.0.113.7");

        string[] expected = ["203.0.113.5/32", "10.66.0.0/16", "203.0.113.6/32", "2001:db8::1/128", "2001:db8:abcd::/48", "203.0.113.7/32"];
        Assert.Equal(expected, list.Select(n => n.ToString()));
        Assert.Equal(expected, Enumerable.Range(0, list.Count).Select(i => list[i].ToString()));
        Assert.Equal(6, list.Count);
        Assert.Equal(3, list.V4Addresses.Length);
        Assert.Equal(3, list.Networks.Count);
    }

    [Fact]
    public void Add_ExactDuplicates_KeepsTheFirstOnlyButAnAddressInsideACidrStays()
    {
        var builder = new IndicatorListBuilder();

        Assert.True(builder.AddV4(0xCB007105));
        Assert.False(builder.Add(new IPNetwork(IPAddress.Parse("203.0.113.5"), 32)));
        Assert.True(builder.Add(IPNetwork.Parse("203.0.113.0/24")));
        Assert.False(builder.Add(IPNetwork.Parse("203.0.113.0/24")));
        Assert.True(builder.AddV4(0));
        Assert.False(builder.AddV4(0));

        Assert.Equal(["203.0.113.5/32", "203.0.113.0/24", "0.0.0.0/32"], builder.Build().Select(n => n.ToString()));
    }

    [Fact]
    public void AddV4_ManyAddressesWithRepeats_KeepsEachOnceInOrder()
    {
        var builder = new IndicatorListBuilder();
        var values = Enumerable.Range(0, 100_000).Select(i => (uint)(i * 2654435761u)).ToList();

        foreach (var v in values) builder.AddV4(v);
        foreach (var v in values) Assert.False(builder.AddV4(v));

        Assert.Equal(values.Distinct(), builder.Build().V4Addresses.ToArray());
    }

    [Fact]
    public void Indexer_OutsideTheList_Throws()
    {
        var list = Build("203.0.113.5");

        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Empty(new IndicatorListBuilder().Build());
    }
}
