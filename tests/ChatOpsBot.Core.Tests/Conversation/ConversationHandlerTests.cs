using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Core.Tests.Conversation;

public sealed class ConversationHandlerTests
{
    private static readonly CommandContext FromSlack = new("slack", "C-SOC", "alice", "slack:trigger-1");
    private static readonly CommandContext FromTeams = new("teams", "19:soc@thread", "teams:aad-bob", "teams:activity-1");
    private readonly MemoryInboxStore _inboxStore = new();
    private readonly RecordingWorkQueue _queue = new();
    private readonly TestBot _bot = TestWorld.Demo().StartBot();
    private readonly AnswerInbox _inbox;
    private readonly ConversationHandler _handler;

    public ConversationHandlerTests()
    {
        _inbox = new AnswerInbox(_inboxStore, _bot.Answers, _bot.Engine, _queue, [], _bot.World.Clock, new PlaybookMetrics(), NullLogger<AnswerInbox>.Instance);
        _handler = new ConversationHandler(_bot.Engine, _bot.World.Store, _queue, _inbox, _bot.World.Clock, NullLogger<ConversationHandler>.Instance);
    }

    private Task<CommandResult> Say(string text, CommandContext? context = null) => _handler.HandleAsync(text, context ?? FromSlack, CancellationToken.None);

    private async Task<PlaybookRun> AtFirstPromptAsync() => await _bot.Engine.AdvanceAsync((await _bot.StartAsync()).Id, CancellationToken.None);

    [Fact]
    public async Task Start_24h_creates_a_run_in_the_asking_channel_over_the_last_day_and_queues_it()
    {
        _bot.World.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        var now = _bot.World.Clock.GetUtcNow();

        var started = Assert.IsType<RunStartedResult>(await Say("start 24h"));

        var run = (await _bot.LoadAsync(started.Run.Id));
        Assert.Equal(("slack", "C-SOC", "alice"), (run.Settings.Channel, run.Settings.ChannelAddress, run.Settings.StartedBy));
        Assert.Equal(now.AddHours(-24), run.Settings.WindowFrom);
        Assert.Equal(now, run.Settings.WindowTo);
        Assert.Equal([run.Id], _queue.Runs);
    }

