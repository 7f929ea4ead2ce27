using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class AnswerProcessorTests
{
    private static async Task<(TestWorld World, TestBot Bot, PlaybookRun Run)> AtFirstVerdictAsync(Action<PlaybookOptions>? configure = null)
    {
        var world = Demo();
        if (configure is not null) world.Configure = configure;
        var bot = world.StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);
        Assert.Equal("AwaitingVerdict", run.Validation.State);
        return (world, bot, run);
    }

    private static async Task<(TestWorld World, TestBot Bot, PlaybookRun Run)> AtAsync(Func<Prompt, bool> stopAt, Action<PlaybookOptions>? configure = null)
    {
        var world = Demo();
        if (configure is not null) world.Configure = configure;
        var bot = world.StartBot();
        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, stopAt);
        return (world, bot, run);
    }

    private static bool HelpdeskCall(Prompt p) => p.Section == PlaybookSection.Containment && p.Kind == PromptKind.Confirm;
    private static bool HelpdeskNumber(Prompt p) => p.Section == PlaybookSection.Containment && p.Kind == PromptKind.Text;

    [Fact]
    public async Task AnswerAsync_PromptAlreadyAnswered_IsStaleNamingWhoAnsweredAndChangesNothing()
    {
        var (world, bot, run) = await AtFirstVerdictAsync();
        var first = run.Prompt!;
        Assert.Equal(AnswerOutcome.Accepted, (await bot.AnswerAsync(run, "ConfirmMalware", People.Alice)).Outcome);
        var version = world.Store.StoredVersion(run.Id);

        var late = await bot.Answers.AnswerAsync(new PromptAnswer(run.Id, first.Id, "DismissAsBenign", null, People.Bob), CancellationToken.None);

        Assert.Equal(AnswerOutcome.Stale, late.Outcome);
        Assert.StartsWith("Already answered by alice", late.Message, StringComparison.Ordinal);
        Assert.Contains("Tied to malware", late.Message, StringComparison.Ordinal);
        Assert.Equal(version, world.Store.StoredVersion(run.Id));
        Assert.Equal(IpVerdictStatus.Malware, (await bot.LoadAsync(run.Id)).FindRemoteIp(Ips.HuntC2)!.Status);
    }

    [Fact]
    public async Task AnswerAsync_UnknownPromptId_IsStaleAndChangesNothing()
    {
        var (world, bot, run) = await AtFirstVerdictAsync();
        var version = world.Store.StoredVersion(run.Id);

        var result = await bot.Answers.AnswerAsync(new PromptAnswer(run.Id, $"{run.Id}/p99", "ConfirmMalware", null, People.Alice), CancellationToken.None);

        Assert.Equal(AnswerOutcome.Stale, result.Outcome);
        Assert.Equal(version, world.Store.StoredVersion(run.Id));
        Assert.Equal("AwaitingVerdict", (await bot.LoadAsync(run.Id)).Validation.State);
    }

    [Fact]
    public async Task AnswerAsync_UnknownRun_ReportsUnknownRun()
    {
        var (_, bot, _) = await AtFirstVerdictAsync();

        var result = await bot.Answers.AnswerAsync(new PromptAnswer("r-nope", "r-nope/p1", "ConfirmMalware", null, People.Alice), CancellationToken.None);

        Assert.Equal(AnswerOutcome.UnknownRun, result.Outcome);
    }

    [Fact]
    public async Task AnswerAsync_OptionNotOffered_IsInvalidAndChangesNothing()
    {
        var (world, bot, run) = await AtFirstVerdictAsync();
        var version = world.Store.StoredVersion(run.Id);

        var result = await bot.AnswerAsync(run, "SkipPivot", People.Alice);

        Assert.Equal(AnswerOutcome.Invalid, result.Outcome);
        Assert.Contains("'SkipPivot' is not one of the offered answers", result.Message, StringComparison.Ordinal);
        Assert.Equal(version, world.Store.StoredVersion(run.Id));
        Assert.Equal(run.Prompt!.Id, (await bot.LoadAsync(run.Id)).Prompt!.Id);
    }

    [Fact]
    public async Task AnswerAsync_NonApproverOnApproverOption_IsRefusedAndRecordedWithoutFiring()
    {
        var (_, bot, run) = await AtFirstVerdictAsync();

        var result = await bot.AnswerAsync(run, "ConfirmMalware", People.Trainee);

        Assert.Equal(AnswerOutcome.Refused, result.Outcome);
        Assert.Contains("only configured approvers", result.Message, StringComparison.Ordinal);
        var stored = await bot.LoadAsync(run.Id);
        var refused = Assert.Single(stored.Timeline, t => t.Kind == TimelineEntryKind.Refused);
        Assert.Equal((People.Trainee.Id, "Validation", run.Prompt!.Id), (refused.Actor, refused.Section, refused.PromptId));
        Assert.Equal("AwaitingVerdict", stored.Validation.State);
        Assert.Equal(IpVerdictStatus.Pending, stored.FindRemoteIp(Ips.HuntC2)!.Status);
        Assert.Equal(run.Prompt.Id, stored.Prompt?.Id);
    }

    [Fact]
    public async Task AnswerAsync_NonApproverOnOpenOption_IsAccepted()
    {
        var (_, bot, run) = await AtFirstVerdictAsync();

        var result = await bot.AnswerAsync(run, "DismissAsBenign", People.Trainee);

        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        Assert.Equal(IpVerdictStatus.NotMalicious, (await bot.LoadAsync(run.Id)).FindRemoteIp(Ips.HuntC2)!.Status);
    }

    [Fact]
    public async Task AnswerAsync_HelpdeskNumberBreaksPattern_IsInvalidWithHintAndPromptIsAskedAgain()
    {
        var (world, bot, run) = await AtAsync(HelpdeskNumber, o => o.HelpdeskTicketHint = "Use HD-123456.");
        var asksBefore = world.Channel.Asks.Count;

        var result = await bot.AnswerAsync(run, "SubmitHelpdeskTicket", People.Alice, "call me maybe");

        Assert.Equal(AnswerOutcome.Invalid, result.Outcome);
        Assert.Equal("Use HD-123456.", result.Message);
        var stored = await bot.LoadAsync(run.Id);
        Assert.Equal(run.Prompt!.Id, stored.Prompt?.Id);
        Assert.Equal("Use HD-123456.", stored.Prompt?.LastError);
        Assert.Equal("AwaitingHelpdeskTicket", stored.Containment.State);
        Assert.Single(stored.Timeline, t => t.Kind == TimelineEntryKind.InvalidAnswer);
        var reasked = Assert.Single(world.Channel.Asks.Skip(asksBefore));
        Assert.Equal((run.Prompt.Id, "Use HD-123456."), (reasked.Id, reasked.LastError));
    }

    [Fact]
    public async Task AnswerAsync_ValidHelpdeskNumberAfterInvalidOne_IsRecordedOnTicket()
    {
        var (world, bot, run) = await AtAsync(HelpdeskNumber);
        await bot.AnswerAsync(run, "SubmitHelpdeskTicket", People.Alice, "12");

        var result = await bot.AnswerAsync(await bot.LoadAsync(run.Id), "SubmitHelpdeskTicket", People.Alice, "  HD-424242 ");
        var after = await bot.Engine.AdvanceAsync(run.Id, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        var host = after.FindHost(Hosts.Jdoe)!;
        Assert.Equal(("HD-424242", HostStatus.Contained), (host.HelpdeskTicket, host.Status));
        Assert.Contains(world.Ticketing.Tickets.Single().Comments, c => c.StartsWith($"Containment of {Hosts.Jdoe}: helpdesk ticket HD-424242 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_TwoPersonRule_FirstApprovalDoesNotFire()
    {
        var (_, bot, run) = await AtAsync(HelpdeskCall, o => o.Approvals.Containment = 2);
        Assert.Equal(2, run.Prompt!.FindOption("ConfirmHelpdeskCall")!.RequiredApprovals);

        var result = await bot.AnswerAsync(run, "ConfirmHelpdeskCall", People.Alice);

        Assert.Equal(AnswerOutcome.AwaitingMoreApprovals, result.Outcome);
        var stored = await bot.LoadAsync(run.Id);
        Assert.Equal("AwaitingHelpdeskCall", stored.Containment.State);
        Assert.Equal(People.Alice, Assert.Single(stored.Prompt!.Approvals).Actor);
        Assert.Single(stored.Timeline, t => t.Kind == TimelineEntryKind.Approval);
    }

    [Fact]
    public async Task AnswerAsync_TwoPersonRuleSameApproverTwice_CountsOnce()
    {
        var (world, bot, run) = await AtAsync(HelpdeskCall, o => o.Approvals.Containment = 2);
        await bot.AnswerAsync(run, "ConfirmHelpdeskCall", People.Alice);
        var version = world.Store.StoredVersion(run.Id);

        var again = await bot.AnswerAsync(run, "ConfirmHelpdeskCall", People.Alice);

        Assert.Equal(AnswerOutcome.AwaitingMoreApprovals, again.Outcome);
        Assert.Equal(version, world.Store.StoredVersion(run.Id));
        var stored = await bot.LoadAsync(run.Id);
        Assert.Single(stored.Prompt!.Approvals);
        Assert.Equal("AwaitingHelpdeskCall", stored.Containment.State);
    }

    [Fact]
    public async Task AnswerAsync_TwoPersonRuleSecondDistinctApprover_Fires()
    {
        var (world, bot, run) = await AtAsync(HelpdeskCall, o => o.Approvals.Containment = 2);
        await bot.AnswerAsync(run, "ConfirmHelpdeskCall", People.Alice);

        var result = await bot.AnswerAsync(run, "ConfirmHelpdeskCall", People.Bob);

        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        var stored = await bot.LoadAsync(run.Id);
        Assert.Equal("AwaitingHelpdeskTicket", stored.Containment.State);
        Assert.Equal(HostStatus.ChecklistConfirmed, stored.FindHost(Hosts.Jdoe)!.Status);
        Assert.Equal([People.Alice, People.Bob], world.Channel.Closures.Last().AnsweredBy);
        Assert.Equal("alice, bob", stored.ClosedPrompts.Last().AnsweredBy);
    }

    [Fact]
    public async Task AnswerAsync_ConcurrentAnswersFromTwoInstances_ExactlyOneAccepted()
    {
        var (world, bot, run) = await AtFirstVerdictAsync();
        var other = world.StartBot();
        world.Store.HoldReadsUntil(2);

        var results = await Task.WhenAll(
            bot.AnswerAsync(run, "ConfirmMalware", People.Alice),
            other.AnswerAsync(run, "DismissAsBenign", People.Bob));

        Assert.Equal(1, world.Store.Conflicts);
        Assert.Single(results, r => r.Outcome == AnswerOutcome.Accepted);
        var stale = Assert.Single(results, r => r.Outcome == AnswerOutcome.Stale);
        Assert.StartsWith("Already answered by ", stale.Message, StringComparison.Ordinal);
        var stored = await bot.LoadAsync(run.Id);
        Assert.Single(stored.Timeline, t => t.Kind == TimelineEntryKind.Answer && t.PromptId == run.Prompt!.Id);
        Assert.Single(stored.Timeline, t => t.Kind == TimelineEntryKind.Transition && t.Section == "Validation" && t.Value.StartsWith("AwaitingVerdict → ", StringComparison.Ordinal));
        Assert.Single(stored.ClosedPrompts);
    }

    [Fact]
    public async Task AnswerAsync_AutoAnalystUnderTwoPersonRule_UsesDistinctAutomaticApprovers()
    {
        var (world, bot, run) = await AtAsync(HelpdeskCall, o => o.Approvals.Containment = 2);

        var result = await bot.Auto.AnswerAsync(run.Prompt!, CancellationToken.None);

        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        Assert.Equal(["auto:1", "auto:2"], world.Channel.Closures.Last().AnsweredBy.Select(a => a.Id));
    }
}
