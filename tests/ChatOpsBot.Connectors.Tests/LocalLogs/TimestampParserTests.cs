using System.Text;
using ChatOpsBot.Connectors.LocalLogs.Scanning;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

public sealed class TimestampParserTests
{
    private static readonly long T0 = DateTimeOffset.FromUnixTimeSeconds(1700000000).UtcTicks;

    [Theory]
    [InlineData("1700000000", 0)]
    [InlineData("1700000000.1", 1000000)]
    [InlineData("1700000000.123456", 1234560)]
    [InlineData("1700000000.123456789", 1234567)]
    public void TryParseEpoch_Valid_TruncatesToTicks(string text, long fraction)
    {
        Assert.True(TimestampParser.TryParseEpoch(Encoding.ASCII.GetBytes(text), out var ticks));

        Assert.Equal(T0 + fraction, ticks);
    }

    [Theory]
    [InlineData("2023-11-14T22:13:20Z", 0)]
    [InlineData("2023-11-14T22:13:20.123456+0000", 1234560)]
    [InlineData("2023-11-14T23:13:20+01:00", 0)]
    [InlineData("2023-11-14T21:13:20.5-0100", 5000000)]
    [InlineData("2023-11-14 22:13:20.25", 2500000)]
    public void TryParseIso_Valid_ConvertsToUtc(string text, long fraction)
    {
        Assert.True(TimestampParser.TryParseIso(Encoding.ASCII.GetBytes(text), out var ticks));

        Assert.Equal(T0 + fraction, ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("17e9")]
    [InlineData("1700000000.")]
    [InlineData("2023-02-30T00:00:00Z")]
    [InlineData("2023-11-14T25:00:00Z")]
    [InlineData("2023-11-14T22:13:20+1")]
    [InlineData("2023-11-14X22:13:20")]
    public void TryParseAny_Invalid_ReturnsFalse(string text) => Assert.False(TimestampParser.TryParseAny(Encoding.ASCII.GetBytes(text), out _));
}
