using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary><c>runs cancel</c>: the chat's cancel command in the terminal, on the built bot.</summary>
public sealed class RunsCancelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_run_left_at_a_prompt_is_cancelled_once_and_stays_on_record_as_abandoned()
    {
        using var data = new TempDirectory();
        string runId;
        await using (var first = BotProcess.Start(["hunt", "--demo"], data.Path))
        {
            await first.WaitForOutputAsync("Is 185.220.101.47 tied to malware?", Timeout);
            runId = ReportJson.RunId(first.Stdout);
            first.Kill(); // kill -9 at the first question: the run stays open
            await first.WaitAsync(Timeout);
        }

        await using var cancel = BotProcess.Start(["runs", "cancel", runId], data.Path);
        Assert.Equal(0, await cancel.WaitAsync(Timeout));
        await using var again = BotProcess.Start(["runs", "cancel", runId], data.Path);
        Assert.Equal(2, await again.WaitAsync(Timeout));
        await using var show = BotProcess.Start(["runs", "show", runId], data.Path);
        Assert.Equal(0, await show.WaitAsync(Timeout));
        await using var resume = BotProcess.Start(["hunt", "--resume", runId], data.Path);
        Assert.Equal(2, await resume.WaitAsync(Timeout));

        Assert.Contains($"Run {runId} cancelled", cancel.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing to cancel", again.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Run {runId}: Abandoned", show.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Run cancelled by {Environment.UserName}", show.Stdout, StringComparison.Ordinal); // who cancelled it is on record
        Assert.Contains("nothing to resume", resume.Stdout + resume.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_run_is_one_line_naming_it()
    {
        using var data = new TempDirectory();
        await using var cancel = BotProcess.Start(["runs", "cancel", "r-nope"], data.Path);

        Assert.Equal(2, await cancel.WaitAsync(Timeout));
        Assert.Contains("There is no run r-nope; runs lists them.", cancel.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cancel.Stderr, StringComparison.Ordinal); // no stack trace
    }
}
