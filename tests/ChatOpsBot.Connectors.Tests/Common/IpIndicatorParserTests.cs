using ChatOpsBot.Connectors.Common;

namespace ChatOpsBot.Connectors.Tests.Common;

public sealed class IpIndicatorParserTests
{
    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4/32")]
    [InlineData(" 10.20.0.0/16 ", "10.20.0.0/16")]
    [InlineData("2001:DB8::1", "2001:db8::1/128")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("::ffff:1.2.3.4", "1.2.3.4/32")]
    public void TryParse_ValidIndicator_ReturnsNormalisedNetwork(string text, string expected)
    {
        Assert.True(IpIndicatorParser.TryParse(text, out var network, out _));
        Assert.Equal(expected, network.ToString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.2.3")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4/33")]
    [InlineData("1.2.3.4/")]
    [InlineData("1.2.3.4/+8")]
    [InlineData("fe80::1%eth0")]
    [InlineData("example.com")]
    [InlineData("")]
    public void TryParse_AmbiguousOrInvalid_ReturnsFalseWithReason(string text)
    {
        Assert.False(IpIndicatorParser.TryParse(text, out _, out var reason));
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Theory]
    [InlineData("1.2.3.4", 0x01020304u)]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    [InlineData("192.168.10.1", 0xC0A80A01u)]
    public void TryParseV4_FourPlainOctets_ReturnsBigEndianValue(string text, uint expected)
    {
        Assert.True(IpIndicatorParser.TryParseV4(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.2.3")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.04")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.1000")]
    [InlineData("1.2.3.4/32")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1..3.4")]
    [InlineData("1.2.3.")]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("")]
    public void TryParseV4_AnythingButFourPlainOctets_IsRefused(string text)
    {
        Assert.False(IpIndicatorParser.TryParseV4(text, out _));
    }
}
