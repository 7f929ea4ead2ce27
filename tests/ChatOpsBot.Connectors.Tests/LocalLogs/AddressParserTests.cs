using System.Net;
using System.Text;
using ChatOpsBot.Connectors.LocalLogs.Scanning;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

public sealed class AddressParserTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.0.12.7")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("2001:db8::ff00:42:8329")]
    [InlineData("2001:0DB8:0000:0000:0000:FF00:0042:8329")]
    [InlineData("fe80::")]
    [InlineData("::ffff:192.0.2.128")]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("1::8")]
    public void TryParse_ValidAddress_EqualsIpAddressParse(string text)
    {
        Assert.True(AddressParser.TryParse(Encoding.ASCII.GetBytes(text), out var address));

        Assert.Equal(IPAddress.Parse(text).ToString(), address.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1..2.3")]
    [InlineData("1234.1.1.1")]
    [InlineData("-")]
    [InlineData(":::")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("12345::1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1:")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(AddressParser.TryParse(Encoding.ASCII.GetBytes(text), out _));
}
