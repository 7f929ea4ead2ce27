using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Cards;

public sealed class TeamsTextTests
{
    [Theory]
    [InlineData("[click me](https://evil.example/login)")]
    [InlineData("<at>General</at> urgent")]
    [InlineData("**bold** _it_ ~~strike~~ `code`")]
    [InlineData("# Heading\n- item\n1. step")]
    [InlineData("<a href=\"https://evil.example\">x</a>")]
    public void OutsideStrings_CarryNoLiveMarkup(string outside)
    {
        var escaped = TeamsText.Escape(outside);

        foreach (var special in "[]()<>*_~`#-.")
            for (var i = escaped.IndexOf(special, StringComparison.Ordinal); i >= 0; i = escaped.IndexOf(special, i + 1))
                Assert.True(i > 0 && escaped[i - 1] == '\\', $"unescaped '{special}' at {i} in {escaped}");
        Assert.DoesNotContain('\n', escaped);
        Assert.DoesNotContain("https://", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_AreDefanged_ButStayReadable()
    {
        Assert.Equal("hxxps\\[:\\]//evil\\.example/x", TeamsText.Escape("https://evil.example/x"));
        Assert.StartsWith("mailto\\[:\\]", TeamsText.Escape("mailto:someone@evil.example"), StringComparison.Ordinal);
    }

    [Fact]
    public void PlainText_IsLeftAlone() => Assert.Equal("Invoice 2026 for ACME", TeamsText.Escape("Invoice 2026 for ACME"));

    [Fact]
    public void ControlAndBidiCharacters_AreDropped() => Assert.Equal("abc", TeamsText.Escape("a\u202Eb\u0007c"));
}
