using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.Playground;

/// <summary><c>Teams:LocalPlayground</c> cannot be switched on where it does not belong: the service refuses to start with one line.</summary>
public sealed class LocalPlaygroundConfigurationTests
{
    [Theory]
    [InlineData("Production", null, "Teams:LocalPlayground is allowed only in the Development environment")]
    [InlineData("Development", "s3cret-value", "Teams:LocalPlayground cannot be used with Teams:AppPassword")]
    public async Task Serve_WithLocalPlaygroundWhereItDoesNotBelong_ExitsWithOneLine(string environment, string? password, string expected)
    {
        using var dir = new TempDirectory();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Teams__LocalPlayground"] = "true",
            ["Teams__AppId"] = "0c9a7e51-2f3b-4d6c-8a1e-3b5c7d9e1f20",
        };
        if (password is not null) settings["Teams__AppPassword"] = password;
        await using var bot = BotProcess.Start(["serve"], dir.Path, settings);

        Assert.Equal(2, await bot.WaitAsync(TimeSpan.FromSeconds(60)));
        var line = ErrorOutput.AssertOneLine(bot.Stderr);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", bot.Stderr, StringComparison.Ordinal);
    }
}
