using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Tests.Conversation;

/// <summary>One ledger for every channel: the same keys and value format, and entries written before it still read.</summary>
public sealed class MessageLedgerTests
{
    private readonly MemoryState _state = new();

    [Fact]
    public async Task A_recorded_message_is_found_again_under_the_same_entry_and_not_under_another()
    {
        var ledger = new MessageLedger(_state, "slack");
        await ledger.RecordAsync(LedgerEntry.Prompt("r-1/p1"), new PostedMessage("C1", "1.000200"), CancellationToken.None);

        Assert.Equal(new PostedMessage("C1", "1.000200"), await ledger.FindAsync(LedgerEntry.Prompt("r-1/p1"), CancellationToken.None));
        Assert.Null(await ledger.FindAsync(LedgerEntry.Prompt("r-1/p2"), CancellationToken.None));
        Assert.Null(await new MessageLedger(_state, "teams").FindAsync(LedgerEntry.Prompt("r-1/p1"), CancellationToken.None));
        Assert.Equal("C1 1.000200", _state.Values["slack/prompt:r-1/p1"]);
    }

    [Fact]
    public void The_keys_are_channel_neutral_and_a_channel_copy_is_its_own_entry()
    {
        Assert.Equal("root:r-1", LedgerEntry.Root("r-1").Key);
        Assert.Equal("notify:r-1:hunt:hits", LedgerEntry.Notification("r-1:hunt:hits").Key);
        Assert.NotEqual(LedgerEntry.Notification("k"), LedgerEntry.ChannelCopy("k"));
        Assert.Equal(LedgerEntry.Root("r-1"), LedgerEntry.Root("r-1"));
    }

    [Fact]
    public async Task A_slack_entry_that_held_the_ts_alone_is_completed_with_the_runs_channel()
    {
        _state.Values["slack/notify:k"] = "1.000300";
        var ledger = new MessageLedger(_state, "slack");

        Assert.Equal(new PostedMessage("C9", "1.000300"), await ledger.FindAsync(LedgerEntry.Notification("k"), CancellationToken.None, defaultConversation: "C9"));
        Assert.Null(await ledger.FindAsync(LedgerEntry.Notification("k"), CancellationToken.None));
    }

    [Fact]
    public async Task A_teams_prompt_entry_written_as_json_is_read()
    {
        _state.Values["teams/prompt:r-1/p1"] = """{"ConversationId":"a:1-personal","ActivityId":"activity-7"}""";

        Assert.Equal(new PostedMessage("a:1-personal", "activity-7"),
            await new MessageLedger(_state, "teams").FindAsync(LedgerEntry.Prompt("r-1/p1"), CancellationToken.None));
    }

    [Fact]
    public async Task An_entry_kept_under_its_old_key_is_found_through_the_legacy_keys_the_channel_names()
    {
        _state.Values["slack/status:r-1"] = "C1 1.000100";
        _state.Values["teams/notified:19:soc@thread.tacv2:k"] = "activity-3";

        Assert.Equal(new PostedMessage("C1", "1.000100"),
            await new MessageLedger(_state, "slack").FindAsync(LedgerEntry.Root("r-1"), CancellationToken.None, null, "status:r-1"));
        Assert.Equal(new PostedMessage("19:soc@thread.tacv2", "activity-3"),
            await new MessageLedger(_state, "teams").FindAsync(LedgerEntry.Notification("k"), CancellationToken.None, "19:soc@thread.tacv2", "notified:19:soc@thread.tacv2:k"));
    }

    [Fact]
    public async Task A_file_entry_holds_the_platforms_file_id()
    {
        var ledger = new MessageLedger(_state, "slack");
        Assert.Null(await ledger.FindFileAsync(LedgerEntry.File("k"), CancellationToken.None));

        await ledger.RecordFileAsync(LedgerEntry.File("k"), "F0001", CancellationToken.None);

        Assert.Equal("F0001", await ledger.FindFileAsync(LedgerEntry.File("k"), CancellationToken.None));
    }

    private sealed class MemoryState : IChannelStateStore
    {
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public Task<string?> GetAsync(string channel, string key, CancellationToken cancellationToken) =>
            Task.FromResult(Values.TryGetValue($"{channel}/{key}", out var v) ? v : null);

        public Task SetAsync(string channel, string key, string value, CancellationToken cancellationToken)
        {
            Values[$"{channel}/{key}"] = value;
            return Task.CompletedTask;
        }

        public Task<bool> TryAddAsync(string channel, string key, string value, CancellationToken cancellationToken) =>
            Task.FromResult(Values.TryAdd($"{channel}/{key}", value));
    }
}
