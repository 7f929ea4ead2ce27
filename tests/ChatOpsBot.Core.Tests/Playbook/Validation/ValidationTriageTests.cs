using System.Text;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Validation;

/// <summary>
/// A batch of at least the threshold of pending IPs is triaged: intel for all of them in saved steps of at most 25,
/// one question dismisses those intel has nothing against, and only the flagged ones are asked one by one.
/// </summary>
public sealed class ValidationTriageTests
{
    private const string Dismiss = nameof(ValidationTrigger.DismissUnflagged);
    private const string ReviewEach = nameof(ValidationTrigger.ReviewEach);

    [Fact]
    public async Task AdvanceAsync_ThresholdOfUnknownIps_AsksOneTriageQuestionWithTheListAttached()
    {
        var world = ManyIps(unknown: 30, malicious: 3);
        var bot = world.StartBot();

        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        var prompt = run.Prompt!;
        Assert.Equal(nameof(ValidationState.AwaitingTriage), run.Validation.State);
        Assert.Equal("30 feed IPs have no malware intel", prompt.Title);
        Assert.Equal([Dismiss, ReviewEach], prompt.Options.Select(o => o.Value));
        Assert.Equal("Dismiss the 30 without malware intel", prompt.Options[0].Label);
        Assert.All(prompt.Options, o => Assert.False(o.RequiresApprover));
        Assert.Equal(Dismiss, prompt.Suggestion);
        Assert.Contains(prompt.Facts, f => f is { Label: "IPs", Value: "30" });
        Assert.Contains(prompt.Facts, f => f is { Label: "Verdicts", Value: "Unknown 30" });
        Assert.Contains(prompt.Facts, f => f is { Label: "Intel source", Value: "fake-intel" });
        Assert.Contains(prompt.Facts, f => f.Label == UnknownIp(0) && f.Value == "10.30.0.1");
        Assert.Equal(20, prompt.Facts.Count(f => f.Label.StartsWith("198.18.", StringComparison.Ordinal)));
        Assert.Contains(prompt.Facts, f => f.Label == "More" && f.Value.StartsWith("10 more in ", StringComparison.Ordinal));
        Assert.Contains("3 IP(s) intel flags are asked about one by one", prompt.Text, StringComparison.Ordinal);
        var list = Assert.Single(world.Channel.Notifications, n => n.Attachment is not null && n.Section == PlaybookSection.Validation);
        var csv = Encoding.UTF8.GetString(list.Attachment!.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("remote_ip,hosts,connections,intel_verdict,intel_source", csv[0]);
        Assert.Equal(31, csv.Length);
        Assert.Contains($"{UnknownIp(29)},10.30.0.30,1,Unknown,fake-intel", csv);
        Assert.Equal(30, list.Table!.Rows.Count); // channels show the rows and attach the CSV only when they hide some
        Assert.Equal(AddressOrder.Sort(list.Table.Rows.Select(r => r[0])), list.Table.Rows.Select(r => r[0]));
        Assert.Single(world.Channel.Asks);
    }

    [Fact]
    public async Task AnswerAsync_DismissByAnyAnalyst_DismissesTheUnflaggedAndAsksOnlyTheFlagged()
    {
        var world = ManyIps(unknown: 30, malicious: 3);
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Accepted, (await bot.AnswerAsync(run, Dismiss, People.Trainee)).Outcome);
        run = await DismissEachAsync(bot, run.Id);

        var dismissed = run.RemoteIps.Where(r => r.Ip.StartsWith("198.18.", StringComparison.Ordinal)).ToList();
        Assert.All(dismissed, r => Assert.Equal((IpVerdictStatus.NotMalicious, "tom"), (r.Status, r.DecidedBy)));
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => $"Is {FlaggedIp(i)} tied to malware?"),
            world.Channel.Asks.Where(p => p.Section == PlaybookSection.Validation).Skip(1).Select(p => p.Title));
        Assert.Equal(33, world.Intel.IpLookups.Count);
        Assert.Equal(33, world.Intel.IpLookups.Distinct().Count());
        var summary = Assert.Single(world.Channel.Notifications, n => n.Key == $"{run.Id}:validation:triage-dismissed:{UnknownIp(0)}");
        Assert.Equal("30 feed IPs dismissed as not malicious", summary.Title);
        Assert.Contains("Decided by tom", summary.Text, StringComparison.Ordinal);
        Assert.Null(summary.Attachment); // the list went out once, with the triage question
        Assert.Single(world.Channel.Notifications, n => n.Attachment is not null && n.Section == PlaybookSection.Validation);
        Assert.Single(run.Timeline, e => e.Kind == TimelineEntryKind.Effect && e.Value == "30 feed IP(s) without malware intel dismissed as not malicious");
        Assert.Single(run.Timeline, e => e.Kind == TimelineEntryKind.Answer && e.Value == "Dismiss the 30 without malware intel" && e.ActorName == "tom");
    }

    [Fact]
    public async Task AnswerAsync_ReviewEach_AsksEveryIpOnItsOwnAndNeverTriagesAgain()
    {
        var world = ManyIps(unknown: 25, malicious: 2);
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        await bot.AnswerAsync(run, ReviewEach, People.Alice);
        run = await DismissEachAsync(bot, run.Id);

        var validation = world.Channel.Asks.Where(p => p.Section == PlaybookSection.Validation).ToList();
        Assert.Single(validation, p => p.Options.Any(o => o.Value == Dismiss));
        Assert.Equal(27, validation.Count(p => p.Title.StartsWith("Is ", StringComparison.Ordinal)));
        Assert.Equal(27, world.Intel.IpLookups.Count);
        Assert.All(run.RemoteIps, r => Assert.Equal((IpVerdictStatus.NotMalicious, "alice"), (r.Status, r.DecidedBy)));
        Assert.Contains(validation, p => p.Facts.Any(f => f is { Label: "Intel verdict", Value: "Unknown (fake-intel)" }));
    }

    [Fact]
    public async Task AdvanceAsync_BelowThreshold_AsksTheFirstIpAsBeforeWithoutBatchLookup()
    {
        var world = ManyIps(unknown: 18, malicious: 1);
        var bot = world.StartBot();

        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        Assert.Equal($"Is {FlaggedIp(0)} tied to malware?", run.Prompt!.Title);
        Assert.Equal([FlaggedIp(0)], world.Intel.IpLookups);
        Assert.False(run.Validation.BatchTriaged);
        Assert.DoesNotContain(run.Timeline, e => e.Value.Contains("LookingUpIntelForAll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdvanceAsync_TriageOff_AsksTheFirstIpOfALargeBatchOnItsOwn()
    {
        var world = ManyIps(unknown: 40, malicious: 0);
        world.Configure = o => o.TriageThreshold = 0;
        var bot = world.StartBot();

        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        Assert.Equal($"Is {UnknownIp(0)} tied to malware?", run.Prompt!.Title);
        Assert.Single(world.Intel.IpLookups);
    }

    [Fact]
    public async Task AdvanceAsync_ThresholdReachedButIntelFlagsTooMany_LooksUpOnceThenAsksOneByOne()
    {
        var world = ManyIps(unknown: 19, malicious: 1);
        var bot = world.StartBot();

        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);
        Assert.Equal($"Is {FlaggedIp(0)} tied to malware?", run.Prompt!.Title);
        Assert.Equal(20, world.Intel.IpLookups.Count);
        run = await DismissEachAsync(bot, run.Id);

        Assert.Equal(20, world.Channel.Asks.Count(p => p.Section == PlaybookSection.Validation));
        Assert.DoesNotContain(world.Channel.Asks, p => p.Options.Any(o => o.Value == Dismiss));
        Assert.Equal(20, world.Intel.IpLookups.Count);
    }

    [Fact]
    public async Task AdvanceAsync_LargeBatch_LooksUpIntelInSavedStepsOfAtMost25()
    {
        var world = ManyIps(unknown: 60, malicious: 2);
        var bot = world.StartBot();
        var withIntelAtSave = new List<int>();
        world.Store.Saving = r => withIntelAtSave.Add(r.RemoteIps.Count(i => i.Intel is not null));

        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        Assert.Equal(nameof(ValidationState.AwaitingTriage), run.Validation.State);
        Assert.Equal([0, 25, 50, 62], withIntelAtSave.Distinct());
        Assert.Equal(62, world.Intel.IpLookups.Count);
        Assert.Equal(
            ["Intel looked up for 25 feed IP(s) (25 of 62)", "Intel looked up for 25 feed IP(s) (50 of 62)", "Intel looked up for 12 feed IP(s) (62 of 62)"],
            run.Timeline.Where(e => e.Value.StartsWith("Intel looked up", StringComparison.Ordinal)).Select(e => e.Value));
    }

    [Fact]
    public async Task ResumeAsync_KilledMidBatchLookupAndAtTheDismissal_LosesNothingAndRepeatsNothing()
    {
        var world = ManyIps(unknown: 60, malicious: 2);
        var runId = (await world.StartBot().StartAsync()).Id;
        world.Store.CrashOnSave(r => r.RemoteIps.Count(i => i.Intel is not null) > 25);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.StartBot().Engine.AdvanceAsync(runId, CancellationToken.None));
        var stored = await world.StartBot().LoadAsync(runId);
        Assert.Equal(nameof(ValidationState.LookingUpIntelForAll), stored.Validation.State);
        Assert.Equal(25, stored.RemoteIps.Count(i => i.Intel is not null));

        var bot = world.StartBot();
        var run = await bot.Engine.ResumeAsync(runId, CancellationToken.None);
        Assert.Equal(nameof(ValidationState.AwaitingTriage), run.Validation.State);
        Assert.Equal(62, world.Intel.IpLookups.Distinct().Count());
        Assert.True(world.Intel.IpLookups.Count <= 62 + ValidationTriage.LookupBatchSize, "at most one batch is looked up again");

        world.Store.CrashOnSave(r => r.RemoteIps.Any(i => i.Status == IpVerdictStatus.NotMalicious));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => bot.AnswerAsync(run, Dismiss, People.Alice));
        Assert.All((await bot.LoadAsync(runId)).RemoteIps, r => Assert.Equal(IpVerdictStatus.Pending, r.Status));

        bot = world.StartBot();
        run = await bot.Engine.ResumeAsync(runId, CancellationToken.None);
        Assert.Equal(AnswerOutcome.Accepted, (await bot.AnswerAsync(run, Dismiss, People.Bob)).Outcome);
        Assert.Equal(AnswerOutcome.Stale, (await world.StartBot().AnswerAsync(run, Dismiss, People.Alice)).Outcome);
        run = await DismissEachAsync(world.StartBot(), runId);

        Assert.Equal(60, run.RemoteIps.Count(r => r is { Status: IpVerdictStatus.NotMalicious, DecidedBy: "bob" }));
        Assert.Equal(2, world.Channel.Asks.Count(p => p.Title.StartsWith("Is ", StringComparison.Ordinal)));
        Assert.Single(world.Channel.Notifications, n => n.Key.EndsWith(":validation:triage-dismissed:" + UnknownIp(0), StringComparison.Ordinal));
        Assert.Single(world.Channel.Notifications, n => n.Key.EndsWith(":validation:triage:" + UnknownIp(0), StringComparison.Ordinal));
        Assert.Equal(world.Channel.Notifications.Count, world.Channel.Notifications.Select(n => n.Key).Distinct().Count());
        Assert.Single(run.Timeline, e => e.Value == "60 feed IP(s) without malware intel dismissed as not malicious");
    }

    [Fact]
    public async Task AdvanceAsync_IntelDownMidBatch_OffersRetryAndRetryFinishesTheLookup()
    {
        var world = ManyIps(unknown: 30, malicious: 0);
        world.Intel.FailIpLookups(1, after: 27);
        var bot = world.StartBot();

        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);
        Assert.Equal(nameof(ValidationState.LookingUpIntelForAll), run.Validation.State);
        Assert.Equal([StepFailure.Retry, StepFailure.Skip, StepFailure.Abandon], run.Prompt!.Options.Select(o => o.Value));
        Assert.Equal(25, run.RemoteIps.Count(r => r.Intel is not null));

        await bot.AnswerAsync(run, StepFailure.Retry, People.Alice);
        run = await bot.Engine.AdvanceAsync(run.Id, CancellationToken.None);

        Assert.Equal("30 feed IPs have no malware intel", run.Prompt!.Title);
        Assert.Contains(run.Prompt.Facts, f => f is { Label: "Intel source", Value: "fake-intel" });
    }

    [Fact]
    public async Task AnswerAsync_SkipAfterIntelDownMidBatch_MarksTheRestUnavailableAndTriages()
    {
        var world = ManyIps(unknown: 30, malicious: 0);
        world.Intel.FailIpLookups(1, after: 25);
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);

        await bot.AnswerAsync(run, StepFailure.Skip, People.Alice);
        run = await bot.Engine.AdvanceAsync(run.Id, CancellationToken.None);

        Assert.Equal(25, world.Intel.IpLookups.Count);
        Assert.Equal(5, run.RemoteIps.Count(r => r.Intel?.Source == "intel unavailable (lookup skipped)" && r.Intel.Verdict == Verdict.Unknown));
        Assert.Equal("30 feed IPs have no malware intel", run.Prompt!.Title);
        Assert.Contains(run.Prompt.Facts, f => f is { Label: "Intel source", Value: "fake-intel, intel unavailable (lookup skipped)" });
        Assert.Single(run.Timeline, e => e.Kind == TimelineEntryKind.Effect && e.Value == "Step skipped by alice");
    }

    [Fact]
    public async Task RunAutoAsync_PivotFindsANewBatch_TriagesItOnItsOwn()
    {
        var world = ManyIps(unknown: 22, malicious: 1);
        var pulse = new PulseRef("P9", "Noisy campaign", [], []);
        world.Intel.Ips[FlaggedIp(0)] = new IpIntel(Verdict.Malicious, [pulse], "fake-otx");
        var pivotIps = Enumerable.Range(0, 21).Select(i => $"192.0.2.{i + 1}").ToList();
        world.Intel.Pulses["P9"] = [FlaggedIp(0), .. pivotIps];
        foreach (var ip in pivotIps) world.AddTraffic($"10.50.0.{pivotIps.IndexOf(ip) + 1}", ip, connections: 1, inFeed: false);
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal(RunState.Resolved, run.State);
        var triages = world.Channel.Asks.Where(p => p.Options.Any(o => o.Value == Dismiss)).ToList();
        Assert.Equal(["22 feed IPs have no malware intel", "21 feed IPs have no malware intel"], triages.Select(p => p.Title));
        Assert.Equal([$"Is {FlaggedIp(0)} tied to malware?"], world.Channel.Asks.Where(p => p.Title.StartsWith("Is ", StringComparison.Ordinal)).Select(p => p.Title));
        Assert.All(pivotIps, ip => Assert.Equal(IpVerdictStatus.NotMalicious, run.FindRemoteIp(ip)!.Status));
        Assert.Equal(2, world.Channel.Notifications.Count(n => n.Key.Contains(":validation:triage-dismissed:", StringComparison.Ordinal)));
        Assert.Equal(44, world.Intel.IpLookups.Count);
    }

    [Fact]
    public async Task RunAutoAsync_ManyUnknownIps_DismissesThemAllWithOneQuestionAndClosesInconclusive()
    {
        var world = ManyIps(unknown: 120, malicious: 0);
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        // Dismissed without evidence either way: not a clean day, and one gap names them all (not 120).
        Assert.Equal(RunState.Inconclusive, run.State);
        var gap = Assert.Single(Core.Playbook.Coverage.RunCoverage.Gaps(run));
        Assert.Equal(CoverageGapKind.NoIntel, gap.Kind);
        Assert.Contains("120 dismissed IPs", gap.Text, StringComparison.Ordinal);
        Assert.Contains("and 110 more", gap.Text, StringComparison.Ordinal);
        Assert.All(run.RemoteIps, r => Assert.Equal((IpVerdictStatus.NotMalicious, "auto"), (r.Status, r.DecidedBy)));
        Assert.Single(world.Channel.Asks, p => p.Section == PlaybookSection.Validation);
        Assert.Equal(3, world.Channel.Asks.Count);
        Assert.Equal(120, world.Intel.IpLookups.Count);
    }

    // Answers every verdict prompt "Not malicious" as alice until Validation asks nothing more.
    private static async Task<PlaybookRun> DismissEachAsync(TestBot bot, string runId)
    {
        var run = await bot.Engine.AdvanceAsync(runId, CancellationToken.None);
        while (run.Prompt is { Section: PlaybookSection.Validation } prompt && prompt.Options.Any(o => o.Value == nameof(ValidationTrigger.DismissAsBenign)))
        {
            Assert.Equal(AnswerOutcome.Accepted, (await bot.AnswerAsync(run, nameof(ValidationTrigger.DismissAsBenign), People.Alice)).Outcome);
            run = await bot.Engine.AdvanceAsync(runId, CancellationToken.None);
        }
        return run;
    }
}
