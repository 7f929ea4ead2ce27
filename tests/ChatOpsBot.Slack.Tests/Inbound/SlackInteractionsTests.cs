using System.Text.Json.Nodes;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.Inbound;

/// <summary>Buttons and modals through signed HTTP: who may answer, answering once, server-side validation.</summary>
public sealed class SlackInteractionsTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ApproverOnlyButton_ClickedByOutsider_IsRefusedEphemerallyRecordedAndRunUnchanged()
    {
        var (runId, prompt, buttons) = await OpenPrompt.StartAsync(_bot);
        var gated = prompt.Options.First(o => o.RequiresApprover);
        var button = buttons.Single(b => b.Value.EndsWith("|" + gated.Value, StringComparison.Ordinal));
        var before = await _bot.RunAsync(runId);

        using var response = await _bot.InteractAsync(SlackPayloads.BlockAction(BotHost.Outsider, button.ActionId, button.Value, _bot.Slack.ResponseUrl("outsider")));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var reply = await Eventually.WaitAsync(() => Task.FromResult(_bot.Slack.CallsTo("response_url").FirstOrDefault()), "the ephemeral refusal");
        Assert.Equal("ephemeral", reply.Json!["response_type"]!.GetValue<string>());
        Assert.Contains("only configured approvers", reply.Json["text"]!.GetValue<string>());
        var after = await _bot.RunAsync(runId);
        Assert.Equal(prompt.Id, after.Prompt!.Id);
        Assert.Equal(before.Validation.State, after.Validation.State);
        Assert.Contains(after.Timeline, e => e.Kind == TimelineEntryKind.Refused && e.Actor == $"slack:{BotHost.Outsider}" && e.PromptId == prompt.Id);
        Assert.DoesNotContain(after.Timeline, e => e.Kind == TimelineEntryKind.Answer && e.PromptId == prompt.Id);
    }

    [Fact]
    public async Task SameButton_ClickedConcurrentlyByTwoApprovers_ChangesTheRunOnce()
    {
        var (runId, prompt, buttons) = await OpenPrompt.StartAsync(_bot);
        var option = prompt.FindOption(prompt.Suggestion ?? "") ?? prompt.Options[0];
        var button = buttons.Single(b => b.Value.EndsWith("|" + option.Value, StringComparison.Ordinal));
        // The second approver is one only through the user group (usergroups.users.list).
        var users = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? BotHost.Approver : BotHost.SecondApprover).ToList();

        var responses = await Task.WhenAll(users.Select((u, i) =>
            _bot.InteractAsync(SlackPayloads.BlockAction(u, button.ActionId, button.Value, _bot.Slack.ResponseUrl($"c{i}")))));

        Assert.All(responses, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        await Eventually.WaitAsync(() => _bot.Slack.CallsTo("response_url").Count == users.Count - 1, "a polite reply to every losing click");
        var run = await _bot.RunAsync(runId);
        Assert.Single(run.Timeline, e => e.Kind == TimelineEntryKind.Answer && e.PromptId == prompt.Id);
        Assert.Single(run.ClosedPrompts, c => c.Id == prompt.Id);
        Assert.All(_bot.Slack.CallsTo("response_url"), c => Assert.Contains("nothing was changed", c.Json!["text"]!.GetValue<string>()));
        Assert.DoesNotContain(run.Timeline, e => e.Kind == TimelineEntryKind.Refused);
    }

    [Fact]
    public async Task ModalSubmission_ForAPromptNoLongerOpen_GetsAFieldError()
    {
        var (runId, prompt, _) = await OpenPrompt.StartAsync(_bot);

        using var response = await _bot.InteractAsync(SlackPayloads.ViewSubmission(BotHost.Approver, $"{runId}|{runId}/p999|Whatever", "HD-123456"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        Assert.Contains("no longer open", body["errors"]!["answer"]!.GetValue<string>());
        Assert.Equal(prompt.Id, (await _bot.RunAsync(runId)).Prompt!.Id);
    }

    [Fact]
    public async Task ModalSubmission_Empty_GetsAFieldErrorAndNothingChanges()
    {
        var (runId, prompt, _) = await OpenPrompt.StartAsync(_bot);

        using var response = await _bot.InteractAsync(SlackPayloads.ViewSubmission(BotHost.Approver, $"{runId}|{prompt.Id}|{prompt.Options[0].Value}", "   "));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("An answer is required.", body["errors"]!["answer"]!.GetValue<string>());
        var run = await _bot.RunAsync(runId);
        Assert.Equal(prompt.Id, run.Prompt!.Id);
        Assert.DoesNotContain(run.Timeline, e => e.Kind == TimelineEntryKind.Answer);
    }

    [Fact]
    public async Task ButtonWithForgedValue_IsAcknowledgedAndChangesNothing()
    {
        var (runId, prompt, _) = await OpenPrompt.StartAsync(_bot);

        using var response = await _bot.InteractAsync(SlackPayloads.BlockAction(BotHost.Approver, "c2hunt_answer:0", "garbage", _bot.Slack.ResponseUrl("f")));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(prompt.Id, (await _bot.RunAsync(runId)).Prompt!.Id);
    }
}
