using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Outbox;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Core.Tests.Playbook.Outbox;

public sealed class OutboxDeliveryTests
{
    private static readonly OutboxOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(30), GiveUpAfter = TimeSpan.FromMinutes(10),
    };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly ScriptedChannel _channel = new();

    private (OutboxDelivery Delivery, InProcessOutboxClaims Claims) Replica(InProcessOutboxClaims? shared = null)
    {
        var claims = shared ?? new InProcessOutboxClaims(_clock);
        return (new OutboxDelivery([_channel], claims, Microsoft.Extensions.Options.Options.Create(Options), _clock, new PlaybookMetrics(), NullLogger<OutboxDelivery>.Instance), claims);
    }

    private static PlaybookRun Run(int messages)
    {
        var run = new PlaybookRun { Id = "r-1", Settings = new RunSettings { Channel = ScriptedChannel.ChannelName } };
        for (var i = 1; i <= messages; i++)
            run.Outbox.Add(new OutboxMessage
            {
                Key = $"r-1:m{i}", Seq = i, Kind = OutboxKind.Notify,
                Notification = new Notification { RunId = "r-1", Key = $"r-1:m{i}", Section = PlaybookSection.Hunt, Kind = NotificationKind.Finding, Title = $"m{i}" },
            });
        return run;
    }

    [Fact]
    public async Task Delivers_in_order_and_drops_what_was_delivered()
    {
        var (delivery, _) = Replica();
        var run = Run(3);

        Assert.True(await delivery.DeliverAsync(run, force: false, CancellationToken.None));

        Assert.Equal(["r-1:m1", "r-1:m2", "r-1:m3"], _channel.Delivered);
        Assert.Equal([1L, 2L, 3L], _channel.Sequences);
        Assert.Empty(run.Outbox);
    }

    [Fact]
    public async Task A_message_another_replica_is_delivering_is_not_posted_and_nothing_after_it_either()
    {
        var shared = new InProcessOutboxClaims(_clock);
        var (a, _) = Replica(shared);
        var (b, _) = Replica(shared);
        var gate = new TaskCompletionSource();
        _channel.HoldNext = gate.Task;
        var runOnA = Run(2);
        var runOnB = Run(2);

        var delivering = a.DeliverAsync(runOnA, force: false, CancellationToken.None); // A is posting m1, slowly
        await _channel.Entered.Task;
        var changed = await b.DeliverAsync(runOnB, force: false, CancellationToken.None);
        gate.SetResult();
        await delivering;

        Assert.False(changed);
        Assert.Equal(2, runOnB.Outbox.Count);
        Assert.Equal(["r-1:m1", "r-1:m2"], _channel.Delivered);
        // B, looking again, finds both delivered and posts nothing.
        Assert.True(await b.DeliverAsync(runOnB, force: false, CancellationToken.None));
        Assert.Empty(runOnB.Outbox);
        Assert.Equal(2, _channel.Delivered.Count);
    }

    [Fact]
    public async Task A_failure_keeps_the_message_and_is_retried_after_the_platforms_retry_after_not_sooner()
    {
        var (delivery, _) = Replica();
        var run = Run(2);
        _channel.Failures.Enqueue(new RateLimited(TimeSpan.FromSeconds(20)));

        Assert.False(await delivery.DeliverAsync(run, force: false, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(19));
        Assert.False(await delivery.DeliverAsync(run, force: false, CancellationToken.None));
        Assert.Empty(_channel.Delivered);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await delivery.DeliverAsync(run, force: false, CancellationToken.None));

        Assert.Equal(["r-1:m1", "r-1:m2"], _channel.Delivered);
        Assert.Empty(run.Outbox);
    }

    [Fact]
    public void Back_off_doubles_and_stays_within_the_maximum()
    {
        var waits = Enumerable.Range(1, 12).Select(attempt => OutboxDelivery.Backoff(attempt, Options)).ToList();

        Assert.InRange(waits[0], TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Assert.InRange(waits[3], TimeSpan.FromSeconds(6.4), TimeSpan.FromSeconds(9.6));
        Assert.All(waits, w => Assert.True(w <= Options.MaxRetryDelay));
        Assert.InRange(waits[^1], Options.MaxRetryDelay * 0.8, Options.MaxRetryDelay);
    }

    [Fact]
    public async Task After_the_give_up_age_retries_stop_until_forced_and_the_next_attempt_looks_up_first()
    {
        var (delivery, claims) = Replica();
        var run = Run(1);
        for (var i = 0; i < 40; i++) _channel.Failures.Enqueue(new ServerError());

        for (var elapsed = TimeSpan.Zero; elapsed <= Options.GiveUpAfter; elapsed += TimeSpan.FromSeconds(31))
        {
            await delivery.DeliverAsync(run, force: false, CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(31));
        }
        await delivery.DeliverAsync(run, force: false, CancellationToken.None);
        var attempts = _channel.Attempts;
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(OutboxClaimStatus.GaveUp, (await claims.ClaimAsync(run.Id, run.Outbox[0], ScriptedChannel.ChannelName, force: false, CancellationToken.None)).Status);
        Assert.False(await delivery.DeliverAsync(run, force: false, CancellationToken.None));
        Assert.Equal(attempts, _channel.Attempts);

        _channel.Failures.Clear();
        Assert.True(await delivery.DeliverAsync(run, force: true, CancellationToken.None));
        Assert.Equal(["r-1:m1"], _channel.Delivered);
        Assert.True(_channel.LastPreviousOutcomeUnknown, "a 5xx may have posted: the forced attempt must look the message up first");
    }

    [Fact]
    public async Task A_refused_post_is_known_not_to_have_posted_so_the_retry_does_not_look_it_up()
    {
        var (delivery, _) = Replica();
        var run = Run(1);
        _channel.Failures.Enqueue(new RateLimited(TimeSpan.FromSeconds(1)));

        await delivery.DeliverAsync(run, force: false, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await delivery.DeliverAsync(run, force: false, CancellationToken.None);

        Assert.Equal(["r-1:m1"], _channel.Delivered);
        Assert.False(_channel.LastPreviousOutcomeUnknown);
    }

    private sealed class RateLimited(TimeSpan retryAfter) : Exception("ratelimited"), IChatDeliveryFailure
    {
        public bool MayHaveBeenDelivered => false;
        public TimeSpan? RetryAfter { get; } = retryAfter;
    }

    private sealed class ServerError() : Exception("http_500"), IChatDeliveryFailure
    {
        public bool MayHaveBeenDelivered => true;
        public TimeSpan? RetryAfter => null;
    }

    /// <summary>A tracked channel that records deliveries, can fail them, and can hold one mid-post.</summary>
    private sealed class ScriptedChannel : ITrackedChatChannel
    {
        public const string ChannelName = "scripted";

        public string Name => ChannelName;
        public List<string> Delivered { get; } = [];
        public List<long> Sequences { get; } = [];
        public Queue<Exception> Failures { get; } = new();
        public int Attempts { get; private set; }
        public bool LastPreviousOutcomeUnknown { get; private set; }
        public Task? HoldNext { get; set; }
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task DeliverAsync(OutboxMessage message, ChatDelivery delivery, CancellationToken cancellationToken)
        {
            Attempts++;
            LastPreviousOutcomeUnknown = delivery.PreviousOutcomeUnknown;
            if (HoldNext is { } hold)
            {
                HoldNext = null;
                Entered.SetResult();
                await hold;
            }
            if (Failures.TryDequeue(out var failure)) throw failure;
            Delivered.Add(message.Key);
            Sequences.Add(delivery.Sequence);
        }

        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task AskAsync(Prompt prompt, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
