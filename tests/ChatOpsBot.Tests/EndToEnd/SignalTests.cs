using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary>SIGTERM and SIGINT stop a terminal hunt within 5 s, whatever it is doing, and the run stays resumable.</summary>
public sealed class SignalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sigterm_while_auto_waits_on_a_feed_that_never_answers_exits_143_promptly_and_keeps_the_run()
    {
        using var data = new TempDirectory();
        // A feed server that accepts the connection and never answers: the step hangs in the connector's own retries.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () => { while (true) accepted.Add(await silent.AcceptSocketAsync()); });
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/c2-ipmasterlist.txt";

        await using var bot = BotProcess.Start(["hunt", "--demo", "--auto", "--feed", url], data.Path);
        await bot.WaitForOutputAsync(" started (resume it with", Timeout);
        var runId = ReportJson.RunId(bot.Stdout);
        await Task.Delay(1500);

        var clock = Stopwatch.StartNew();
        bot.Signal("TERM");
        var code = await bot.WaitAsync(Timeout);

        Assert.True(clock.Elapsed < Promptly, $"exited after {clock.Elapsed}");
        Assert.Equal(143, code);
        await using var show = BotProcess.Start(["runs", "show", runId], data.Path);
        Assert.Equal(0, await show.WaitAsync(Timeout));
        Assert.Contains($"Run {runId}: Running", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_stops_the_service_promptly()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["serve"], data.Path, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
        await bot.WaitForOutputAsync("Now listening on", Timeout, stderr: true);

        var clock = Stopwatch.StartNew();
        bot.Signal("TERM");
        await bot.WaitAsync(Timeout);

        Assert.True(clock.Elapsed < Promptly, $"exited after {clock.Elapsed}");
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Signal_at_a_prompt_exits_promptly_with_the_resume_hint_and_the_run_resumes(string signal, int expected)
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--demo"], data.Path); // stdin stays open: the bot waits at the prompt
        await bot.WaitForOutputAsync("Answer with the number", Timeout);
        var runId = ReportJson.RunId(bot.Stdout);

        var clock = Stopwatch.StartNew();
        bot.Signal(signal);
        var code = await bot.WaitAsync(Timeout);

        Assert.True(clock.Elapsed < Promptly, $"exited after {clock.Elapsed}");
        Assert.Equal(expected, code);
        Assert.Contains($"resume it with: hunt --resume {runId}", bot.Stdout, StringComparison.Ordinal);
        await using var resumed = BotProcess.Start(["hunt", "--resume", runId, "--auto", "--report", "json"], data.Path);
        Assert.Equal(0, await resumed.WaitAsync(Timeout));
        Assert.Equal("Resolved", ReportJson.Last(resumed.Stdout).GetProperty("state").GetString());
    }
}
