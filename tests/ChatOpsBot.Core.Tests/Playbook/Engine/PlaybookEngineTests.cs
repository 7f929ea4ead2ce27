using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Reports;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class PlaybookEngineTests
{
    [Fact]
    public async Task AdvanceAsync_AutoRunOverDemo_ResolvesWithEverySectionVisited()
    {
        var world = Demo();
        var bot = world.StartBot();
        var started = await bot.StartAsync();

        var run = await bot.RunAutoAsync(started.Id);

        Assert.Equal(RunState.Resolved, run.State);
        Assert.Equal(Enum.GetNames<PlaybookSection>(), run.VisitedSections);
        DemoOutcome.AssertResolvedIncident(world, run);
    }

    [Fact]
    public async Task AdvanceAsync_AutoRun_MarksEveryAnswerAutomatic()
    {
        var world = Demo();
        var bot = world.StartBot();
        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        var answers = run.Timeline.Where(t => t.Kind == TimelineEntryKind.Answer).ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.True(a.Automatic));
        Assert.All(answers, a => Assert.StartsWith("auto:", a.Actor, StringComparison.Ordinal));
        Assert.All(world.Channel.Closures, c => Assert.True(c.Automatic));
        Assert.All(run.Timeline.Where(t => t.Kind == TimelineEntryKind.Transition), t => Assert.False(t.Automatic));
    }

    [Fact]
    public async Task AdvanceAsync_RunAnsweredByPerson_ResolvesAndTimelineIsNotAutomatic()
    {
        var world = Demo();
        var bot = world.StartBot();
        var runId = (await bot.StartAsync()).Id;
        var helpdesk = 0;

        var run = await bot.Engine.AdvanceAsync(runId, CancellationToken.None);
        for (var turn = 0; run.Prompt is not null && turn < 50; turn++)
        {
            var prompt = run.Prompt;
            var (option, text) = prompt.Section switch
            {
                PlaybookSection.Validation when prompt.Title.Contains(Ips.Benign, StringComparison.Ordinal) => ("DismissAsBenign", null),
                PlaybookSection.Validation => ("ConfirmMalware", (string?)null),
                PlaybookSection.Containment when prompt.Kind == PromptKind.Text => ("SubmitHelpdeskTicket", $"HD-77{++helpdesk:D4}"),
                PlaybookSection.Containment => ("ConfirmHelpdeskCall", null),
                PlaybookSection.Pivot => ("RunPivot", null),
                PlaybookSection.InitialCompromise when prompt.Kind == PromptKind.Text => ("HandOverPhishing", "jane.analyst"),
                PlaybookSection.InitialCompromise => ("ConfirmPhishing", null),
                PlaybookSection.Closure when prompt.Kind == PromptKind.Text => ("DescribeUnusual", "Pivot found a host the feed missed."),
                PlaybookSection.Closure when prompt.Options.Any(o => o.Value == "FlagUnusual") => ("FlagUnusual", null),
                PlaybookSection.Closure => ("ConfirmClose", null),
                _ => throw new InvalidOperationException($"Unexpected prompt {prompt.Title}"),
            };
            var result = await bot.AnswerAsync(run, option, People.Alice, text);
            Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
            run = await bot.Engine.AdvanceAsync(runId, CancellationToken.None);
        }

        Assert.Equal(RunState.Resolved, run.State);
        var answers = run.Timeline.Where(t => t.Kind == TimelineEntryKind.Answer).ToList();
        Assert.All(answers, a => Assert.False(a.Automatic));
        Assert.All(answers, a => Assert.Equal("alice", a.ActorName));
        Assert.All(world.Channel.Closures, c => Assert.False(c.Automatic));
        Assert.Equal(["alice"], world.ShiftLog.Entries.Single().Analysts);
        Assert.Equal(["HD-770001", "HD-770002"], run.Hosts.Select(h => h.HelpdeskTicket));
        Assert.Equal("jane.analyst", run.Mails.Single(m => m.Status == MailStatus.Phishing).HandedTo);
        Assert.Equal("Pivot found a host the feed missed.", run.Closure.PostMortem);
        Assert.Single(world.Ticketing.Tickets);
    }

    [Fact]
    public async Task AdvanceAsync_PivotOriginIp_IsNeverPivotedOn()
    {
        var world = Demo();
        var bot = world.StartBot();
        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal([Pulses.P1], world.Intel.PulseLookups);
        var record = Assert.Single(run.Pivot.Records);
        Assert.Equal(Ips.HuntC2, record.SourceIp);
        Assert.Equal(1, record.Hits);
        Assert.False(record.Skipped);
        Assert.Equal(["185.220.101.47", "203.0.113.77", "45.137.21.9"], record.Ips);
        Assert.Single(world.Siem.Queries, q => q.Purpose == QueryPurpose.Pivot);
        var pivotIp = run.FindRemoteIp(Ips.PivotC2)!;
        Assert.Equal(HitOrigin.Pivot, pivotIp.Origin);
        Assert.False(pivotIp.Pivoted);
        Assert.Equal(Ips.HuntC2, run.Hits.Single(h => h.RemoteIp == Ips.PivotC2).PivotOf);
    }

    [Fact]
    public async Task AdvanceAsync_HuntFindsNothing_ClosesWithoutTicket()
    {
        var world = Quiet();
        var bot = world.StartBot();
        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal(RunState.Resolved, run.State);
        Assert.Equal(["Hunt", "Closure"], run.VisitedSections);
        Assert.Equal("NothingFound", run.Hunt.State);
        Assert.Equal("Resolved", run.Closure.State);
        Assert.Null(run.Ticket);
        Assert.Empty(world.Ticketing.Calls);
        Assert.Single(world.ShiftLog.Entries);
        Assert.Contains(world.Channel.Notifications, n => n.Title == "No C2 traffic found");
        Assert.Contains(world.Channel.Notifications, n => n.Title == "Hunt closed: no C2 traffic");
        Assert.Empty(RunReport.From(run).Tickets);
    }

    [Fact]
    public async Task AdvanceAsync_FirstPrompt_IsDeliveredToTheRunsChannelWithPermittedOptions()
    {
        var world = Demo();
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        Assert.Equal(RunState.AwaitingAnswer, run.State);
        var asked = Assert.Single(world.Channel.Asks);
        Assert.Equal(run.Prompt!.Id, asked.Id);
        Assert.Equal($"Is {Ips.HuntC2} tied to malware?", asked.Title);
        Assert.Equal(["ConfirmMalware", "DismissAsBenign"], asked.Options.Select(o => o.Value));
        Assert.Equal("ConfirmMalware", asked.Suggestion);
        Assert.Empty(run.Outbox);
        Assert.Equal(run.Version, world.Store.StoredVersion(run.Id));
    }

    [Fact]
    public async Task StartAsync_WithoutWindow_UsesClockAndDefaultWindow()
    {
        var world = Demo();
        world.Configure = o => o.DefaultWindow = TimeSpan.FromHours(6);
        var bot = world.StartBot();

        var run = await bot.Engine.StartAsync(new RunSettings { StartedBy = "terminal:alice" }, CancellationToken.None);

        Assert.Equal(TestWorld.Now, run.Settings.WindowTo);
        Assert.Equal(TestWorld.Now.AddHours(-6), run.Settings.WindowFrom);
        Assert.Equal(new PlaybookOptions().Feed, run.Settings.Feed);
        Assert.Equal(1, world.Store.StoredVersion(run.Id));
    }
}
