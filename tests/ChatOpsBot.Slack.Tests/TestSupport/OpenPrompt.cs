using System.Text.RegularExpressions;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Slack.Tests.EndToEnd;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>Starts a demo run with the slash command and waits until its first prompt is in the channel.</summary>
public static partial class OpenPrompt
{
    public static async Task<(string RunId, Prompt Prompt, IReadOnlyList<(string ActionId, string Value)> Buttons)> StartAsync(BotHost bot)
    {
        using var response = await bot.CommandAsync($"start {BotHost.DemoSince} {BotHost.DemoUntil}");
        var runId = RunId().Match(await response.Content.ReadAsStringAsync()).Value;
        var prompt = await Eventually.WaitAsync(async () =>
        {
            var run = await bot.RunAsync(runId);
            return run.Prompt is { } p && DemoAnalyst.Buttons(bot.Slack).Any(b => b.Value.Contains(p.Id, StringComparison.Ordinal)) ? p : null;
        }, "the first prompt");
        var buttons = DemoAnalyst.Buttons(bot.Slack).Where(b => b.Value.StartsWith($"{runId}|{prompt.Id}|", StringComparison.Ordinal)).ToList();
        return (runId, prompt, buttons);
    }

    [GeneratedRegex(@"r-\d{8}-\d{6}-[0-9a-f]{4}")]
    private static partial Regex RunId();
}
