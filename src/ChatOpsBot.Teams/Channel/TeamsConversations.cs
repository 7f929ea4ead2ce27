using System.Text.Json;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Teams.Activities;

namespace ChatOpsBot.Teams.Channel;

/// <summary>
/// What the Teams channel remembers in <see cref="IChannelStateStore"/>: conversation references (serviceUrl,
/// conversation id, tenant) for proactive posts, and (through Core's <see cref="MessageLedger"/>) which message shows
/// which run root, prompt and notification.
/// </summary>
public sealed class TeamsConversations(IChannelStateStore state)
{
    internal const string Channel = "teams";

    /// <summary>Stores (or refreshes) a reference; called for every authenticated activity.</summary>
    public async Task RememberAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(reference);
        await state.SetAsync(Channel, $"conv:{reference.ConversationId}", json, cancellationToken).ConfigureAwait(false);
        await state.SetAsync(Channel, "conv:last", json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The reference for <paramref name="conversationId"/>; for a conversation never seen (a channel of a team the bot
    /// is in), the last serviceUrl the bot was called from, which serves the whole tenant.
    /// </summary>
    public async Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        // A channel thread (<c>{channel};messageid={root}</c>) is reached through its channel's reference.
        var thread = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        if (thread > 0)
            return await FindAsync(conversationId[..thread], cancellationToken).ConfigureAwait(false) is { } channel
                ? channel with { ConversationId = conversationId } : null;
        var json = await state.GetAsync(Channel, $"conv:{conversationId}", cancellationToken).ConfigureAwait(false);
        if (json is not null) return JsonSerializer.Deserialize<ConversationReference>(json);
        var last = await state.GetAsync(Channel, "conv:last", cancellationToken).ConfigureAwait(false);
        return last is null ? null : JsonSerializer.Deserialize<ConversationReference>(last)! with { ConversationId = conversationId, ConversationType = null };
    }

    /// <summary>What follows a channel's conversation id in the id of one of its threads.</summary>
    public const string ThreadMarker = ";messageid=";

    /// <summary>The conversation id of the thread under <paramref name="rootActivityId"/> in channel <paramref name="channelId"/>.</summary>
    public static string Thread(string channelId, string rootActivityId) => $"{channelId}{ThreadMarker}{rootActivityId}";

    /// <summary>Which message shows what (run roots, prompts, notifications): Core's ledger, the same keys as Slack's.</summary>
    public MessageLedger Ledger { get; } = new(state, Channel);

    /// <summary>
    /// The key under which a notification posted to <paramref name="conversationId"/> was recorded before the ledger,
    /// still read so a run in flight does not post it again.
    /// </summary>
    public static string LegacyNotifiedKey(string key, string conversationId) => $"notified:{conversationId}:{key}";

    /// <summary>Marks an inbound activity handled; false when it was already (a Bot Connector retry).</summary>
    public Task<bool> FirstDeliveryAsync(string activityId, CancellationToken cancellationToken) =>
        state.TryAddAsync(Channel, $"activity:{activityId}", "1", cancellationToken);
}
