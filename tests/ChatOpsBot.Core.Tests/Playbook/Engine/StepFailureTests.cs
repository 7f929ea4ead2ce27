using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class StepFailureTests
{
    [Fact]
    public async Task AdvanceAsync_SiemThrows_OpensRetryOrAbandonPromptAndKeepsSavedState()
    {
        var world = Demo();
        world.Siem.FailNext(1);
        var bot = world.StartBot();

        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        Assert.Equal(RunState.AwaitingAnswer, run.State);
        Assert.Equal([StepFailure.Retry, StepFailure.Skip, StepFailure.Abandon], run.Prompt!.Options.Select(o => o.Value));
        Assert.Equal("QueryingSiem", run.Hunt.State);
        Assert.Empty(run.Hits);
        Assert.Contains("SIEM unavailable", run.Timeline.Single(t => t.Kind == TimelineEntryKind.StepFailed).Value, StringComparison.Ordinal);
        Assert.Equal(run.Prompt.Id, world.Channel.Asks.Last().Id);
    }

    [Fact]
    public async Task AnswerAsync_RetryAfterSiemRecovers_FinishesTheRun()
    {
        var world = Demo();
        world.Siem.FailNext(1);
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        var retry = await bot.AnswerAsync(run, StepFailure.Retry, People.Alice);
        run = await bot.RunAutoAsync(run.Id);

        Assert.Equal(Core.Dialog.AnswerOutcome.Accepted, retry.Outcome);
        Assert.Equal(2, world.Siem.Queries.Count(q => q.Purpose == Siem.QueryPurpose.Hunt));
        DemoOutcome.AssertResolvedIncident(world, run);
    }

    [Fact]
    public async Task AnswerAsync_Abandon_StopsTheRunForGood()
    {
        var world = Demo();
        world.Siem.FailNext(1);
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        await bot.AnswerAsync(run, StepFailure.Abandon, People.Alice);
        var after = await bot.Engine.AdvanceAsync(run.Id, CancellationToken.None);

        Assert.Equal(RunState.Abandoned, after.State);
        Assert.Null(after.Prompt);
        Assert.Equal("QueryingSiem", after.Hunt.State);
        Assert.Single(world.Siem.Queries);
    }

    [Fact]
    public async Task AdvanceAsync_TicketingDownMidStep_DiscardsHalfDoneStep()
    {
        var world = Demo();
        world.Ticketing.FailBefore(c => c.Kind == "create");
        var bot = world.StartBot();

        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Options.Any(o => o.Value == StepFailure.Retry));

        Assert.Equal("RecordingTicket", run.Validation.State);
        Assert.Empty(run.Hosts);
        Assert.Null(run.Ticket);
        Assert.Empty(world.Ticketing.Tickets);
        run = await bot.RunAutoAsync(run.Id);
        DemoOutcome.AssertResolvedIncident(world, run);
    }

    [Fact]
    public async Task AnswerAsync_SkipAfterSiemDownForGood_ClosesInconclusiveNamingTheSkippedStep()
    {
        var world = Demo();
        world.Siem.FailNext(1);
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        var skip = await bot.AnswerAsync(run, StepFailure.Skip, People.Alice);
        run = await bot.RunAutoAsync(run.Id);

        Assert.Equal(Core.Dialog.AnswerOutcome.Accepted, skip.Outcome);
        Assert.Equal(RunState.Inconclusive, run.State);
        var gap = Assert.Single(Core.Playbook.Coverage.RunCoverage.Gaps(run));
        Assert.Equal(CoverageGapKind.StepSkipped, gap.Kind);
        Assert.Contains("skipped by alice", gap.Text, StringComparison.Ordinal);
        Assert.Contains("SIEM unavailable", gap.Text, StringComparison.Ordinal);
        Assert.Contains(world.Channel.Notifications, n => n.Title.StartsWith("Hunt inconclusive", StringComparison.Ordinal));
        Assert.Contains(world.ShiftLog.Entries.Single().Summary, l => l.Contains("skipped by alice", StringComparison.Ordinal));
        Assert.Equal("NothingFound", run.Hunt.State);
        Assert.Empty(run.Hits);
        Assert.Single(world.Siem.Queries);
        Assert.Contains(run.Timeline, t => t.Kind == TimelineEntryKind.Effect && t.Value == "Step skipped by alice");
        Assert.Contains(world.Channel.Notifications, n => n.Title.StartsWith("Hunt step skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_SkipAfterIntelDown_AsksTheAnalystWithoutIntel()
    {
        var world = Demo();
        world.Intel.FailIpLookups(1);
        var bot = world.StartBot();
        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Options.Any(o => o.Value == StepFailure.Retry));
        Assert.Equal("LookingUpIntel", run.Validation.State);
        Assert.Contains(run.Prompt!.Options, o => o.Value == StepFailure.Skip);

        await bot.AnswerAsync(run, StepFailure.Skip, People.Alice);
        run = await bot.Engine.AdvanceAsync(run.Id, CancellationToken.None);

        Assert.Equal("AwaitingVerdict", run.Validation.State);
        Assert.Contains(run.Prompt!.Facts, f => f.Label == "Intel verdict" && f.Value == "Unknown (intel unavailable (lookup skipped))");
        Assert.Equal(nameof(Core.Playbook.Validation.ValidationTrigger.DismissAsBenign), run.Prompt.Suggestion);
    }

    [Fact]
    public async Task AnswerAsync_SkipAfterTicketingDown_KeepsTheCompromisedHostsAndFinishes()
    {
        var world = Demo();
        world.Ticketing.FailBefore(c => c.Kind == "create");
        var bot = world.StartBot();
        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Options.Any(o => o.Value == StepFailure.Retry));
        Assert.Equal("RecordingTicket", run.Validation.State);

        await bot.AnswerAsync(run, StepFailure.Skip, People.Alice);
        run = await bot.Engine.AdvanceAsync(run.Id, CancellationToken.None);

        Assert.Null(run.Ticket);
        Assert.Contains(run.Hosts, h => h.Host == "10.20.1.15");
        Assert.Contains(world.Channel.Notifications, n => n.Title.EndsWith("the ticket was not updated", StringComparison.Ordinal));
        run = await bot.RunAutoAsync(run.Id);
        Assert.Equal(RunState.Resolved, run.State);
        Assert.All(run.Hosts, h => Assert.Equal(HostStatus.Contained, h.Status));
    }

    [Fact]
    public async Task AnswerAsync_SkipWhenTheStepIsNoLongerSkippable_IsStaleAndChangesNothing()
    {
        var world = Demo();
        world.Siem.FailNext(1);
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);
        // Someone retried first (the step then succeeded); a late "skip" on the old prompt must not apply.
        await bot.AnswerAsync(run, StepFailure.Retry, People.Alice);

        var late = await bot.AnswerAsync(run, StepFailure.Skip, People.Bob);

        Assert.Equal(Core.Dialog.AnswerOutcome.Stale, late.Outcome);
        var stored = await bot.Engine.AdvanceAsync(run.Id, CancellationToken.None);
        Assert.NotEmpty(stored.Hits);
    }

    [Fact]
    public async Task AdvanceAsync_IntelQuotaUsedUp_SaysWhenItResetsAndOffersRetryLaterOrSkip()
    {
        var world = Demo();
        world.Intel.IpFailure = () => new IntelQuotaExhaustedException("VirusTotal", "500 requests per UTC day", new DateTimeOffset(2026, 11, 29, 0, 0, 2, TimeSpan.Zero));
        world.Intel.FailIpLookups(1);
        var bot = world.StartBot();

        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => StepFailure.IsEngineOption(p.Options[0].Value));

        var prompt = run.Prompt!;
        Assert.Equal("Validation step: VirusTotal's quota is used up", prompt.Title);
        Assert.Equal([(StepFailure.Retry, "Retry later"), (StepFailure.Skip, "Skip this step"), (StepFailure.Abandon, "Stop the run")],
            prompt.Options.Select(o => (o.Value, o.Label)));
        var facts = prompt.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("500 requests per UTC day", facts["Quota"]);
        Assert.StartsWith("2026-11-29 00:00 UTC (in 17 h 59 min", facts["Resets"], StringComparison.Ordinal);
        Assert.Contains("Retry later once the quota resets at 2026-11-29 00:00 UTC", prompt.Text, StringComparison.Ordinal);

        // Later, the quota is back: the retry finishes the run.
        await bot.AnswerAsync(run, StepFailure.Retry, People.Alice);
        DemoOutcome.AssertResolvedIncident(world, await bot.RunAutoAsync(run.Id));
    }

    [Fact]
    public async Task AdvanceAsync_QuotaUsedUpInTheMiddleOfATriageBatch_SaysSoRatherThanAnyOtherFailure()
    {
        var world = ManyIps(unknown: 30, malicious: 0);
        world.Intel.IpFailure = () => new IntelQuotaExhaustedException("VirusTotal", "500 requests per UTC day", Now.AddHours(20));
        world.Intel.FailIpLookups(times: 30, after: 7);
        var bot = world.StartBot();

        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => StepFailure.IsEngineOption(p.Options[0].Value));

        Assert.Equal("Validation step: VirusTotal's quota is used up", run.Prompt!.Title);
        Assert.StartsWith("IntelQuotaExhaustedException: ", run.Timeline.Single(t => t.Kind == TimelineEntryKind.StepFailed).Value, StringComparison.Ordinal);
        // Skip goes on without the lookups: the IPs are decided without intel, and the prompts say so.
        await bot.AnswerAsync(run, StepFailure.Skip, People.Alice);
        run = await bot.RunAutoUntilAsync(run.Id, p => p.Title.EndsWith("feed IPs have no malware intel", StringComparison.Ordinal));
        Assert.Contains(run.Prompt!.Facts, f => f.Label == "Intel source" && f.Value.Contains("intel unavailable (lookup skipped)", StringComparison.Ordinal));
    }
}
