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
}
