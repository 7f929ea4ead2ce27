using ChatOpsBot.Cli;

namespace ChatOpsBot.Tests.Cli;

/// <summary>A command line that does not parse: one line naming the problem and the help to read, exit code 2.</summary>
public sealed class BotCommandLineTests
{
    [Theory]
    [InlineData(new[] { "hunt", "--bogus" }, "Unrecognized command or argument '--bogus'. See: ChatOpsBot hunt --help")]
    [InlineData(new[] { "runs", "show" }, "Required argument missing for command: 'show'. See: ChatOpsBot runs show --help")]
    [InlineData(new[] { "hunt", "--report", "xml" }, "Argument 'xml' not recognized. Must be one of: 'json' 'md'. See: ChatOpsBot hunt --help")]
    [InlineData(new[] { "graph", "Nope" }, "There is no section 'Nope'; the sections are Hunt, Validation, Containment, Pivot, InitialCompromise, Closure. See: ChatOpsBot graph --help")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'. See: ChatOpsBot --help")]
    public async Task InvokeAsync_ArgumentsThatDoNotParse_OneLineAndExitCode2(string[] args, string expected)
    {
        using var error = new StringWriter();

        var exit = await BotCommandLine.InvokeAsync(args, error);

        Assert.Equal(2, exit);
        Assert.Equal(expected, error.ToString().TrimEnd());
    }

    [Theory]
    [InlineData("validation")]
    [InlineData("InitialCompromise")]
    public void Parse_GraphSection_AcceptsEveryNameInAnyCase(string section) =>
        Assert.Empty(BotCommandLine.Build().Parse(["graph", section]).Errors);

    [Fact]
    public void Parse_GraphSectionNumber_IsRefused() =>
        Assert.NotEmpty(BotCommandLine.Build().Parse(["graph", "2"]).Errors);
}
