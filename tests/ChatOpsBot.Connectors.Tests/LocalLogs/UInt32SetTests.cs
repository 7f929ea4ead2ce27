using ChatOpsBot.Connectors.LocalLogs.Scanning;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

public sealed class UInt32SetTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(50, 3)]
    [InlineData(5000, 4)]
    [InlineData(100_000, 5)]
    public void Contains_RandomValues_MatchesHashSet(int count, int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToList();
        values.AddRange(values.Take(count / 10)); // duplicates
        if (seed % 2 == 0)
        {
            values.Add(0);
        }

        var expected = values.ToHashSet();
        var set = new UInt32Set(values);

        Assert.Equal(expected.Count, set.Count);
        Assert.All(expected, v => Assert.True(set.Contains(v)));
        Assert.Equal(expected.Contains(0), set.Contains(0));
        for (var i = 0; i < 200_000; i++)
        {
            var probe = (uint)random.NextInt64(0, 1L << 32);
            Assert.Equal(expected.Contains(probe), set.Contains(probe));
        }
    }
}
