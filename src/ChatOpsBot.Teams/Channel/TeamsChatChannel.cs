using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Teams.Activities;
using ChatOpsBot.Teams.Cards;
using ChatOpsBot.Teams.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using TeamsAttachment = ChatOpsBot.Teams.Activities.Attachment;

namespace ChatOpsBot.Teams.Channel;

/// <summary>
/// Teams as a chat channel where a run is one thread. The run's home is the conversation that started it (else
/// <c>Teams:Channel</c>); its root message there is a live status card, updated in place. In a team channel, prompts,
/// answers and step results are replies in the root's thread (<c>{channel};messageid={root}</c>); in a personal or
/// group chat (no threads) they are posted into the chat. Findings Core marks as broadcast (hits, incident opened, run
/// closed) are also posted at the top of the SOC channel, linking the thread. A failed post throws, so the engine's
/// outbox keeps the message and delivers it later; a prompt already on screen is updated in place.
/// </summary>
public sealed class TeamsChatChannel(
    BotConnectorClient connector,
    TeamsConversations conversations,
    IRunStore runs,
    FileLinks files,
    IOptions<TeamsOptions> options,
    ILogger<TeamsChatChannel> logger) : ITrackedChatChannel
{
    public const string ChannelName = "teams";

    public string Name => ChannelName;

    /// <summary>
    /// Delivers under a claim: each post's activity id is recorded in the claim (<c>conversation activity</c>, one line per
    /// conversation posted to) before the ledger, and a later attempt that finds a recorded post only restores the
    /// ledger. The Bot Connector cannot list what a bot posted, so a post whose id reached neither the claim nor the
    /// ledger (the replica died in between) may be posted again: Teams' at-least-once window.
    /// </summary>
    public async Task DeliverAsync(OutboxMessage message, ChatDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(delivery);
        await RestoreAsync(message, delivery, cancellationToken).ConfigureAwait(false);
        switch (message.Kind)
        {
            case OutboxKind.Notify: await NotifyAsync(message.Notification!, delivery, cancellationToken).ConfigureAwait(false); break;
            case OutboxKind.Ask: await AskAsync(message.Prompt!, delivery, cancellationToken).ConfigureAwait(false); break;
            case OutboxKind.PromptClosed: await PromptClosedAsync(message.Closure!, delivery, cancellationToken).ConfigureAwait(false); break;
        }
    }

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken) => NotifyAsync(notification, null, cancellationToken);

    public Task AskAsync(Prompt prompt, CancellationToken cancellationToken) => AskAsync(prompt, null, cancellationToken);

    public Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken) => PromptClosedAsync(closure, null, cancellationToken);

    // Posts an earlier attempt recorded in the claim but not in the ledger go into the ledger, so they are not posted again.
    private async Task RestoreAsync(OutboxMessage message, ChatDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.RecordedPlatformId is not { Length: > 0 } recorded) return;
        foreach (var line in recorded.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (line.Split(' '))
            {
                case [var rootConversation, var rootActivity, RootMark]:
                    await RestoreAsync(LedgerEntry.Root(delivery.RunId), new PostedMessage(rootConversation, rootActivity), cancellationToken).ConfigureAwait(false);
                    break;
                case [var copyConversation, var copyActivity, CopyMark] when message.Notification is { } copied:
                    await RestoreAsync(LedgerEntry.ChannelCopy(copied.Key), new PostedMessage(copyConversation, copyActivity), cancellationToken).ConfigureAwait(false);
                    break;
                case [var conversationId, var activityId]:
                    var posted = new PostedMessage(conversationId, activityId);
                    if (message.Kind == OutboxKind.Notify && message.Notification is { } n)
                        await RestoreAsync(LedgerEntry.Notification(n.Key), posted, cancellationToken).ConfigureAwait(false);
                    if ((message.Prompt ?? message.Closure?.Prompt) is { } prompt)
                        await RestoreAsync(LedgerEntry.Prompt(prompt.Id), posted, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task RestoreAsync(LedgerEntry entry, PostedMessage posted, CancellationToken cancellationToken)
    {
        if (await Ledger.FindAsync(entry, cancellationToken).ConfigureAwait(false) is null)
            await Ledger.RecordAsync(entry, posted, cancellationToken).ConfigureAwait(false);
    }

    private MessageLedger Ledger => conversations.Ledger;

    // Claim lines of a run's root message and of a broadcast's copy at the top of the channel; old replicas skip lines
    // of three parts.
    private const string RootMark = "root";
    private const string CopyMark = "copy";

    private static async Task RecordAsync(ChatDelivery? delivery, string conversationId, string? activityId, CancellationToken cancellationToken, string? mark = null)
    {
        if (delivery is null || activityId is null) return;
        var line = mark is null ? $"{conversationId} {activityId}" : $"{conversationId} {activityId} {mark}";
        await delivery.RecordPlatformIdAsync(delivery.RecordedPlatformId is { Length: > 0 } earlier ? $"{earlier}\n{line}" : line, cancellationToken).ConfigureAwait(false);
    }

    private async Task NotifyAsync(Notification notification, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var home = await HomeAsync(notification.RunId, cancellationToken).ConfigureAwait(false);
        if (notification.Placement == NotificationPlacement.Status)
        {
            await ShowStatusAsync(notification, home, delivery, cancellationToken).ConfigureAwait(false);
            return;
        }
        var root = await RootAsync(notification.RunId, home, delivery, cancellationToken).ConfigureAwait(false);
        var thread = home.Threaded ? TeamsConversations.Thread(home.ConversationId, root.MessageId) : home.ConversationId;
        var targets = new List<(LedgerEntry Entry, string ConversationId, string? ThreadLink)> { (LedgerEntry.Notification(notification.Key), thread, null) };
        // A broadcast finding is also posted at the top of the SOC channel, linking the run's thread.
        if (notification.Placement == NotificationPlacement.Broadcast)
        {
            var channel = home.Threaded ? home.ConversationId : options.Value.Channel;
            if (!string.IsNullOrWhiteSpace(channel) && channel != thread)
                targets.Add((LedgerEntry.ChannelCopy(notification.Key), channel, home.Threaded ? ThreadLink(home, root.MessageId) : null));
        }
        foreach (var (entry, conversationId, threadLink) in targets)
        {
            if (await Ledger.FindAsync(entry, cancellationToken, conversationId, TeamsConversations.LegacyNotifiedKey(notification.Key, conversationId))
                    .ConfigureAwait(false) is not null) continue;
            var maxRows = options.Value.MaxTableRows;
            // Lists longer than the card go behind the bot's signed link; without Teams:PublicBaseUrl the card says how
            // many rows are not shown (Teams does not offer a data: URI as a file, so attaching one would be a dead link).
            string? link = null;
            if (files.Enabled && NotificationCards.IsSummarised(notification, maxRows))
                link = await files.PublishAsync($"{notification.RunId}:{notification.Key}", notification.Attachment!, cancellationToken).ConfigureAwait(false);
            var card = NotificationCards.Render(notification, maxRows, link);
            if (threadLink is not null) AddThreadLink(card, threadLink);
            var reference = await ReferenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
            var id = await connector.SendAsync(reference, new Activity { Summary = TeamsText.Plain(notification.Title), Attachments = [CardAttachment(card)] }, cancellationToken)
                .ConfigureAwait(false);
            await RecordAsync(delivery, conversationId, id, cancellationToken, entry == LedgerEntry.Notification(notification.Key) ? null : CopyMark).ConfigureAwait(false);
            // Without an id the post cannot be updated, but it is posted: the ledger says so (id "-").
            await Ledger.RecordAsync(entry, new PostedMessage(conversationId, id ?? "-"), cancellationToken).ConfigureAwait(false);
        }
        await RefreshStatusAsync(notification.RunId, root, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task AskAsync(Prompt prompt, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var card = PromptCards.Open(prompt);
        var posted = await Ledger.FindAsync(LedgerEntry.Prompt(prompt.Id), cancellationToken).ConfigureAwait(false);
        var home = await HomeAsync(prompt.RunId, cancellationToken).ConfigureAwait(false);
        var root = await RootAsync(prompt.RunId, home, delivery, cancellationToken).ConfigureAwait(false);
        if (posted is not null) await UpdateAsync(posted, card, prompt.Title, cancellationToken).ConfigureAwait(false);
        else await PostPromptAsync(prompt, card, home, root, delivery, cancellationToken).ConfigureAwait(false);
        await RefreshStatusAsync(prompt.RunId, root, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task PromptClosedAsync(PromptClosure closure, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var card = PromptCards.Answered(closure);
        var posted = await Ledger.FindAsync(LedgerEntry.Prompt(closure.Prompt.Id), cancellationToken).ConfigureAwait(false);
        if (posted is not null)
        {
            await UpdateAsync(posted, card, closure.Prompt.Title, cancellationToken).ConfigureAwait(false);
            return;
        }
        var home = await HomeAsync(closure.Prompt.RunId, cancellationToken).ConfigureAwait(false);
        var root = await RootAsync(closure.Prompt.RunId, home, delivery, cancellationToken).ConfigureAwait(false);
        await PostPromptAsync(closure.Prompt, card, home, root, delivery, cancellationToken).ConfigureAwait(false);
    }

    internal static string Answer(string label, string? text) => text is null ? label : $"{label}: {text}";

    private async Task PostPromptAsync(Prompt prompt, JsonObject card, Home home, PostedMessage root, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var conversationId = home.Threaded ? TeamsConversations.Thread(home.ConversationId, root.MessageId) : home.ConversationId;
        var reference = await ReferenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var id = await connector.SendAsync(reference, new Activity { Summary = TeamsText.Plain(prompt.Title), Attachments = [CardAttachment(card)] }, cancellationToken)
            .ConfigureAwait(false);
        await RecordAsync(delivery, conversationId, id, cancellationToken).ConfigureAwait(false);
        if (id is not null) await Ledger.RecordAsync(LedgerEntry.Prompt(prompt.Id), new PostedMessage(conversationId, id), cancellationToken).ConfigureAwait(false);
        else logger.LogWarning("Run {RunId}: the Bot Connector returned no id for prompt {PromptId}; it cannot be updated later", prompt.RunId, prompt.Id);
    }

    private async Task UpdateAsync(PostedMessage posted, JsonObject card, string title, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync(posted.Conversation, cancellationToken).ConfigureAwait(false);
        await connector.UpdateAsync(reference, posted.MessageId, new Activity { Summary = TeamsText.Plain(title), Attachments = [CardAttachment(card)] }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Progress goes on the run's status card, updated in place. Passing progress shown outside the outbox (no delivery)
    /// only updates a card already there: the root is posted by the run's outbox messages alone, which are delivered one
    /// at a time in order, so two replicas never post it at once.
    /// </summary>
    private async Task ShowStatusAsync(Notification notification, Home home, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var root = await Ledger.FindAsync(LedgerEntry.Root(notification.RunId), cancellationToken).ConfigureAwait(false);
        if (root is not null)
        {
            await RefreshStatusAsync(notification.RunId, root, notification.Title, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (delivery is not null) await PostRootAsync(notification.RunId, home, notification.Title, delivery, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The run's root message (its status card) in its home conversation, posted first when the run has none yet. The
    /// post is recorded in the claim (a line marked <c>root</c>) before the ledger; the Bot Connector cannot list what a
    /// bot posted, so a root whose id reached neither may be posted again (Teams' at-least-once window).
    /// </summary>
    private async Task<PostedMessage> RootAsync(string runId, Home home, ChatDelivery? delivery, CancellationToken cancellationToken) =>
        await Ledger.FindAsync(LedgerEntry.Root(runId), cancellationToken).ConfigureAwait(false)
        ?? await PostRootAsync(runId, home, null, delivery, cancellationToken).ConfigureAwait(false);

    private async Task<PostedMessage> PostRootAsync(string runId, Home home, string? activity, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(runId, activity, cancellationToken).ConfigureAwait(false);
        var reference = await ReferenceAsync(home.ConversationId, cancellationToken).ConfigureAwait(false);
        var id = await connector.SendAsync(reference, new Activity { Summary = StatusCards.Summary(view), Attachments = [CardAttachment(StatusCards.Render(view))] }, cancellationToken)
            .ConfigureAwait(false) ?? throw new ConnectorException(null, $"The Bot Connector returned no id for run {runId}'s status card; its thread cannot be replied to.");
        await RecordAsync(delivery, home.ConversationId, id, cancellationToken, RootMark).ConfigureAwait(false);
        var root = new PostedMessage(home.ConversationId, id);
        await Ledger.RecordAsync(LedgerEntry.Root(runId), root, cancellationToken).ConfigureAwait(false);
        return root;
    }

    // After a message that may change the counts or what waits on whom, the card shows the run as saved now.
    private async Task RefreshStatusAsync(string runId, PostedMessage root, string? activity, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(runId, activity, cancellationToken).ConfigureAwait(false);
        var reference = await ReferenceAsync(root.Conversation, cancellationToken).ConfigureAwait(false);
        await connector.UpdateAsync(reference, root.MessageId, new Activity { Summary = StatusCards.Summary(view), Attachments = [CardAttachment(StatusCards.Render(view))] },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<RunStatusView> ViewAsync(string runId, string? activity, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        return run is null
            ? new RunStatusView { RunId = runId, Title = "C2 hunt", Section = "-", State = "unknown", Window = "-", Activity = activity }
            : RunStatusViews.Build(run, activity);
    }

    /// <summary>
    /// Where the run lives: the conversation it was started from, else <c>Teams:Channel</c>. Only a team channel has
    /// threads; in a personal or group chat everything is posted into the chat.
    /// </summary>
    private async Task<Home> HomeAsync(string runId, CancellationToken cancellationToken)
    {
        var conversationId = await RunConversationAsync(runId, cancellationToken).ConfigureAwait(false) ?? options.Value.Channel;
        if (string.IsNullOrWhiteSpace(conversationId))
            throw new InvalidOperationException($"Run {runId} has no Teams conversation and Teams:Channel is not set.");
        var reference = await conversations.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var threaded = conversationId == options.Value.Channel || string.Equals(reference?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase);
        return new Home(conversationId, threaded, reference?.TenantId);
    }

    // A deep link that opens the run's thread in Teams (channel id and root message id; the tenant when known).
    private static string ThreadLink(Home home, string rootActivityId)
    {
        var link = $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(home.ConversationId)}/{Uri.EscapeDataString(rootActivityId)}";
        return home.TenantId is { Length: > 0 } tenant ? $"{link}?tenantId={Uri.EscapeDataString(tenant)}&parentMessageId={Uri.EscapeDataString(rootActivityId)}" : link;
    }

    private static void AddThreadLink(JsonObject card, string link)
    {
        if (card["actions"] is not JsonArray actions) card["actions"] = actions = [];
        actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the run's thread", ["url"] = link });
    }

    private sealed record Home(string ConversationId, bool Threaded, string? TenantId);

    private async Task<ConversationReference> ReferenceAsync(string conversationId, CancellationToken cancellationToken) =>
        await conversations.FindAsync(conversationId, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"No Teams conversation reference for {conversationId} yet: add the bot to the team or chat first.");

    private async Task<string?> RunConversationAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        return run?.Settings.Channel == ChannelName && !string.IsNullOrWhiteSpace(run.Settings.ChannelAddress) ? run.Settings.ChannelAddress : null;
    }

    internal static TeamsAttachment CardAttachment(JsonObject card) => new() { ContentType = AdaptiveCard.ContentType, Content = card };
}
