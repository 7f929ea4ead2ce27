using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.ScaleOut;

/// <summary>
/// The analyst of the scale-out tests: starts runs and answers prompts on a chosen replica, from the buttons Slack
/// actually shows (the messages the fake accepted, as they stand after updates), answering again when a replica
/// answers 503 (it could not record the click) as a person would click again.
/// </summary>
public static partial class ScaleOutAnalyst
{
    public static async Task<string> StartAsync(Replica replica, FakeSlack slack)
    {
        using var reply = await replica.CommandAsync($"start {BotHost.DemoSince} {BotHost.DemoUntil}", BotHost.Approver, slack.ResponseUrl("cmd"));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var text = await reply.Content.ReadAsStringAsync();
        var id = RunId().Match(text).Value;
        if (id.Length > 0) return id;
        // A start slower than the reply budget is acknowledged with a holding reply; the run id follows through response_url.
        Assert.Contains("Working on it", text, StringComparison.Ordinal);
        var followUp = await Eventually.WaitAsync(() => Task.FromResult(slack.CallsTo("response_url").LastOrDefault(c => RunId().IsMatch(c.Body))), "the start reply through response_url");
        return RunId().Match(followUp.Body).Value;
    }

    /// <summary>Waits until the run's open prompt shows its buttons in Slack, or the run is finished.</summary>
    public static Task<PlaybookRun> NextPromptAsync(SharedPostgres db, FakeSlack slack, string runId, int seconds = 90) =>
        Eventually.WaitAsync(async () =>
        {
            var run = await db.RunAsync(runId);
            if (run.State is RunState.Resolved or RunState.Abandoned) return run;
            return run.Prompt is { } p && Buttons(slack, p.Id).Count > 0 ? run : null;
        }, $"the next prompt of {runId}", seconds);

    /// <summary>The buttons of the message showing <paramref name="promptId"/>, as Slack shows it now.</summary>
    public static IReadOnlyList<(string ActionId, string Value)> Buttons(FakeSlack slack, string promptId) =>
        slack.Messages.Where(m => m.Key == $"prompt:{promptId}")
            .SelectMany(m => m.Blocks ?? [])
            .Where(b => b?["type"]?.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => (e!["action_id"]!.GetValue<string>(), e["value"]!.GetValue<string>()))
            .ToList();

    /// <summary>Clicks the suggested option of <paramref name="prompt"/> on <paramref name="replica"/> (and fills the modal of a text prompt).</summary>
    public static async Task AnswerAsync(Replica replica, FakeSlack slack, string runId, Prompt prompt, string user = BotHost.Approver)
    {
        var option = prompt.FindOption(prompt.Suggestion ?? "") ?? prompt.Options[0];
        var button = Buttons(slack, prompt.Id).Last(b => b.Value == $"{runId}|{prompt.Id}|{option.Value}");
        await ClickAsync(replica, SlackPayloads.BlockAction(user, button.ActionId, button.Value, slack.ResponseUrl($"{prompt.Id}-{Guid.NewGuid():N}")));
        if (prompt.Kind != PromptKind.Text) return;
        var view = await Eventually.WaitAsync(() => Task.FromResult(slack.CallsTo("views.open")
            .Select(c => c.Json!["view"]!).LastOrDefault(v => v["private_metadata"]!.GetValue<string>() == button.Value)), "the modal", 60);
        await ClickAsync(replica, SlackPayloads.ViewSubmission(user, view["private_metadata"]!.GetValue<string>(), prompt.SuggestedText ?? "someone"));
    }

    /// <summary>Sends an interaction until the replica acknowledges it (a 503 means it could not record it).</summary>
    public static async Task<TimeSpan> ClickAsync(Replica replica, JsonNode payload)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = DateTime.UtcNow;
            using var response = await replica.InteractAsync(payload);
            if (response.StatusCode == HttpStatusCode.OK) return DateTime.UtcNow - started;
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 60, $"{response.StatusCode} from replica {replica.Name}");
            await Task.Delay(500);
        }
    }

    [GeneratedRegex(@"r-\d{8}-\d{6}-[0-9a-f]{4}")]
    private static partial Regex RunId();
}
