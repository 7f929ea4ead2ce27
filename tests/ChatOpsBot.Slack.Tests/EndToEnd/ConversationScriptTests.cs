using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.TestSupport;

namespace ChatOpsBot.Slack.Tests.EndToEnd;

/// <summary>The conversation script every channel runs (<see cref="ConversationScript"/>), through the fake Slack.</summary>
public sealed class ConversationScriptTests
{
    [Fact]
    public async Task The_script_in_Slack_reaches_the_same_outcome_with_the_same_prompt_views()
    {
        await using var bot = await BotHost.StartAsync();
        var slack = new HttpTransport(bot);

        var run = await DemoAnalyst.PlayAsync(bot, slack, ConversationScript.Start);
        var status = (await slack.CommandAsync(ConversationScript.Status, BotHost.Approver))["text"]!.GetValue<string>();
        var resume = (await slack.CommandAsync(ConversationScript.Resume(run.Id), BotHost.Approver))["text"]!.GetValue<string>();
        var cancel = (await slack.CommandAsync(ConversationScript.Cancel(run.Id), BotHost.Approver))["text"]!.GetValue<string>();

        Assert.Equal(RunState.Resolved, run.State);
        Assert.Equal(ConversationScript.ConfirmedC2, run.RemoteIps.Where(r => r.Status == IpVerdictStatus.Malware).Select(r => r.Ip).Order());
        Assert.Equal(ConversationScript.Dismissed, run.RemoteIps.Where(r => r.Status == IpVerdictStatus.NotMalicious).Select(r => r.Ip).Order());
        Assert.Equal(ConversationScript.Contained, run.Hosts.Where(h => h.Status == HostStatus.Contained).Select(h => h.Host).Order());
        Assert.NotNull(run.Ticket);
        Assert.Contains(run.Id, status, StringComparison.Ordinal);
        Assert.Contains("Resolved", status, StringComparison.Ordinal);
        Assert.Contains("nothing to resume", resume, StringComparison.Ordinal);
        Assert.Contains("nothing to cancel", cancel, StringComparison.Ordinal);

        // The prompt views: each question's first post (header and buttons), in order.
        var seen = bot.Slack.CallsTo("chat.postMessage")
            .Where(c => c.Json?["metadata"]?["event_payload"]?["key"]?.GetValue<string>().StartsWith("prompt:", StringComparison.Ordinal) == true)
            .Select(c => (Title: c.Json!["blocks"]![0]!["text"]!["text"]!.GetValue<string>(),
                Options: (IReadOnlyList<string>)c.Json["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
                    .SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!["text"]!["text"]!.GetValue<string>()).ToList()))
            .ToList();
        Assert.Null(ConversationScript.DifferenceFromPrompts(seen));
    }
}
