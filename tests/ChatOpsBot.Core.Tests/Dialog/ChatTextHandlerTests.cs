using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Tests.Dialog;

public sealed class ChatTextHandlerTests
{
    private static string Render(ChatTextHandler text) => text.Render(s => $"[{s}]");

    [Fact]
    public void Literals_AreTemplate_HolesAreOutside()
    {
        var name = "mallory";
        var count = 3;

        Assert.Equal("*[mallory]* has [3]", Render($"*{name}* has {count}"));
    }

    [Fact]
    public void ChatTextHoles_KeepTheirKind_SoNothingIsEscapedTwice() =>
        Assert.Equal("a (automatic) [b]", Render($"a{ChatText.Template(" (automatic)")} {ChatText.Outside("b")}"));

    [Fact]
    public void NullHoles_AreEmptyOutsideText()
    {
        string? missing = null;
        Assert.Equal("x []", Render($"x {missing}"));
    }
}
