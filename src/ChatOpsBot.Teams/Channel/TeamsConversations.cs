using System.Text.Json;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Teams.Activities;

namespace ChatOpsBot.Teams.Channel;

/// <summary>
/// What the Teams channel remembers in <see cref="IChannelStateStore"/>: conversation references (serviceUrl,
/// conversation id, tenant) for proactive posts, which message shows which prompt, and which notifications are posted.
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

    /// <summary>Remembers which message is the root (the status card) of run <paramref name="runId"/>.</summary>
    public Task SetRootAsync(string runId, PostedMessage message, CancellationToken cancellationToken) =>
        state.SetAsync(Channel, $"root:{runId}", JsonSerializer.Serialize(message), cancellationToken);

    /// <summary>The root message (status card) of run <paramref name="runId"/>, or null.</summary>
    public async Task<PostedMessage?> FindRootAsync(string runId, CancellationToken cancellationToken)
    {
        var json = await state.GetAsync(Channel, $"root:{runId}", cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<PostedMessage>(json);
    }

    /// <summary>Remembers which message shows <paramref name="promptId"/>.</summary>
    public Task SetPromptMessageAsync(string promptId, PostedMessage message, CancellationToken cancellationToken) =>
        state.SetAsync(Channel, $"prompt:{promptId}", JsonSerializer.Serialize(message), cancellationToken);

    /// <summary>The message showing <paramref name="promptId"/>, or null.</summary>
    public async Task<PostedMessage?> FindPromptMessageAsync(string promptId, CancellationToken cancellationToken)
    {
        var json = await state.GetAsync(Channel, $"prompt:{promptId}", cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<PostedMessage>(json);
    }

    /// <summary>True when notification <paramref name="key"/> was already posted to <paramref name="conversationId"/>.</summary>
    public async Task<bool> WasNotifiedAsync(string key, string conversationId, CancellationToken cancellationToken) =>
        await state.GetAsync(Channel, $"notified:{conversationId}:{key}", cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Records that notification <paramref name="key"/> was posted.</summary>
    public Task MarkNotifiedAsync(string key, string conversationId, string? activityId, CancellationToken cancellationToken) =>
        state.SetAsync(Channel, $"notified:{conversationId}:{key}", activityId ?? "", cancellationToken);

    /// <summary>Marks an inbound activity handled; false when it was already (a Bot Connector retry).</summary>
    public Task<bool> FirstDeliveryAsync(string activityId, CancellationToken cancellationToken) =>
        state.TryAddAsync(Channel, $"activity:{activityId}", "1", cancellationToken);
}
