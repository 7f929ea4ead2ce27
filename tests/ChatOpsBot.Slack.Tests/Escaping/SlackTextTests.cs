using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.Tests.Escaping;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel> urgent", "&lt;!channel&gt; urgent")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("<@U123> & <#C1>", "&lt;@U123&gt; &amp; &lt;#C1&gt;")]
    [InlineData("a &amp; b", "a &amp;amp; b")]
    [InlineData("plain *bold* text", "plain *bold* text")]
    [InlineData("", "")]
    public void Escape_ControlCharacters_AreShownNotActedOn(string raw, string escaped) => Assert.Equal(escaped, SlackText.Escape(raw));

    [Fact]
    public void Escape_Null_IsEmpty() => Assert.Equal("", SlackText.Escape(null));

    [Fact]
    public void Truncate_NeverCutsAnEntityInHalf()
    {
        var text = new string('x', 8) + "&amp;";
        var cut = SlackText.Truncate(text, 11);
        Assert.Equal(new string('x', 8) + "…", cut);
    }

    [Fact]
    public void Code_Backticks_CannotCloseTheSpan() => Assert.Equal("`a ˋ&lt;!here&gt;ˋ`", SlackText.Code("a `<!here>`"));
}
