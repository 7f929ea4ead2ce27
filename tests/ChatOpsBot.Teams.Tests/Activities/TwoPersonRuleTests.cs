using ChatOpsBot.Core.Runs;
using ChatOpsBot.Teams.Tests.Fakes;

namespace ChatOpsBot.Teams.Tests.Activities;

/// <summary>Card clicks under a two-person rule (<c>Playbook:Approvals:Validation = 2</c>), as Teams sends them.</summary>
public sealed class TwoPersonRuleTests : IAsyncLifetime
{
    private TeamsBotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TeamsBotHost.StartAsync(settings => settings["Playbook:Approvals:Validation"] = "2");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_second_click_by_the_same_approver_is_answered_and_changes_nothing()
    {
        await _host.SayAsync("c2hunt start 2026-11-27T00:00Z 2026-11-28T00:00Z");
        var runId = Assert.Single(await _host.Runs.ListAsync(5, CancellationToken.None)).Id;
        // Answer with the suggestion until the first decision that needs two approvers is open.
        PlaybookRun run;
        while (true)
        {
            run = await _host.WaitAsync(runId, r => r.Prompt is not null || r.State.IsFinished());
            Assert.NotNull(run.Prompt);
            if (run.Prompt.Options.Any(o => o.RequiredApprovals == 2)) break;
            await _host.ClickAsync(TeamsBotHost.Alice, run.Prompt, run.Prompt.Suggestion ?? run.Prompt.Options[0].Value);
            await _host.WaitAsync(runId, r => r.Prompt?.Id != run.Prompt.Id);
        }
        var prompt = run.Prompt!;
        var gated = prompt.Options.First(o => o.RequiredApprovals == 2).Value;

        var first = await _host.ClickAsync(TeamsBotHost.Alice, prompt, gated);
        var second = await _host.ClickAsync(TeamsBotHost.Alice, prompt, gated);

        Assert.Equal("application/vnd.microsoft.card.adaptive", first["type"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.activity.message", second["type"]!.GetValue<string>());
        Assert.Contains("You already approved; 1 more distinct approver(s) needed.", second["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var after = (await _host.Runs.FindAsync(runId, CancellationToken.None))!;
        Assert.Equal(prompt.Id, after.Prompt?.Id);
        Assert.Single(after.Prompt!.Approvals);

        var third = await _host.ClickAsync(TeamsBotHost.Carol, prompt, gated);
        Assert.Equal("application/vnd.microsoft.card.adaptive", third["type"]!.GetValue<string>());
        Assert.Contains(after.Timeline, t => t.PromptId == prompt.Id && t.Kind == TimelineEntryKind.Approval);
        await _host.WaitAsync(runId, r => r.Prompt?.Id != prompt.Id);
    }
}
