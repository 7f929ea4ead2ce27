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

    [Theory]
    [InlineData(new uint[] { 45, 185 }, 6)]
    [InlineData(new uint[] { 0 }, 7)]
    [InlineData(new uint[] { 63, 64, 127, 128, 191, 192, 255 }, 8)]
    public void Contains_ValuesInFewFirstOctets_MatchesHashSetInsideAndOutsideThem(uint[] octets, int seed)
    {
        // The first-octet map turns most absent values away; values sharing an octet with an entry still go to the table.
        var random = new Random(seed);
        var values = Enumerable.Range(0, 3000).Select(i => (octets[i % octets.Length] << 24) | (uint)random.Next(0, 1 << 24)).ToList();
        var expected = values.ToHashSet();
        var set = new UInt32Set(values);

        Assert.All(expected, v => Assert.True(set.Contains(v)));
        for (var i = 0; i < 100_000; i++)
        {
            var octet = i % 2 == 0 ? octets[random.Next(octets.Length)] : (uint)random.Next(0, 256);
            var probe = (octet << 24) | (uint)random.Next(0, 1 << 24);
            Assert.Equal(expected.Contains(probe), set.Contains(probe));
        }
        Assert.Equal(expected.Contains(0), set.Contains(0));
    }

    [Fact]
    public void Prefetch_LargeSet_LeavesEveryLookupUnchanged()
    {
        // 100k entries: an 800 KB filter, past the size the set leaves to L1 (the prefetch is then issued).
        var random = new Random(9);
        var values = Enumerable.Range(0, 100_000).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToList();
        var expected = values.ToHashSet();
        var set = new UInt32Set(values);

        for (var i = 0; i < 100_000; i++)
        {
            var probe = i % 3 == 0 ? values[random.Next(values.Count)] : (uint)random.NextInt64(0, 1L << 32);
            set.Prefetch(probe);
            Assert.Equal(expected.Contains(probe), set.Contains(probe));
        }
    }
}
