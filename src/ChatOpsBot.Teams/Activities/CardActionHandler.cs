using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Teams.Cards;
using ChatOpsBot.Teams.Channel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Teams.Activities;

/// <summary>
/// Answers from cards (Action.Execute invokes and the Action.Submit fallback). The answer is written to the durable
/// inbox (keyed on the activity id, so a Bot Connector retry is the same answer) before anything is replied; then this
/// replica applies it at once, and should it die first, another replica's inbox worker does. The engine decides:
/// stale, refused and invalid answers come back from <see cref="AnswerProcessor"/>; an accepted one queues the run to
/// advance. The reply is ready within Teams' 15 s: a slow save finishes in the background and the card updates later.
/// </summary>
public sealed class CardActionHandler(
    AnswerInbox inbox,
    PlaybookEngine engine,
    TeamsActors actors,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<CardActionHandler> logger)
{
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(12);

    public async Task<CardActionResult> HandleAsync(CardAction action, ChannelAccount? from, string? activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var started = clock.GetTimestamp();
        var actor = actors.From(from);
        Core.Runs.PlaybookRun? before;
        try
        {
            before = await engine.FindAsync(action.RunId, cancellationToken).WaitAsync(Budget, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new CardActionResult(null, "The bot is slow to answer right now; nothing was recorded, please answer again in a minute.", null, BadInput: false);
        }
        if (before is null) return new CardActionResult(AnswerOutcome.UnknownRun, $"There is no run {action.RunId}.", null, BadInput: true);
        var prompt = before.Prompt?.Id == action.PromptId ? before.Prompt : null;

        var key = $"teams:{(string.IsNullOrEmpty(activityId) ? Guid.NewGuid().ToString("N") : activityId)}";
        var item = new InboxItem(key, TeamsChatChannel.ChannelName, InboxKind.Answer, action.RunId,
            new PromptAnswer(action.RunId, action.PromptId, action.Option, action.Text, actor), null);
        // Not tied to the request: once stored, an answer is applied even if Teams stops waiting.
        var stopping = lifetime.ApplicationStopping;
        InboxReceipt receipt;
        try
        {
            receipt = await inbox.ReceiveAsync(item, applyHere: true, stopping).WaitAsync(Left(started), clock, cancellationToken).ConfigureAwait(false);
        }
        catch (AnswerNotRecordedException)
        {
            return new CardActionResult(null, "Your answer could not be recorded right now (the bot's database is unavailable); please answer again in a moment.", null, BadInput: false);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Run {RunId}: storing the answer to {PromptId} took longer than {Budget}", action.RunId, action.PromptId, Budget);
            return new CardActionResult(null, "The bot is slow to record answers right now; check this card in a minute before answering again.", null, BadInput: false);
        }

        var work = inbox.ApplyReceivedAsync(receipt, item, stopping);
        AnswerResult result;
        try
        {
            result = await work.WaitAsync(Left(started), clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _ = work.ContinueWith(t => logger.LogError(t.Exception, "Run {RunId}: late answer to {PromptId} failed", action.RunId, action.PromptId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            logger.LogWarning("Run {RunId}: answer to {PromptId} still being saved after {Budget}; the card will update when it is", action.RunId, action.PromptId, Budget);
            return new CardActionResult(null, "Your answer was received and is being recorded; the card updates in a moment.", null, BadInput: false);
        }

        return await ResultAsync(action, actor, prompt, result, cancellationToken).ConfigureAwait(false);
    }

    // What remains of the budget, counted from the start of the click's handling.
    private TimeSpan Left(long started)
    {
        var left = Budget - clock.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private async Task<CardActionResult> ResultAsync(CardAction action, Actor actor, Core.Dialog.Prompt? prompt, AnswerResult result, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case AnswerOutcome.Accepted:
            case AnswerOutcome.Stale:
                var after = await engine.FindAsync(action.RunId, cancellationToken).ConfigureAwait(false);
                var closed = after?.ClosedPrompts.LastOrDefault(c => c.Id == action.PromptId);
                if (closed is null) return new CardActionResult(result.Outcome, result.Message, null, BadInput: false);
                var card = prompt is not null && result.Outcome == AnswerOutcome.Accepted
                    ? PromptCards.Answered(prompt, closed.Answer, [closed.AnsweredBy], closed.At, automatic: false)
                    : PromptCards.Answered(action.RunId, closed);
                return new CardActionResult(result.Outcome, result.Message, card, BadInput: false);
            case AnswerOutcome.AwaitingMoreApprovals when prompt?.Approvals.Any(a => a.Option == action.Option && a.Actor.Id == actor.Id) == true:
                // The same approver again: the card would come back unchanged, which Teams shows as no answer at all.
                return new CardActionResult(result.Outcome, result.Message, null, BadInput: false);
            case AnswerOutcome.AwaitingMoreApprovals:
                var open = result.Prompt ?? (await engine.FindAsync(action.RunId, cancellationToken).ConfigureAwait(false))?.Prompt;
                return new CardActionResult(result.Outcome, result.Message, open?.Id == action.PromptId ? PromptCards.Open(open) : null, BadInput: false);
            case AnswerOutcome.Invalid:
                return new CardActionResult(result.Outcome, result.Message, null, BadInput: true);
            default:
                return new CardActionResult(result.Outcome, result.Message, null, BadInput: false);
        }
    }
}
