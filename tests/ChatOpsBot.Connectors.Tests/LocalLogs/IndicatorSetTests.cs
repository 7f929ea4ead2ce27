using System.Buffers.Binary;
using System.Net;
using ChatOpsBot.Connectors.LocalLogs.Scanning;
using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

public sealed class IndicatorSetTests
{
    [Fact]
    public void Constructor_FromALoadedFeed_MatchesExactlyWhatTheSameNetworksMatch()
    {
        var random = new Random(18);
        var networks = new List<IPNetwork>();
        for (var i = 0; i < 5000; i++)
        {
            networks.Add(new IPNetwork(V4((uint)random.NextInt64(1, 1L << 32)), 32));
        }

        networks.Add(IPNetwork.Parse("10.66.0.0/16"));
        networks.Add(IPNetwork.Parse("198.51.100.0/24"));
        networks.Add(IPNetwork.Parse("2001:db8::1/128"));
        networks.Add(IPNetwork.Parse("2001:db8:abcd::/48"));
        var builder = new IndicatorListBuilder();
        networks.ForEach(n => builder.Add(n));

        var fromList = new IndicatorSet(builder.Build());
        var fromNetworks = new IndicatorSet(networks.ToList());

        var probes = networks.Where(n => n.PrefixLength == 32).Select(n => Value(n.BaseAddress))
            .Concat(Enumerable.Range(0, 100_000).Select(_ => (uint)random.NextInt64(0, 1L << 32)))
            .Append(Value(IPAddress.Parse("10.66.3.4"))).Append(Value(IPAddress.Parse("198.51.100.200")));
        foreach (var probe in probes)
        {
            Assert.Equal(fromNetworks.ContainsV4(probe), fromList.ContainsV4(probe));
        }

        Assert.True(fromList.ContainsV4(Value(IPAddress.Parse("10.66.3.4"))));
        Assert.True(fromList.HasV4Cidrs);
        Assert.True(fromList.ContainsV6(BinaryPrimitives.ReadUInt128BigEndian(IPAddress.Parse("2001:db8:abcd:1::7").GetAddressBytes())));
        Assert.False(fromList.ContainsV6(BinaryPrimitives.ReadUInt128BigEndian(IPAddress.Parse("2001:db8::2").GetAddressBytes())));
    }

    private static IPAddress V4(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    private static uint Value(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());
}
