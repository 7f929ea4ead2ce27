using System.Text.Json;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// Which chat message shows what (a run's root, a prompt, a notification, a file), kept in
/// <see cref="IChannelStateStore"/> so every replica updates what is already posted instead of posting it again. One
/// key scheme (<see cref="LedgerEntry"/>) and one value format (<c>conversation messageId</c>) for every channel.
/// </summary>
/// <remarks>
/// Entries written before this type existed are still read: a Slack notification entry held the <c>ts</c> alone (its
/// conversation is the run's channel, <c>defaultConversation</c>), a Teams prompt entry held JSON
/// (<c>{"ConversationId":…,"ActivityId":…}</c>), and callers name the keys an entry used to have (Slack's
/// <c>status:{run}</c> root, Teams' <c>notified:{conversation}:{key}</c>).
/// </remarks>
public sealed class MessageLedger(IChannelStateStore state, string channel)
{
    /// <summary>
    /// The message recorded for <paramref name="entry"/>, else under one of <paramref name="legacyKeys"/>, or null.
    /// <paramref name="defaultConversation"/> completes an old entry that held the message id alone.
    /// </summary>
    public async Task<PostedMessage?> FindAsync(LedgerEntry entry, CancellationToken cancellationToken, string? defaultConversation = null,
        params IEnumerable<string> legacyKeys)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var key in legacyKeys.Prepend(entry.Key))
            if (await state.GetAsync(channel, key, cancellationToken).ConfigureAwait(false) is { Length: > 0 } value && Parse(value, defaultConversation) is { } message)
                return message;
        return null;
    }

    /// <summary>Records where <paramref name="entry"/> was posted (replacing what was there).</summary>
    public Task RecordAsync(LedgerEntry entry, PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(message);
        return state.SetAsync(channel, entry.Key, $"{message.Conversation} {message.MessageId}", cancellationToken);
    }

    /// <summary>The platform's id of the file uploaded for <paramref name="entry"/>, or null.</summary>
    public Task<string?> FindFileAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        state.GetAsync(channel, entry.Key, cancellationToken);

    /// <summary>Records the platform's id of the file uploaded for <paramref name="entry"/>.</summary>
    public Task RecordFileAsync(LedgerEntry entry, string fileId, CancellationToken cancellationToken) =>
        state.SetAsync(channel, entry.Key, fileId, cancellationToken);

    private static PostedMessage? Parse(string value, string? defaultConversation)
    {
        if (value.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(value);
                return json.RootElement.TryGetProperty("ConversationId", out var c) && json.RootElement.TryGetProperty("ActivityId", out var a)
                       && c.GetString() is { } conversation && a.GetString() is { } id
                    ? new PostedMessage(conversation, id) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return value.Split(' ') switch
        {
            [var conversation, var id] => new PostedMessage(conversation, id),
            [var id] when defaultConversation is not null => new PostedMessage(defaultConversation, id),
            _ => null,
        };
    }
}
