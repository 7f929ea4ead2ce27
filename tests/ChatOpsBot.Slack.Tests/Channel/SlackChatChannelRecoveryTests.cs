using System.Net;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Channel;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests.Channel;

/// <summary>
/// An attempt that posted to Slack but could not record it (the replica died, or the database refused the write) must
/// not lead to a second post: the next attempt takes the id from the claim, or finds the message in the channel's
/// history (a thread reply: in the run's thread) by the metadata every post carries, and updates it instead.
/// </summary>
public sealed class SlackChatChannelRecoveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FirstAttempt = DateTimeOffset.UtcNow;
    private readonly FlakyState _state = new();
    private FakeSlack _slack = null!;
    private ServiceProvider _services = null!;

    private SlackChatChannel Channel => _services.GetRequiredService<SlackChatChannel>();
    private string _root = "";

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _services = SlackServices.Build(_slack, _state);
        // The run's root (its status card) is already posted: the prompt goes in its thread. It is recorded under the key
        // the status message had before runs were threads, which the ledger still reads.
        _root = await _services.GetRequiredService<SlackWebApiClient>().PostMessageAsync(BotHost.Channel, "C2 hunt", null, null, CancellationToken.None);
        await _state.SetAsync("slack", "status:r-1", $"{BotHost.Channel} {_root}", CancellationToken.None);
    }

    private IEnumerable<SlackMessage> Replies => _slack.Messages.Where(m => m.ThreadTs == _root);

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static readonly Prompt Question = new()
    {
        Id = "r-1/p3", RunId = "r-1", Section = PlaybookSection.Validation, Kind = PromptKind.Choice, Title = "Is 203.0.113.9 tied to malware?", OpenedAt = FirstAttempt,
        Options = [new PromptOption("ConfirmMalware", "Tied to malware", OptionStyle.Danger), new PromptOption("Dismiss", "Not malicious", OptionStyle.Default)],
    };

    private static OutboxMessage Ask => new() { Key = "r-1/p3:ask", Seq = 7, Kind = OutboxKind.Ask, Prompt = Question };

    private static ChatDelivery Delivery(int attempt, bool unknown, string? recorded, List<string>? claim = null) =>
        new("r-1", "r-1/p3:ask", 7, attempt, FirstAttempt, unknown, recorded, (id, _) =>
        {
            if (claim is null) throw new InvalidOperationException("the database is down");
            claim.Add(id);
            return Task.CompletedTask;
        });

    [Fact]
    public async Task A_post_recorded_nowhere_is_found_in_the_channel_history_and_updated_not_posted_again()
    {
        _state.FailWrites = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Channel.DeliverAsync(Ask, Delivery(1, unknown: false, recorded: null), CancellationToken.None));
        _state.FailWrites = false;
        var claim = new List<string>();

        await Channel.DeliverAsync(Ask, Delivery(2, unknown: true, recorded: null, claim), CancellationToken.None);

        var message = Assert.Single(Replies);
        Assert.Equal("prompt:r-1/p3", message.Key);
        Assert.Equal(7, message.Seq);
        Assert.Equal([$"{BotHost.Channel} {message.Ts}"], claim);
        Assert.Equal($"{BotHost.Channel} {message.Ts}", await _state.GetAsync("slack", "prompt:r-1/p3", CancellationToken.None));
        Assert.Single(_slack.CallsTo("conversations.replies"));
        Assert.Single(_slack.CallsTo("chat.update"), u => u.Json!["ts"]!.GetValue<string>() == message.Ts);
    }

    [Fact]
    public async Task A_post_recorded_in_the_claim_only_is_taken_from_the_claim_without_a_lookup()
    {
        _state.FailWrites = true;
        var claim = new List<string>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Channel.DeliverAsync(Ask, Delivery(1, unknown: false, recorded: null, claim), CancellationToken.None));
        _state.FailWrites = false;

        await Channel.DeliverAsync(Ask, Delivery(2, unknown: true, recorded: claim.Single()), CancellationToken.None);

        var message = Assert.Single(Replies);
        Assert.Empty(_slack.CallsTo("conversations.replies"));
        Assert.Single(_slack.CallsTo("chat.update"), u => u.Json!["ts"]!.GetValue<string>() == message.Ts);
    }

    [Fact]
    public async Task After_a_5xx_that_posted_nothing_the_lookup_finds_nothing_and_the_message_is_posted_once()
    {
        _slack.Script("chat.postMessage", HttpStatusCode.InternalServerError, "<html>oops</html>");
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Channel.DeliverAsync(Ask, Delivery(1, unknown: false, recorded: null, []), CancellationToken.None));
        Assert.True(e.MayHaveBeenDelivered);

        await Channel.DeliverAsync(Ask, Delivery(2, unknown: true, recorded: null, []), CancellationToken.None);

        Assert.Single(Replies);
        Assert.Single(_slack.CallsTo("conversations.replies"));
    }

    [Fact]
    public async Task The_lookup_follows_the_thread_cursor_past_earlier_replies()
    {
        // conversations.replies lists a thread oldest first: a busy thread pushes the lost post to a later page.
        var client = _services.GetRequiredService<SlackWebApiClient>();
        for (var i = 0; i < 230; i++) await client.PostMessageAsync(BotHost.Channel, $"chatter {i}", null, _root, CancellationToken.None);
        _state.FailWrites = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Channel.DeliverAsync(Ask, Delivery(1, unknown: false, recorded: null), CancellationToken.None));
        _state.FailWrites = false;

        await Channel.DeliverAsync(Ask, Delivery(2, unknown: true, recorded: null, []), CancellationToken.None);

        Assert.Single(_slack.Messages, m => m.Key == "prompt:r-1/p3");
        Assert.Equal(2, _slack.CallsTo("conversations.replies").Count);
        Assert.All(_slack.CallsTo("conversations.replies"), c => Assert.Equal("true", c.Form!["include_all_metadata"]));
        Assert.All(_slack.CallsTo("conversations.replies"), c => Assert.Equal(_root, c.Form!["ts"]));
    }

    [Fact]
    public async Task A_history_slack_will_not_show_means_the_message_is_posted_rather_than_stuck()
    {
        _slack.Fail("conversations.replies", "missing_scope");

        await Channel.DeliverAsync(Ask, Delivery(2, unknown: true, recorded: null, []), CancellationToken.None);

        Assert.Single(Replies);
    }

    [Fact]
    public async Task A_lookup_that_fails_for_now_fails_the_attempt_so_it_is_retried_later_and_posts_nothing()
    {
        _slack.Script("conversations.replies", HttpStatusCode.InternalServerError, "<html>oops</html>");

        await Assert.ThrowsAsync<SlackApiException>(() => Channel.DeliverAsync(Ask, Delivery(2, unknown: true, recorded: null, []), CancellationToken.None));

        Assert.Empty(Replies);
    }

    [Fact]
    public async Task A_rate_limited_post_is_known_not_to_have_posted_and_carries_slacks_retry_after()
    {
        _slack.Script("chat.postMessage", HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""", TimeSpan.FromSeconds(120));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Channel.DeliverAsync(Ask, Delivery(1, unknown: false, recorded: null, []), CancellationToken.None));

        Assert.False(e.MayHaveBeenDelivered);
        Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
        Assert.Empty(Replies);
    }

    [Fact]
    public async Task A_root_posted_but_not_recorded_is_found_in_the_channel_history_and_not_posted_again()
    {
        var ask = new OutboxMessage { Key = "r-2/p1:ask", Seq = 1, Kind = OutboxKind.Ask, Prompt = Question with { Id = "r-2/p1", RunId = "r-2" } };
        var failing = _state.FailNextWrite("root:r-2");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Channel.DeliverAsync(ask, new ChatDelivery("r-2", ask.Key, 1, 1, FirstAttempt, false, null, (_, _) => Task.CompletedTask), CancellationToken.None));
        Assert.True(failing());
        var root = Assert.Single(_slack.Messages, m => m.Key == "root:r-2");

        await Channel.DeliverAsync(ask, new ChatDelivery("r-2", ask.Key, 1, 2, FirstAttempt, true, null, (_, _) => Task.CompletedTask), CancellationToken.None);

        Assert.Single(_slack.Messages, m => m.Key == "root:r-2");
        Assert.Equal(root.Ts, Assert.Single(_slack.Messages, m => m.Key == "prompt:r-2/p1").ThreadTs);
        Assert.Single(_slack.CallsTo("conversations.history"));
    }

    /// <summary>Channel state whose writes can be made to fail, as when the database refuses them.</summary>
    private sealed class FlakyState : IChannelStateStore
    {
        private readonly SlackServices.MemoryChannelState _inner = new();

        private string? _failNext;
        private bool _failed;

        public bool FailWrites { get; set; }

        /// <summary>The next write of <paramref name="key"/> fails; the returned check says whether it did.</summary>
        public Func<bool> FailNextWrite(string key)
        {
            _failNext = key;
            return () => _failed;
        }

        public Task<string?> GetAsync(string channel, string key, CancellationToken cancellationToken) => _inner.GetAsync(channel, key, cancellationToken);

        public Task SetAsync(string channel, string key, string value, CancellationToken cancellationToken)
        {
            if (key == _failNext)
            {
                _failNext = null;
                _failed = true;
                throw new InvalidOperationException("the database is down");
            }
            return FailWrites ? throw new InvalidOperationException("the database is down") : _inner.SetAsync(channel, key, value, cancellationToken);
        }

        public Task<bool> TryAddAsync(string channel, string key, string value, CancellationToken cancellationToken) =>
            FailWrites ? throw new InvalidOperationException("the database is down") : _inner.TryAddAsync(channel, key, value, cancellationToken);
    }
}
