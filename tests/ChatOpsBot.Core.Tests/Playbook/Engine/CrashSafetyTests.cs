using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

/// <summary>A bot killed anywhere resumes from the store and never repeats a side effect.</summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task ResumeAsync_AfterKillAtPrompt_AsksTheOpenPromptAgainAndFinishes()
    {
        var world = Demo();
        var first = world.StartBot();
        var atPivot = await first.RunAutoUntilAsync((await first.StartAsync()).Id, p => p.Section == PlaybookSection.Pivot);
        var asksBefore = world.Channel.Asks.Count;

        var second = world.StartBot();
        var resumed = await second.Engine.ResumeAsync(atPivot.Id, CancellationToken.None);

        Assert.Equal(atPivot.Prompt!.Id, resumed.Prompt?.Id);
        Assert.Equal(atPivot.Prompt.Id, Assert.Single(world.Channel.Asks.Skip(asksBefore)).Id);
        var run = await second.RunAutoAsync(atPivot.Id);
        DemoOutcome.AssertResolvedIncident(world, run);
        Assert.Equal(world.Ticketing.Calls.Count, world.Ticketing.Calls.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public async Task ResumeAsync_NewBotAtEveryPrompt_FinishesWithoutRepeatingAnySideEffect()
    {
        var world = Demo();
        var runId = (await world.StartBot().StartAsync()).Id;
        PlaybookRun run;
        var restarts = 0;
        do
        {
            var bot = world.StartBot();
            restarts++;
            run = await bot.Engine.ResumeAsync(runId, CancellationToken.None);
            if (run.Prompt is not null)
                Assert.Equal(AnswerOutcome.Accepted, (await bot.Auto.AnswerAsync(run.Prompt, CancellationToken.None)).Outcome);
        }
        while (run.State != RunState.Resolved && restarts < 100);

        DemoOutcome.AssertResolvedIncident(world, run);
        Assert.Equal(world.Ticketing.Calls.Count, world.Ticketing.Calls.Select(c => c.Key).Distinct().Count());
        Assert.Equal(world.Channel.Closures.Count, world.Channel.Closures.Select(c => c.Prompt.Id).Distinct().Count());
    }

    [Fact]
    public async Task ResumeAsync_KilledAfterTicketCreatedBeforeSave_DoesNotOpenSecondTicket()
    {
        var world = Demo();
        var first = world.StartBot();
        var runId = (await first.StartAsync()).Id;
        world.Store.CrashOnSave(r => r.Ticket is not null);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => first.RunAutoAsync(runId));
        Assert.Null((await first.LoadAsync(runId)).Ticket);
        Assert.Single(world.Ticketing.Tickets);

        var run = await world.StartBot().Engine.ResumeAsync(runId, CancellationToken.None);
        run = await world.StartBot().RunAutoAsync(run.Id);

        DemoOutcome.AssertResolvedIncident(world, run);
        Assert.Equal(2, world.Ticketing.Calls.Count(c => c.Kind == "create"));
        Assert.Single(world.Ticketing.Calls.Where(c => c.Kind == "create").Select(c => c.Key).Distinct());
    }

    [Fact]
    public async Task AdvanceAsync_AttachmentAppliedThenResponseLost_RetryDoesNotAttachTwice()
    {
        var world = Demo();
        world.Ticketing.FailAfter(c => c.Kind == "attach" && c.Detail.StartsWith("pivot-", StringComparison.Ordinal));
        var bot = world.StartBot();

        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Options.Any(o => o.Value == "RetryStep"));
        Assert.Equal("AttachingIndicators", run.Pivot.State);
        run = await bot.RunAutoAsync(run.Id);

        DemoOutcome.AssertResolvedIncident(world, run);
        var attachCalls = world.Ticketing.Calls.Where(c => c.Kind == "attach" && c.Detail.StartsWith("pivot-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attachCalls.Count);
        Assert.Single(attachCalls.Select(c => c.Key).Distinct());
    }

    [Fact]
    public async Task AdvanceAsync_KilledAfterEmlAttachedBeforeSave_ResumeDoesNotAttachTwice()
    {
        var world = Demo();
        var runId = (await world.StartBot().StartAsync()).Id;
        world.Store.CrashOnSave(r => r.Mails.Any(m => m.Exported));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => world.StartBot().RunAutoAsync(runId));
        var run = await world.StartBot().Engine.ResumeAsync(runId, CancellationToken.None);
        run = await world.StartBot().RunAutoAsync(run.Id);

        DemoOutcome.AssertResolvedIncident(world, run);
        Assert.Equal(2, world.Mailbox.Exported.Count);
        Assert.Single(world.Ticketing.Tickets.Single().Attachments, a => a.FileName.EndsWith(".eml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdvanceAsync_ChatChannelDown_KeepsMessagesAndDeliversThemLater()
    {
        var world = Demo();
        world.Channel.FailNext(3);
        var bot = world.StartBot();
        var runId = (await bot.StartAsync()).Id;

        var run = await bot.Engine.AdvanceAsync(runId, CancellationToken.None);
        Assert.Equal("AwaitingVerdict", run.Validation.State);
        Assert.Equal(3, world.Channel.FailedDeliveries);
        run = await bot.RunAutoAsync(runId);

        DemoOutcome.AssertResolvedIncident(world, run);
        Assert.Single(world.Channel.Notifications, n => n.Key == $"{runId}:hunt:start");
        Assert.Equal(world.Channel.Notifications.Count, world.Channel.Notifications.Select(n => n.Key).Distinct().Count());
        Assert.Equal(run.ClosedPrompts.Count, world.Channel.Closures.Count);
    }

    [Fact]
    public async Task AdvanceAsync_ChatChannelDownThroughWholeStep_MessageWaitsInStoredOutbox()
    {
        var world = Demo();
        world.Channel.FailNext(int.MaxValue);
        var bot = world.StartBot();
        var runId = (await bot.StartAsync()).Id;

        var run = await bot.Engine.AdvanceAsync(runId, CancellationToken.None);

        Assert.Empty(world.Channel.Notifications);
        var stored = await bot.LoadAsync(runId);
        Assert.Equal($"{runId}:hunt:start", stored.Outbox[0].Key);
        Assert.True(stored.Outbox[0].Attempts > 0);
        Assert.Contains(stored.Outbox, m => m.Kind == OutboxKind.Ask && m.Prompt?.Id == run.Prompt!.Id);

        world.Channel.FailNext(0);
        await world.StartBot().Engine.ResumeAsync(runId, CancellationToken.None);
        Assert.Empty((await bot.LoadAsync(runId)).Outbox);
        Assert.Equal($"{runId}:hunt:start", world.Channel.Notifications[0].Key);
        Assert.Single(world.Channel.Asks, a => a.Id == run.Prompt!.Id);
    }
}
