using ChatOpsBot.Cli;

namespace ChatOpsBot.Tests.Cli;

public sealed class TerminalRuntimeSwitchesTests
{
    [Theory]
    [InlineData("hunt", "--demo")]
    [InlineData("runs", "list")]
    [InlineData("graph")]
    [InlineData("check")]
    public void AppliesTo_TerminalVerb_IsTrue(params string[] args) =>
        Assert.True(TerminalRuntimeSwitches.AppliesTo(args));

    [Theory]
    [InlineData]
    [InlineData("serve")]
    [InlineData("--help")]
    [InlineData("Hunt")]
    public void AppliesTo_ServiceOrNoVerb_IsFalse(params string[] args) =>
        Assert.False(TerminalRuntimeSwitches.AppliesTo(args));

    [Fact]
    public void TerminalVerbs_AreEveryCommandButServe()
    {
        // A new verb must be listed (or deliberately left out like `serve`), or it silently starts slower.
        var commands = BotCommandLine.Build().Subcommands.Select(c => c.Name).Where(n => n != "serve").Order(StringComparer.Ordinal);

        Assert.Equal(commands, TerminalRuntimeSwitches.TerminalVerbs.Order(StringComparer.Ordinal));
    }
}
