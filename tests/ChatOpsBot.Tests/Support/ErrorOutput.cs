namespace ChatOpsBot.Tests.Support;

/// <summary>What an operator must see when something they can fix is wrong: one line on stderr, no stack trace.</summary>
internal static class ErrorOutput
{
    /// <summary>Asserts <paramref name="stderr"/> is exactly one non-empty line without stack frames; returns it.</summary>
    public static string AssertOneLine(string stderr)
    {
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Assert.Single(lines);
    }
}
