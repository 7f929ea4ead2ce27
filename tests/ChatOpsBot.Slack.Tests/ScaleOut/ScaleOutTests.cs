using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.EndToEnd;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.ScaleOut;

/// <summary>
/// Several replicas, one team: two bot processes on one real PostgreSQL, Slack requests spread over both,
/// concurrent answers, and a replica killed mid-run.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chatopsbot-scaleout", Guid.NewGuid().ToString("N"));
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _slack = await FakeSlack.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [SkippableFact]
    public async Task One_run_driven_alternately_through_two_replicas_resolves_and_a_simultaneous_double_answer_changes_it_once()
    {
        await using var db = await SharedPostgres.CreateAsync();
        await using var a = await Replica.StartAsync("a", db.ConnectionString, _slack, _directory);
        await using var b = await Replica.StartAsync("b", db.ConnectionString, _slack, _directory);
        Replica[] replicas = [a, b];
        var runId = await StartAsync(a);

        var raced = false;
        for (var step = 0; ; step++)
        {
            var run = await NextPromptAsync(db, runId);
            if (run.State == RunState.Resolved) break;
            var prompt = run.Prompt!;
            if (!raced && prompt.Section == Core.Playbook.PlaybookSection.Validation)
            {
                raced = true;
                // Two approvers click the same button at the same moment, each on another replica.
                var button = ButtonFor(runId, prompt);
                var clicks = await Task.WhenAll(
                    a.InteractAsync(SlackPayloads.BlockAction(BotHost.Approver, button.ActionId, button.Value, _slack.ResponseUrl("race-a"))),
                    b.InteractAsync(SlackPayloads.BlockAction(BotHost.SecondApprover, button.ActionId, button.Value, _slack.ResponseUrl("race-b"))));
                Assert.All(clicks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
                await Eventually.WaitAsync(async () => (await db.RunAsync(runId)).Prompt?.Id != prompt.Id, "the raced prompt to close", 60);
                var loserReply = await Eventually.WaitAsync(() => Task.FromResult(_slack.CallsTo("response_url")
                    .FirstOrDefault(c => c.Path.Contains("race-", StringComparison.Ordinal) && c.Body.Contains("Already answered", StringComparison.Ordinal))), "the polite refusal", 60);
                Assert.Contains("nothing was changed", loserReply.Body, StringComparison.Ordinal);
                var stored = await db.RunAsync(runId);
                Assert.Single(stored.Timeline, t => t.Kind == TimelineEntryKind.Answer && t.PromptId == prompt.Id);
                Assert.Single(stored.Timeline, t => t.Kind == TimelineEntryKind.Transition && t.Value.StartsWith("AwaitingVerdict →", StringComparison.Ordinal)
                                                   && stored.Timeline.IndexOf(t) > stored.Timeline.FindIndex(x => x.PromptId == prompt.Id));
                continue;
            }
            await AnswerAsync(replicas[step % 2], runId, prompt, step);
        }

        var resolved = await db.RunAsync(runId);
        Assert.Equal(RunState.Resolved, resolved.State);
        Assert.Equal(2, resolved.Hosts.Count(h => h.Status == HostStatus.Contained));
        Assert.Single(await db.Tickets.ListAsync(10, CancellationToken.None));
        AssertNoDuplicatePosts();
    }

    [SkippableFact]
    public async Task A_replica_killed_mid_run_leaves_the_run_to_the_other_with_no_duplicate_ticket_or_post()
    {
        await using var db = await SharedPostgres.CreateAsync();
        await using var a = await Replica.StartAsync("a", db.ConnectionString, _slack, _directory);
        await using var b = await Replica.StartAsync("b", db.ConnectionString, _slack, _directory);
        var runId = await StartAsync(a);

        // The first answer goes to A, which is killed at once: mid-advance (opening the ticket) or just after.
        var first = await NextPromptAsync(db, runId);
        await AnswerAsync(a, runId, first.Prompt!, 0);
        a.Kill();

        try
        {
            for (var step = 1; ; step++)
            {
                var run = await NextPromptAsync(db, runId);
                if (run.State == RunState.Resolved) break;
                await AnswerAsync(b, runId, run.Prompt!, step);
            }
        }
        catch (TimeoutException e)
        {
            // What the surviving replica did (warnings and errors) is what explains a run left hanging.
            throw new TimeoutException($"{e.Message}\nreplica b:\n{b.Log}", e);
        }

        var resolved = await db.RunAsync(runId);
        Assert.Equal(RunState.Resolved, resolved.State);
        var ticket = Assert.Single(await db.Tickets.ListAsync(10, CancellationToken.None));
        var details = await db.Tickets.GetAsync(ticket.Number, CancellationToken.None);
        Assert.Equal(details!.Comments.Count, details.Comments.Select(c => c.Text).Distinct().Count());
        Assert.Equal(details.Attachments.Count, details.Attachments.Select(f => f.FileName).Distinct().Count());
        AssertNoDuplicatePosts();
    }

    private Task<string> StartAsync(Replica replica) => ScaleOutAnalyst.StartAsync(replica, _slack);

    /// <summary>Waits until the run shows a prompt whose buttons reached Slack, or is resolved.</summary>
    private async Task<PlaybookRun> NextPromptAsync(SharedPostgres db, string runId) =>
        await Eventually.WaitAsync(async () =>
        {
            var run = await db.RunAsync(runId);
            if (run.State == RunState.Resolved) return run;
            return run.Prompt is { } p && DemoAnalyst.Buttons(_slack).Any(x => x.Value.StartsWith($"{runId}|{p.Id}|", StringComparison.Ordinal)) ? run : null;
        }, "the next prompt", 90);

    private (string ActionId, string Value) ButtonFor(string runId, Prompt prompt)
    {
        var option = prompt.FindOption(prompt.Suggestion ?? "") ?? prompt.Options[0];
        return DemoAnalyst.Buttons(_slack).Last(x => x.Value == $"{runId}|{prompt.Id}|{option.Value}");
    }

    private async Task AnswerAsync(Replica replica, string runId, Prompt prompt, int step)
    {
        var button = ButtonFor(runId, prompt);
        using var click = await replica.InteractAsync(SlackPayloads.BlockAction(BotHost.Approver, button.ActionId, button.Value, _slack.ResponseUrl($"step-{step}")));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        if (prompt.Kind == PromptKind.Text)
        {
            var view = await Eventually.WaitAsync(() => Task.FromResult(_slack.CallsTo("views.open")
                .Select(c => c.Json!["view"]!).LastOrDefault(v => v["private_metadata"]!.GetValue<string>() == button.Value)), "the modal", 60);
            using var submit = await replica.InteractAsync(SlackPayloads.ViewSubmission(BotHost.Approver, view["private_metadata"]!.GetValue<string>(), prompt.SuggestedText ?? "someone"));
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }
    }

    // Each notification and prompt reaches the channel once, whichever replica delivered it.
    private void AssertNoDuplicatePosts()
    {
        var posts = _slack.CallsTo("chat.postMessage").Select(c => c.Json!).ToList();
        var texts = posts.Select(p => p.ToJsonString()).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }
}
