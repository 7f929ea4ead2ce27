using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Takes analysts' answers: refuses stale ones and unauthorised ones politely, re-asks invalid text with the
/// reason, counts distinct approvers, and only then fires the section's trigger. Every change is saved with
/// optimistic concurrency, so concurrent clicks (in this process or on another replica) change the run once.
/// </summary>
public sealed class AnswerProcessor(IRunStore store, PlaybookEngine engine, RunLocks locks, PlaybookMetrics metrics, ILogger<AnswerProcessor> logger)
{
    private const int MaxConflictRetries = 5;

    /// <summary>Applies <paramref name="answer"/>. Does not advance the run: call <see cref="PlaybookEngine.AdvanceAsync"/> after an accepted answer.</summary>
    public async Task<AnswerResult> AnswerAsync(PromptAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var scope = logger.BeginScope(PlaybookEngine.RunScope(answer.RunId));
        using var _ = await locks.AcquireAsync(answer.RunId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var run = await store.FindAsync(answer.RunId, cancellationToken).ConfigureAwait(false);
            if (run is null) return new AnswerResult(AnswerOutcome.UnknownRun, $"There is no run {answer.RunId}.");
            var open = run.Prompt;
            var (result, changed) = Apply(run, answer);
            if (!changed) return result;
            try
            {
                await engine.SaveAndDeliverAsync(run, force: false, cancellationToken).ConfigureAwait(false);
                if (result.Outcome == AnswerOutcome.Accepted)
                {
                    Accepted(run, open!);
                    // Only now: a save lost to a crash or a concurrent answer must not have been logged as answered.
                    logger.LogInformation("Run {RunId}: prompt {PromptId} answered {Option} by {Actor}", run.Id, open!.Id, answer.Option, answer.Actor.Id);
                }
                return result;
            }
            catch (RunConcurrencyException) when (attempt < MaxConflictRetries)
            {
                // Another replica changed the run first; read it again and judge the answer against what it now is.
                logger.LogInformation("Run {RunId}: concurrent change while answering {PromptId}; retrying", answer.RunId, answer.PromptId);
            }
        }
    }

    private (AnswerResult Result, bool Changed) Apply(PlaybookRun run, PromptAnswer answer)
    {
        var context = engine.ContextFor(run);
        var prompt = run.Prompt;
        if (prompt is null || prompt.Id != answer.PromptId)
        {
            var closed = run.ClosedPrompts.FirstOrDefault(c => c.Id == answer.PromptId);
            return (new AnswerResult(AnswerOutcome.Stale, closed is null
                ? "That question is no longer open; nothing was changed."
                : $"Already answered by {closed.AnsweredBy} at {closed.At:HH:mm} UTC ({closed.Answer}); nothing was changed."), false);
        }
        var option = prompt.FindOption(answer.Option);
        if (option is null)
            return (new AnswerResult(AnswerOutcome.Invalid, $"'{answer.Option}' is not one of the offered answers.", prompt), false);
        if (option.RequiresApprover && !answer.Actor.IsApprover)
        {
            Record(context, TimelineEntryKind.Refused, prompt, answer, $"{option.Label} (not an approver)");
            return (new AnswerResult(AnswerOutcome.Refused, $"Sorry, only configured approvers may choose \"{option.Label}\". Your attempt was recorded; nothing else changed.", prompt), true);
        }
        string? text = null;
        if (prompt.Kind == PromptKind.Text)
        {
            var error = prompt.Input?.Check(answer.Text) ?? (string.IsNullOrWhiteSpace(answer.Text) ? "An answer is required." : null);
            if (error is not null)
            {
                Record(context, TimelineEntryKind.InvalidAnswer, prompt, answer, $"{answer.Text} — {error}");
                run.Prompt = prompt with { LastError = error };
                run.Outbox.Add(new OutboxMessage { Key = $"{prompt.Id}:reask:{run.Timeline.Count}", Kind = OutboxKind.Ask, Prompt = run.Prompt });
                return (new AnswerResult(AnswerOutcome.Invalid, error, run.Prompt), true);
            }
            text = answer.Text!.Trim();
        }
        IReadOnlyList<Actor> answeredBy = [answer.Actor];
        if (option.RequiredApprovals > 1)
        {
            var approvals = prompt.Approvals.Where(a => a.Option == option.Value).ToList();
            if (approvals.Any(a => a.Actor.Id == answer.Actor.Id))
                return (new AnswerResult(AnswerOutcome.AwaitingMoreApprovals,
                    $"You already approved; {option.RequiredApprovals - approvals.Count} more distinct approver(s) needed.", prompt), false);
            approvals.Add(new Approval(option.Value, answer.Actor, context.Now));
            if (approvals.Count < option.RequiredApprovals)
            {
                Record(context, TimelineEntryKind.Approval, prompt, answer, $"{option.Label} ({approvals.Count}/{option.RequiredApprovals})");
                run.Prompt = prompt with { Approvals = [.. prompt.Approvals, approvals[^1]] };
                run.Outbox.Add(new OutboxMessage { Key = $"{prompt.Id}:approval:{approvals.Count}", Kind = OutboxKind.Ask, Prompt = run.Prompt });
                return (new AnswerResult(AnswerOutcome.AwaitingMoreApprovals,
                    $"Approval recorded ({approvals.Count} of {option.RequiredApprovals}); waiting for {option.RequiredApprovals - approvals.Count} more distinct approver(s).", run.Prompt), true);
            }
            answeredBy = approvals.Select(a => a.Actor).ToList();
        }
        return Accept(run, context, prompt, option, text, answer, answeredBy);
    }

