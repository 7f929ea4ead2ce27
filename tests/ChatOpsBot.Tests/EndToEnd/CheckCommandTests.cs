using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary><c>check</c> as an operator runs it: one line per configured input and connector, exit 1 when any fails.</summary>
public sealed class CheckCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Check_OnTheSamples_PassesEveryInput()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["check"], data.Path);

        Assert.Equal(0, await bot.WaitAsync(Timeout));
        var lines = bot.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.StartsWith("OK ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("feed (Playbook:Feed)", StringComparison.Ordinal) && l.Contains("38 valid indicators", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("logs (LocalLogs:Paths:0)", StringComparison.Ordinal) && l.Contains("ZeekTsv, records 2026-11-27", StringComparison.Ordinal));
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public async Task Check_WithBrokenInputs_FailsEachOnItsOwnLine()
    {
        using var data = new TempDirectory();
        var empty = Directory.CreateDirectory(Path.Combine(data.Path, "logs")).FullName;
        var feed = Path.Combine(data.Path, "feed.txt");
        await File.WriteAllTextAsync(feed, "garbage\n");
        var intel = Path.Combine(data.Path, "intel.json");
        await File.WriteAllTextAsync(intel, "[]");
        await using var bot = BotProcess.Start(["check"], data.Path, new Dictionary<string, string>
        {
            ["Playbook__Feed"] = feed, ["LocalLogs__Paths__0"] = empty, ["Intel__OfflineFile"] = intel,
            ["Assets__File"] = Path.Combine(data.Path, "missing.csv"),
        });

        Assert.Equal(1, await bot.WaitAsync(Timeout));
        var lines = bot.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in new[] { "feed (Playbook:Feed)", "logs (LocalLogs:Paths:0)", "intel (Intel:OfflineFile)", "assets (Assets:File)" })
            Assert.Contains(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("OK", StringComparison.Ordinal) && l.Contains("mail (Mailboxes:Directory)", StringComparison.Ordinal));
        Assert.Empty(bot.Stderr);
    }

    [Fact]
    public async Task Check_WithSlackConfigured_ReportsItsTokenLine()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["check"], data.Path, new Dictionary<string, string>
        {
            // Nothing listens there: the line must say unreachable, not hang or crash.
            ["Slack__BotToken"] = "xoxb-1-2-3", ["Slack__SigningSecret"] = "s", ["Slack__Channel"] = "C0123456789",
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        });

        Assert.Equal(1, await bot.WaitAsync(Timeout));
        Assert.Contains(bot.Stdout.Split('\n'), l => l.StartsWith("FAIL", StringComparison.Ordinal) && l.Contains("chat (Slack)", StringComparison.Ordinal));
        Assert.DoesNotContain("xoxb-1-2-3", bot.Stdout, StringComparison.Ordinal);
    }
}
