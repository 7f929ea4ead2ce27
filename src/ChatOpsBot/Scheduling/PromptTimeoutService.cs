using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Scheduling;

/// <summary>
/// Reminds analysts of prompts left open and, where configured, answers them with a default. Safe on every
/// replica: a reminder is sent once (the run's optimistic concurrency decides), a default answer is an ordinary
/// answer (a second one is stale).
/// </summary>
public sealed class PromptTimeoutService(
    IOptions<PromptTimeoutOptions> options, IRunStore runs, PlaybookEngine engine, AnswerProcessor answers, IRunWorkQueue queue,
    TimeProvider clock, ILogger<PromptTimeoutService> logger) : BackgroundService
{
    private const int RunsChecked = 500;

    /// <summary>The actor recorded for default answers.</summary>
    public static Actor DefaultActor { get; } = new("system:prompt-timeout", "default answer (prompt expired)", IsApprover: true);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.ReminderAfter is null && o.DefaultAnswers.Count == 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Prompt timeout check failed; retrying at the next interval");
            }
            await Task.Delay(o.CheckInterval, clock, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One pass over the runs awaiting an answer; returns how many reminders and default answers were given.</summary>
    public async Task<(int Reminders, int Defaults)> CheckAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var (reminders, defaults) = (0, 0);
        foreach (var summary in await runs.ListAsync(RunsChecked, cancellationToken).ConfigureAwait(false))
        {
            if (summary.State != RunState.AwaitingAnswer) continue;
            var run = await runs.FindAsync(summary.Id, cancellationToken).ConfigureAwait(false);
            if (run?.Prompt is not { } prompt) continue;
            var waited = now - prompt.OpenedAt;
            if (o.DefaultAnswers.TryGetValue(prompt.Section.ToString(), out var fallback) && waited >= fallback.After
                && prompt.Kind != PromptKind.Text && prompt.FindOption(fallback.Option) is { } option)
            {
                var result = await answers.AnswerAsync(new PromptAnswer(run.Id, prompt.Id, option.Value, null, DefaultActor, Automatic: true), cancellationToken).ConfigureAwait(false);
                if (result.Outcome == AnswerOutcome.Accepted)
                {
                    defaults++;
                    await queue.EnqueueAdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Run {RunId}: prompt {PromptId} answered {Option} by default after {Waited}", run.Id, prompt.Id, option.Value, waited);
                }
                continue;
            }
            if (o.ReminderAfter is { } after && waited >= after && prompt.RemindedAt is null
                && await engine.RemindAsync(run.Id, prompt.Id, cancellationToken).ConfigureAwait(false))
                reminders++;
        }
        return (reminders, defaults);
    }
}