    private (AnswerResult, bool) Accept(PlaybookRun run, SectionContext context, Prompt prompt, PromptOption option, string? text, PromptAnswer answer, IReadOnlyList<Actor> answeredBy)
    {
        run.Prompt = null;
        if (StepFailure.IsEngineOption(option.Value))
        {
            if (option.Value == StepFailure.Abandon)
            {
                run.State = RunState.Abandoned;
                run.FinishedAt = context.Now;
            }
            if (option.Value == StepFailure.Skip)
            {
                var section = engine.Sections[prompt.Section];
                if (!section.CanSkip(run))
                {
                    run.Prompt = prompt;
                    return (new AnswerResult(AnswerOutcome.Stale, "That step can no longer be skipped; nothing was changed.", prompt), false);
                }
                var by = string.Join(", ", answeredBy.Select(a => a.DisplayName));
                run.SkippedSteps.Add(new SkippedStep
                {
                    Section = prompt.Section.ToString(), Step = SectionStates.Of(run, prompt.Section), Error = StepFailure.ErrorOf(prompt), By = by, At = context.Now,
                });
                section.Skip(context);
                context.Record(TimelineEntryKind.Effect, prompt.Section, $"Step skipped by {by}");
            }
        }
        else if (!engine.Sections[prompt.Section].Answer(context, new SectionAnswer(prompt, option, text, answeredBy)))
        {
            run.Prompt = prompt;
            return (new AnswerResult(AnswerOutcome.Stale, "That answer is no longer possible; nothing was changed.", prompt), false);
        }
        var value = text is null ? option.Label : $"{option.Label}: {text}";
        Record(context, TimelineEntryKind.Answer, prompt, answer, value);
        var names = string.Join(", ", answeredBy.Select(a => a.DisplayName));
        run.ClosedPrompts.Add(new ClosedPrompt { Id = prompt.Id, Title = prompt.Title, Answer = value, AnsweredBy = names, At = context.Now });
        run.Outbox.Add(new OutboxMessage
        {
            Key = $"{prompt.Id}:closed", Kind = OutboxKind.PromptClosed,
            Closure = new PromptClosure(prompt, option.Label, text, answeredBy, context.Now, answer.Automatic),
        });
        if (run.State != RunState.Abandoned) run.State = RunState.Running;
        return (new AnswerResult(AnswerOutcome.Accepted, $"Recorded: {value}."), true);
    }

    // Counted only once the save succeeded: a save lost to a concurrent answer is retried and must not count twice.
    private void Accepted(PlaybookRun run, Prompt prompt)
    {
        var closed = run.ClosedPrompts.LastOrDefault(c => c.Id == prompt.Id);
        if (closed is not null) metrics.PromptAnswered(prompt.Section, closed.At - prompt.OpenedAt);
        if (run.State == RunState.Abandoned) metrics.RunFinished(run);
    }

    private static void Record(SectionContext context, TimelineEntryKind kind, Prompt prompt, PromptAnswer answer, string value) =>
        context.Run.Timeline.Add(new TimelineEntry
        {
            At = context.Now, Kind = kind, Section = prompt.Section.ToString(), Actor = answer.Actor.Id, ActorName = answer.Actor.DisplayName,
            PromptId = prompt.Id, Prompt = prompt.Title, Value = value, Automatic = answer.Automatic,
        });
}
