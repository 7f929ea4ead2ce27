using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Tests.Dialog;

public sealed class CappedListTests
{
    [Theory]
    [InlineData(new string[0], 2, "")]
    [InlineData(new[] { "a" }, 2, "a")]
    [InlineData(new[] { "a", "b" }, 2, "a, b")]
    [InlineData(new[] { "a", "b", "c" }, 2, "a, b and 1 more")]
    public void Join_ListsAtMostMaxAndCountsTheRest(string[] items, int max, string expected) =>
        Assert.Equal(expected, CappedList.Join(items, max));

    [Fact]
    public void Join_NegativeMax_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CappedList.Join(["a"], -1));
}
