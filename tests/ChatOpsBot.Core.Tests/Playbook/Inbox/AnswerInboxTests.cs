using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Core.Tests.Playbook.Inbox;

public sealed class AnswerInboxTests
{
    private readonly MemoryInboxStore _store = new();
    private readonly RecordingWorkQueue _queue = new();
    private readonly ReplyingChannel _channel = new();

    private AnswerInbox Inbox(TestBot bot) =>
        new(_store, bot.Answers, bot.Engine, _queue, [_channel], bot.World.Clock, new PlaybookMetrics(), NullLogger<AnswerInbox>.Instance);

    private static async Task<(TestBot Bot, PlaybookRun Run)> AtFirstPromptAsync()
    {
        var bot = TestWorld.Demo().StartBot();
        var run = await bot.Engine.AdvanceAsync((await bot.StartAsync()).Id, CancellationToken.None);
        return (bot, run);
    }

    private static InboxItem Click(PlaybookRun run, string option, Actor? actor = null, string key = "chat:trigger-1") =>
        new(key, ReplyingChannel.ChannelName, InboxKind.Answer, run.Id, new PromptAnswer(run.Id, run.Prompt!.Id, option, null, actor ?? People.Alice), "reply-here");

    [Fact]
    public async Task An_answer_is_stored_before_it_is_applied_and_applying_it_queues_the_advance_without_a_reply()
    {
        var (bot, run) = await AtFirstPromptAsync();
        var inbox = Inbox(bot);

        var promptId = run.Prompt!.Id;
        var receipt = await inbox.ReceiveAsync(Click(run, "DismissAsBenign"), applyHere: false, CancellationToken.None);
        var stillOpen = (await bot.LoadAsync(run.Id)).Prompt?.Id;
        var result = await inbox.ApplyAsync((await _store.ClaimAsync(inbox.Owner, CancellationToken.None))!, CancellationToken.None);

        Assert.True(receipt.IsNew);
        Assert.Equal(promptId, stillOpen); // received is not applied
        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        Assert.Equal([run.Id], _queue.Runs);
        Assert.Empty(_channel.Replies);
        Assert.Equal(AnswerOutcome.Accepted, (await _store.ResultAsync(receipt.Id, CancellationToken.None))!.Outcome);
    }

    [Fact]
    public async Task Applied_again_after_a_replica_saved_it_and_died_it_finishes_the_work_without_telling_the_analyst_it_was_already_answered()
    {
        var (bot, run) = await AtFirstPromptAsync();
        var inbox = Inbox(bot);
        var item = Click(run, "DismissAsBenign");
        await inbox.ReceiveAsync(item, applyHere: false, CancellationToken.None);
        var first = await _store.ClaimAsync("replica-a", CancellationToken.None);
        var promptId = item.Answer!.PromptId;
        await bot.Answers.AnswerAsync(item.Answer!, CancellationToken.None); // replica a saved the answer, then died

        _store.ExpireLeases();
        var second = await _store.ClaimAsync(inbox.Owner, CancellationToken.None); // this replica takes it over
        var result = await inbox.ApplyAsync(second!, CancellationToken.None);

        Assert.Equal(1, first!.Attempts);
        Assert.Equal(2, second!.Attempts);
        Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        Assert.Empty(_channel.Replies);
        Assert.Equal([run.Id], _queue.Runs);
        Assert.Single((await bot.LoadAsync(run.Id)).Timeline, t => t.Kind == TimelineEntryKind.Answer && t.PromptId == promptId);
    }

    [Fact]
    public async Task A_late_click_of_someone_else_is_refused_politely_through_the_channel()
    {
        var (bot, run) = await AtFirstPromptAsync();
        var inbox = Inbox(bot);
        await bot.AnswerAsync(run, "DismissAsBenign", People.Bob);

        var result = await inbox.ReceiveAndApplyAsync(Click(run, "DismissAsBenign"), CancellationToken.None);

        Assert.Equal(AnswerOutcome.Stale, result.Outcome);
        var reply = Assert.Single(_channel.Replies);
        Assert.Equal("reply-here", reply.Item.ReplyTo);
        Assert.Contains("Already answered by", reply.Result.Message, StringComparison.Ordinal);
        Assert.Empty(_queue.Runs);
    }

    [Fact]
    public async Task Whether_the_person_is_an_approver_is_decided_by_the_channel_when_the_answer_is_applied()
    {
        var (bot, run) = await AtFirstPromptAsync();
        var inbox = Inbox(bot);
        var confirm = run.Prompt!.Options.First(o => o.RequiresApprover).Value;
        var refused = await inbox.ReceiveAndApplyAsync(Click(run, confirm, People.Trainee, "chat:trigger-1"), CancellationToken.None);
        _channel.Approvers.Add(People.Trainee.Id); // made an approver since

        var accepted = await inbox.ReceiveAndApplyAsync(Click(run, confirm, People.Trainee, "chat:trigger-2"), CancellationToken.None);

        Assert.Equal(AnswerOutcome.Refused, refused.Outcome);
        Assert.Equal(AnswerOutcome.Accepted, accepted.Outcome);
    }

    [Fact]
    public async Task The_same_platform_delivery_twice_is_applied_once_and_the_second_gets_the_first_ones_result()
    {
        var (bot, run) = await AtFirstPromptAsync();
        var inbox = Inbox(bot);

        var first = await inbox.ReceiveAndApplyAsync(Click(run, "DismissAsBenign"), CancellationToken.None);
        var again = await inbox.ReceiveAndApplyAsync(Click(run, "DismissAsBenign"), CancellationToken.None);

        Assert.Equal((AnswerOutcome.Accepted, first.Message), (again.Outcome, again.Message));
        Assert.Single(_queue.Runs);
        Assert.Empty(_channel.Replies);
    }

    private sealed class ReplyingChannel : IInboxChannel
    {
        public const string ChannelName = "chat";

        public string Name => ChannelName;
        public HashSet<string> Approvers { get; } = [];
        public List<(InboxItem Item, AnswerResult Result)> Replies { get; } = [];

        public Task<Actor> ResolveAsync(Actor received, CancellationToken cancellationToken) =>
            Task.FromResult(received with { IsApprover = received.IsApprover || Approvers.Contains(received.Id) });

        public Task ReplyAsync(InboxItem item, AnswerResult result, CancellationToken cancellationToken)
        {
            Replies.Add((item, result));
            return Task.CompletedTask;
        }
    }
}
