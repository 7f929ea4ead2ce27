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
/// Teams as a chat channel. Prompts go to the conversation that started the run (else the SOC channel); findings and
/// the summary go proactively to <c>Teams:Channel</c>. A failed post throws, so the engine's outbox keeps the message
/// and delivers it later; a prompt already on screen is updated in place.
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
            if (line.Split(' ') is not [var conversationId, var activityId]) continue;
            if (message.Kind == OutboxKind.Notify && message.Notification is { } n
                && !await conversations.WasNotifiedAsync(n.Key, conversationId, cancellationToken).ConfigureAwait(false))
                await conversations.MarkNotifiedAsync(n.Key, conversationId, activityId, cancellationToken).ConfigureAwait(false);
            var prompt = message.Prompt ?? message.Closure?.Prompt;
            if (prompt is not null && await conversations.FindPromptMessageAsync(prompt.Id, cancellationToken).ConfigureAwait(false) is null)
                await conversations.SetPromptMessageAsync(prompt.Id, new PostedMessage(conversationId, activityId), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task RecordAsync(ChatDelivery? delivery, string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        if (delivery is null || activityId is null) return;
        var line = $"{conversationId} {activityId}";
        await delivery.RecordPlatformIdAsync(delivery.RecordedPlatformId is { Length: > 0 } earlier ? $"{earlier}\n{line}" : line, cancellationToken).ConfigureAwait(false);
    }

    private async Task NotifyAsync(Notification notification, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var runConversation = await RunConversationAsync(notification.RunId, cancellationToken).ConfigureAwait(false);
        var soc = options.Value.Channel;
        var targets = new List<string>();
        if (!string.IsNullOrWhiteSpace(soc) && notification.Kind != NotificationKind.Progress) targets.Add(soc);
        if (runConversation is not null && (notification.Kind != NotificationKind.Finding || string.IsNullOrWhiteSpace(soc))) targets.Add(runConversation);
        if (targets.Count == 0 && !string.IsNullOrWhiteSpace(soc)) targets.Add(soc);
        foreach (var conversationId in targets.Distinct(StringComparer.Ordinal))
        {
            if (await conversations.WasNotifiedAsync(notification.Key, conversationId, cancellationToken).ConfigureAwait(false)) continue;
            var maxRows = options.Value.MaxTableRows;
            // Lists longer than the card go behind the bot's signed link; without Teams:PublicBaseUrl the card says how
            // many rows are not shown (Teams does not offer a data: URI as a file, so attaching one would be a dead link).
            string? link = null;
            if (files.Enabled && NotificationCards.IsSummarised(notification, maxRows))
                link = await files.PublishAsync($"{notification.RunId}:{notification.Key}", notification.Attachment!, cancellationToken).ConfigureAwait(false);
            List<TeamsAttachment> attachments = [CardAttachment(NotificationCards.Render(notification, maxRows, link))];
            var reference = await ReferenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
            var id = await connector.SendAsync(reference, new Activity { Summary = TeamsText.Plain(notification.Title), Attachments = attachments }, cancellationToken)
                .ConfigureAwait(false);
            await RecordAsync(delivery, conversationId, id, cancellationToken).ConfigureAwait(false);
            await conversations.MarkNotifiedAsync(notification.Key, conversationId, id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AskAsync(Prompt prompt, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var card = PromptCards.Open(prompt);
        var posted = await conversations.FindPromptMessageAsync(prompt.Id, cancellationToken).ConfigureAwait(false);
        if (posted is not null)
        {
            await UpdateAsync(posted, card, prompt.Title, cancellationToken).ConfigureAwait(false);
            return;
        }
        await PostPromptAsync(prompt, card, delivery, cancellationToken).ConfigureAwait(false);
    }

    private async Task PromptClosedAsync(PromptClosure closure, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var card = PromptCards.Answered(closure.Prompt, Answer(closure.OptionLabel, closure.Text),
            closure.AnsweredBy.Select(a => a.DisplayName), closure.At, closure.Automatic);
        var posted = await conversations.FindPromptMessageAsync(closure.Prompt.Id, cancellationToken).ConfigureAwait(false);
        if (posted is not null) await UpdateAsync(posted, card, closure.Prompt.Title, cancellationToken).ConfigureAwait(false);
        else await PostPromptAsync(closure.Prompt, card, delivery, cancellationToken).ConfigureAwait(false);
    }

    internal static string Answer(string label, string? text) => text is null ? label : $"{label}: {text}";

    private async Task PostPromptAsync(Prompt prompt, JsonObject card, ChatDelivery? delivery, CancellationToken cancellationToken)
    {
        var conversationId = await RunConversationAsync(prompt.RunId, cancellationToken).ConfigureAwait(false) ?? options.Value.Channel;
        if (string.IsNullOrWhiteSpace(conversationId))
            throw new InvalidOperationException($"Run {prompt.RunId} has no Teams conversation and Teams:Channel is not set.");
        var reference = await ReferenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var id = await connector.SendAsync(reference, new Activity { Summary = TeamsText.Plain(prompt.Title), Attachments = [CardAttachment(card)] }, cancellationToken)
            .ConfigureAwait(false);
        await RecordAsync(delivery, conversationId, id, cancellationToken).ConfigureAwait(false);
        if (id is not null) await conversations.SetPromptMessageAsync(prompt.Id, new PostedMessage(conversationId, id), cancellationToken).ConfigureAwait(false);
        else logger.LogWarning("Run {RunId}: the Bot Connector returned no id for prompt {PromptId}; it cannot be updated later", prompt.RunId, prompt.Id);
    }

    private async Task UpdateAsync(PostedMessage posted, JsonObject card, string title, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync(posted.ConversationId, cancellationToken).ConfigureAwait(false);
        await connector.UpdateAsync(reference, posted.ActivityId, new Activity { Summary = TeamsText.Plain(title), Attachments = [CardAttachment(card)] }, cancellationToken)
            .ConfigureAwait(false);
    }

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
