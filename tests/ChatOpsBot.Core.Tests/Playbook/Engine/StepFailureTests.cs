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
        Assert.Equal([StepFailure.Retry, StepFailure.Abandon], run.Prompt!.Options.Select(o => o.Value));
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
}