    [Fact]
    public async Task Start_with_since_and_until_uses_that_window()
    {
        var started = Assert.IsType<RunStartedResult>(await Say("start 3d 2026-11-28T00:00Z", FromTeams));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), started.Run.Settings.WindowFrom);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), started.Run.Settings.WindowTo);
        Assert.Equal("teams", started.Run.Settings.Channel);
    }

    [Theory]
    [InlineData("start soon")]
    [InlineData("start 0h")]
    [InlineData("start 2026-11-28T00:00Z 2026-11-27T00:00Z")]
    [InlineData("dance")]
    public async Task Bad_input_is_refused_with_usage_and_starts_nothing(string text)
    {
        var refused = Assert.IsType<CommandRefusedResult>(await Say(text));

        Assert.True(refused.ShowUsage);
        Assert.Empty(await _bot.World.Store.ListAsync(10, CancellationToken.None));
        Assert.Empty(_queue.Runs);
    }

    [Fact]
    public async Task Status_and_runs_with_no_runs_say_so_and_status_of_an_unknown_run_is_refused()
    {
        Assert.Empty(Assert.IsType<RunListResult>(await Say("status")).Runs);
        Assert.Empty(Assert.IsType<RunListResult>(await Say("runs")).Runs);
        var refused = Assert.IsType<CommandRefusedResult>(await Say("status r-nope"));
        Assert.Equal("There is no run r-nope; runs lists them.", refused.Message);
        Assert.False(refused.ShowUsage);
    }

    [Fact]
    public async Task Status_of_the_latest_run_names_its_section_and_runs_lists_it()
    {
        var run = await AtFirstPromptAsync();

        var status = Assert.IsType<RunStatusResult>(await Say("status"));
        var list = Assert.IsType<RunListResult>(await Say("runs"));

        Assert.Equal(run.Id, status.Run.Id);
        Assert.Equal(RunSections.Current(run), status.Section);
        Assert.Equal(run.Id, Assert.Single(list.Runs).Id);
    }

    [Fact]
    public async Task Resume_of_a_run_another_channel_started_goes_through_the_inbox_and_asks_again_where_the_run_talks()
    {
        var run = await AtFirstPromptAsync(); // started by the terminal
        var asked = _bot.World.Channel.Asks.Count;

        var resumed = Assert.IsType<ResumeRequestedResult>(await Say($"resume {run.Id}", FromTeams));
        var again = Assert.IsType<ResumeRequestedResult>(await Say($"resume {run.Id}", FromTeams)); // the same activity delivered twice
        var leased = await _inboxStore.ClaimAsync("worker", CancellationToken.None);
        var applied = await _inbox.ApplyAsync(leased!, CancellationToken.None);

        Assert.Equal((run.Id, "terminal"), (resumed.RunId, resumed.Channel));
        Assert.Equal(resumed, again);
        Assert.Equal(("teams:activity-1", "teams", InboxKind.Resume, run.Id), (leased!.Item.Key, leased.Item.Channel, leased.Item.Kind, leased.Item.RunId));
        Assert.Null(await _inboxStore.ClaimAsync("worker", CancellationToken.None));
        Assert.Equal(Core.Dialog.AnswerOutcome.Accepted, applied.Outcome);
        Assert.Equal(run.Prompt!.Id, _bot.World.Channel.Asks.Skip(asked).Single().Id);
        Assert.Equal([run.Id], _queue.Runs);
    }

    [Fact]
    public async Task Resume_of_an_unknown_or_finished_run_is_refused_and_records_nothing()
    {
        var run = await AtFirstPromptAsync();
        Assert.IsType<RunCancelledResult>(await Say($"cancel {run.Id}"));

        var finished = Assert.IsType<CommandRefusedResult>(await Say($"resume {run.Id}"));
        var unknown = Assert.IsType<CommandRefusedResult>(await Say("resume r-nope"));

        Assert.Equal($"Run {run.Id} is Abandoned; nothing to resume.", finished.Message);
        Assert.Contains("There is no run r-nope", unknown.Message, StringComparison.Ordinal);
        Assert.Null(await _inboxStore.ClaimAsync("worker", CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_stops_the_run_closes_its_open_question_and_says_who()
    {
        var run = await AtFirstPromptAsync();
        var prompt = run.Prompt!;

        var cancelled = Assert.IsType<RunCancelledResult>(await Say($"cancel {run.Id}"));
        var twice = Assert.IsType<CommandRefusedResult>(await Say($"cancel {run.Id}"));

        var after = await _bot.LoadAsync(run.Id);
        Assert.Equal(run.Id, cancelled.RunId);
        Assert.Equal(RunState.Abandoned, after.State);
        Assert.NotNull(after.FinishedAt);
        Assert.Null(after.Prompt);
        Assert.Contains(after.ClosedPrompts, c => c.Id == prompt.Id && c.AnsweredBy == "alice" && c.Answer == "Run cancelled");
        Assert.Contains(after.Timeline, t => t.Value == "Run cancelled by alice");
        var closure = Assert.Single(_bot.World.Channel.Closures, c => c.Prompt.Id == prompt.Id);
        Assert.Equal("Run cancelled", closure.OptionLabel);
        Assert.Contains(_bot.World.Channel.Notifications, n => n.RunId == run.Id && n.Title == "Run cancelled" && n.Text.StartsWith("alice stopped the run", StringComparison.Ordinal));
        Assert.Equal($"Run {run.Id} is Abandoned; nothing to cancel.", twice.Message);
        Assert.IsType<CommandRefusedResult>(await Say("cancel r-nope"));
    }

    [Fact]
    public async Task A_cancelled_run_does_not_advance_any_further()
    {
        var run = await AtFirstPromptAsync();
        await Say($"cancel {run.Id}");
        var timeline = (await _bot.LoadAsync(run.Id)).Timeline.Count;

        var advanced = await _bot.Engine.AdvanceAsync(run.Id, CancellationToken.None);

        Assert.Equal(RunState.Abandoned, advanced.State);
        Assert.Equal(timeline, advanced.Timeline.Count);
    }

    [Fact]
    public async Task Graph_renders_the_sections_machine_and_help_is_the_grammar()
    {
        var graph = Assert.IsType<GraphResult>(await Say("graph validation dot"));
        var help = Assert.IsType<HelpResult>(await Say("help"));

        Assert.Equal((PlaybookSection.Validation, "dot"), (graph.Section, graph.Format));
        Assert.Contains("digraph", graph.Source, StringComparison.Ordinal);
        Assert.Same(CommandGrammar.Commands, help.Commands);
    }
}
