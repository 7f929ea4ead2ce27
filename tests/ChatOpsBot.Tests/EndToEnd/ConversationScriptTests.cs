using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOpsBot.Tests.Support;
using ChatOpsBot.TestSupport;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary>
/// The conversation script every channel runs (<see cref="ConversationScript"/>), in the terminal: its flags map onto the
/// same commands (<c>hunt --since/--until</c> = start, <c>runs show</c> = status, <c>hunt --resume</c> = resume,
/// <c>runs cancel</c> = cancel), and
/// it reaches the same outcome through the same prompt views as Slack and Teams.
/// </summary>
public sealed partial class ConversationScriptTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_script_in_the_terminal_reaches_the_same_outcome_with_the_same_prompt_views()
    {
        using var data = new TempDirectory();
        // start 24h 2026-11-28T00:00Z, every question answered as its evidence points (--auto).
        await using var hunt = BotProcess.Start(["hunt", "--demo", "--auto", "--since", "24h", "--until", "2026-11-28T00:00Z", "--report", "json"], data.Path);
        Assert.Equal(0, await hunt.WaitAsync(Timeout));
        var report = ReportJson.Last(hunt.Stdout);
        var runId = report.GetProperty("runId").GetString()!;

        await using var status = BotProcess.Start(["runs", "show", runId], data.Path);
        Assert.Equal(0, await status.WaitAsync(Timeout));
        await using var resume = BotProcess.Start(["hunt", "--resume", runId], data.Path);
        await resume.WaitAsync(Timeout);
        await using var cancel = BotProcess.Start(["runs", "cancel", runId], data.Path);
        Assert.Equal(2, await cancel.WaitAsync(Timeout));

        Assert.Equal("Resolved", report.GetProperty("state").GetString());
        Assert.Equal(ConversationScript.ConfirmedC2, Strings(report.GetProperty("confirmedC2")).Order());
        Assert.Equal(ConversationScript.Dismissed, Strings(report.GetProperty("dismissed")).Order());
        Assert.Equal(ConversationScript.Contained, report.GetProperty("containedHosts").EnumerateArray().Select(h => h.GetProperty("host").GetString()!).Order());
        Assert.Single(Strings(report.GetProperty("tickets")));
        Assert.Contains(runId, status.Stdout, StringComparison.Ordinal);
        Assert.Contains("Resolved", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing to resume", resume.Stdout + resume.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nothing to cancel", cancel.Stderr, StringComparison.Ordinal);

        // With --report the dialogue (prompts and answers) goes to stderr, the report alone to stdout.
        Assert.Null(ConversationScript.DifferenceFromPrompts(PromptViews(hunt.Stderr)));
    }

    // "? [Section] Title", then "  [1] Label  (notes)" per option, or "  [Label] Type the … and press Enter:" for a text prompt.
    private static List<(string Title, IReadOnlyList<string> Options)> PromptViews(string stdout)
    {
        var views = new List<(string Title, IReadOnlyList<string> Options)>();
        foreach (var line in stdout.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (Question().Match(line) is { Success: true } q) views.Add((q.Groups[1].Value, new List<string>()));
            else if (views.Count > 0 && (Choice().Match(line) is { Success: true } c ? c : TextAnswer().Match(line)) is { Success: true } o)
                ((List<string>)views[^1].Options).Add(o.Groups[1].Value);
        }
        return views;
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [GeneratedRegex(@"^\? \[[^\]]+\] (.+)$")]
    private static partial Regex Question();

    [GeneratedRegex(@"^  \[\d+\] (.+?)(  \(.*\))?$")]
    private static partial Regex Choice();

    [GeneratedRegex(@"^  \[([^\]]+)\] Type the ")]
    private static partial Regex TextAnswer();
}
