using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Teams.Cards;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Teams.Activities;

/// <summary>
/// Answers from cards (Action.Execute invokes and the Action.Submit fallback). The engine decides: stale, refused and
/// invalid answers come back from <see cref="AnswerProcessor"/>; an accepted one queues the run to advance.
/// The reply is ready within Teams' 15 s: a slow save finishes in the background and the card updates later.
/// </summary>
public sealed class CardActionHandler(
    AnswerProcessor answers,
    PlaybookEngine engine,
    IRunWorkQueue queue,
    TeamsActors actors,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<CardActionHandler> logger)
{
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(12);

    public async Task<CardActionResult> HandleAsync(CardAction action, ChannelAccount? from, CancellationToken cancellationToken)
    {
        var actor = actors.From(from);
        var before = await engine.FindAsync(action.RunId, cancellationToken).ConfigureAwait(false);
        if (before is null) return new CardActionResult(AnswerOutcome.UnknownRun, $"There is no run {action.RunId}.", null, BadInput: true);
        var prompt = before.Prompt?.Id == action.PromptId ? before.Prompt : null;

        var work = AnswerAndQueueAsync(new PromptAnswer(action.RunId, action.PromptId, action.Option, action.Text, actor));
        AnswerResult result;
        try
        {
            result = await work.WaitAsync(Budget, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _ = work.ContinueWith(t => logger.LogError(t.Exception, "Run {RunId}: late answer to {PromptId} failed", action.RunId, action.PromptId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            logger.LogWarning("Run {RunId}: answer to {PromptId} still being saved after {Budget}; the card will update when it is", action.RunId, action.PromptId, Budget);
            return new CardActionResult(null, "Your answer was received and is being recorded; the card updates in a moment.", null, BadInput: false);
        }

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
            case AnswerOutcome.AwaitingMoreApprovals:
                return new CardActionResult(result.Outcome, result.Message, result.Prompt is null ? null : PromptCards.Open(result.Prompt), BadInput: false);
            case AnswerOutcome.Invalid:
                return new CardActionResult(result.Outcome, result.Message, null, BadInput: true);
            default:
                return new CardActionResult(result.Outcome, result.Message, null, BadInput: false);
        }
    }

    // Not tied to the request: once started, an answer is saved even if Teams stops waiting.
    private async Task<AnswerResult> AnswerAndQueueAsync(PromptAnswer answer)
    {
        var stopping = lifetime.ApplicationStopping;
        var result = await answers.AnswerAsync(answer, stopping).ConfigureAwait(false);
        if (result.Outcome == AnswerOutcome.Accepted) await queue.EnqueueAdvanceAsync(answer.RunId, stopping).ConfigureAwait(false);
        return result;
    }
}
