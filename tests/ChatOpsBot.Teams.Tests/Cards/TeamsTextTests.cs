using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Cards;

/// <summary>
/// Adaptive Card TextBlock markdown: only what the markdown reads at that position is escaped, so indicators and
/// ticket numbers stay copyable (some Teams clients show a backslash before <c>.</c> or <c>-</c> literally).
/// </summary>
public sealed class TeamsTextTests
{
    [Theory]
    [InlineData("185.220.101.47")]
    [InlineData("2001:db8::1")]
    [InlineData("HD-004711")]
    [InlineData("ws-fin-01.corp.example")]
    [InlineData("Invoice 2026 for ACME (final)")]
    [InlineData("C:\\Users\\alice\\report.docx")]
    [InlineData("a.b-c#d>e!f+g|h=j")]
    public void IndicatorsAndOrdinaryText_AreLeftAsTyped(string text) => Assert.Equal(text, TeamsText.Escape(text));

    [Theory]
    [InlineData("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_")]
    [InlineData("[click me](https://evil.example/login)", "\\[click me\\](hxxps[:]//evil.example/login)")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("<at>General</at> urgent", "\\<at>General\\</at> urgent")]
    [InlineData("1. step", "1\\. step")]
    [InlineData("12) step", "12\\) step")]
    [InlineData("- item", "\\- item")]
    [InlineData("+ item", "\\+ item")]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("> quoted", "\\> quoted")]
    [InlineData("~~strike~~", "\\~\\~strike\\~\\~")]
    [InlineData("R&amp;D", "R\\&amp;D")]
    [InlineData("a\\*b", "a\\\\\\*b")]
    public void Markup_IsEscapedWhereMarkdownReadsIt(string raw, string escaped) => Assert.Equal(escaped, TeamsText.Escape(raw));

    [Fact]
    public void LineBreaks_AreFlattened_SoNoListOrHeadingStartsMidText() =>
        Assert.Equal("first - second 1. third", TeamsText.Escape("first\n- second\r\n1. third"));

    [Fact]
    public void Links_AreDefanged_ButStayReadable()
    {
        Assert.Equal("hxxps[:]//evil.example/x", TeamsText.Escape("https://evil.example/x"));
        Assert.StartsWith("mailto[:]", TeamsText.Escape("mailto:someone@evil.example"), StringComparison.Ordinal);
        Assert.Equal("www[.]evil.example", TeamsText.Escape("www.evil.example"));
    }

    [Fact]
    public void ControlAndBidiCharacters_AreDropped() => Assert.Equal("abc", TeamsText.Escape("a\u202Eb\u0007c"));

    [Fact]
    public void Null_IsEmpty() => Assert.Equal("", TeamsText.Escape(null));
}
