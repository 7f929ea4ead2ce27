using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.EndToEnd;

/// <summary>
/// Plays the SOC analyst in Slack through a whole demo run: starts it with the slash command, then for each prompt
/// the bot posts, clicks the button the evidence points to (or opens the modal and types the suggested text),
/// exactly as Slack would send it. Buttons are taken from what the bot sent to the fake Slack, not from the run.
/// </summary>
public static partial class DemoAnalyst
{
    public static async Task<PlaybookRun> PlayAsync(BotHost bot, ISlackTransport slack, string? start = null)
    {
        var reply = await slack.CommandAsync(start ?? $"start {BotHost.DemoSince} {BotHost.DemoUntil}", BotHost.Approver);
        var runId = RunId().Match(reply["text"]!.GetValue<string>()).Value;
        Assert.False(string.IsNullOrEmpty(runId), reply.ToJsonString());
        var invalidTextTried = false;

        for (var step = 0; step < 200; step++)
        {
            var run = await Eventually.WaitAsync(async () =>
            {
                var r = await bot.RunAsync(runId);
                if (r.State is RunState.Resolved or RunState.Abandoned) return r;
                return r.Prompt is { } p && Buttons(bot.Slack).Any(b => b.Value.StartsWith($"{runId}|{p.Id}|", StringComparison.Ordinal)) ? r : null;
            }, "the next prompt in Slack");
            if (run.State is RunState.Resolved or RunState.Abandoned) return run;

            var prompt = run.Prompt!;
            var option = prompt.FindOption(prompt.Suggestion ?? "") ?? prompt.Options[0];
            var button = Buttons(bot.Slack).Last(b => b.Value == $"{runId}|{prompt.Id}|{option.Value}");
            var clicked = await slack.InteractAsync(SlackPayloads.BlockAction(BotHost.Approver, button.ActionId, button.Value, bot.Slack.ResponseUrl($"click-{step}")));
            Assert.Null(clicked);
            if (prompt.Kind == PromptKind.Text)
            {
                var view = await Eventually.WaitAsync(() => Task.FromResult(bot.Slack.CallsTo("views.open")
                    .Select(c => c.Json!["view"]!).LastOrDefault(v => v["private_metadata"]!.GetValue<string>() == button.Value)), "the modal");
                var metadata = view["private_metadata"]!.GetValue<string>();
                if (!invalidTextTried && prompt.Input?.Pattern is not null)
                {
                    invalidTextTried = true;
                    var refused = await slack.InteractAsync(SlackPayloads.ViewSubmission(BotHost.Approver, metadata, "not a ticket <!channel>"));
                    Assert.Equal("errors", refused!["response_action"]!.GetValue<string>());
                    Assert.Equal(prompt.Input.ErrorMessage, refused["errors"]!["answer"]!.GetValue<string>());
                }
                var accepted = await slack.InteractAsync(SlackPayloads.ViewSubmission(BotHost.Approver, metadata, prompt.SuggestedText ?? "someone"));
                Assert.Null(accepted);
            }
            await Eventually.WaitAsync(async () => (await bot.RunAsync(runId)).Prompt?.Id != prompt.Id, $"prompt {prompt.Id} to close");
        }
        throw new InvalidOperationException("the demo did not finish in 200 prompts");
    }

    /// <summary>Every button the bot has sent (posts and updates), in order.</summary>
    public static IEnumerable<(string ActionId, string Value)> Buttons(FakeSlack slack) =>
        slack.Calls.Where(c => c.Method is "chat.postMessage" or "chat.update")
            .SelectMany(c => c.Json?["blocks"]?.AsArray() ?? [])
            .Where(b => b?["type"]?.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => (e!["action_id"]!.GetValue<string>(), e["value"]!.GetValue<string>()))
            .ToList();

    [GeneratedRegex(@"r-\d{8}-\d{6}-[0-9a-f]{4}")]
    private static partial Regex RunId();
}
