using System.Text.Json;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Core.Reports;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Terminal;

/// <summary>
/// Terminal mode: starts (or resumes) a run, shows its prompts and answers them from the keyboard, from
/// piped stdin, or with the <c>--auto</c> stand-in. The report, when asked for, is the last thing on stdout.
/// </summary>
public sealed class TerminalSession(
    PlaybookEngine engine, AnswerInbox inbox, AutoAnalyst auto, TerminalConsole console, IOptions<PlaybookOptions> options,
    RunArtifacts artifacts, RunExporter exporter, TerminalRunClaims claims)
{
    /// <summary>Exit code when the run resolved with complete coverage, or resolved a confirmed incident.</summary>
    public const int Resolved = 0;
    /// <summary>Exit code when input ended with a prompt open (resume later).</summary>
    public const int Interrupted = 3;
    /// <summary>Exit code when the run was stopped: by an analyst, or by <c>--auto</c> after a step kept failing.</summary>
    public const int Abandoned = 4;
    /// <summary>Exit code when the run closed without an incident but with gaps in its coverage.</summary>
    public const int Inconclusive = 5;
    /// <summary>Exit code when the run was cancelled (a signal); the verb reports the signal's own code.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the hunt; returns the process exit code.</summary>
    public async Task<int> RunAsync(HuntRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PlaybookRun? run = null;
        await using var claim = claims.Create();
        try
        {
            run = await OpenAsync(request, claim, cancellationToken).ConfigureAwait(false);
            if (run is null) return claim.Refusal is null ? 2 : TerminalRunClaim.Busy;
            var failures = new Dictionary<string, int>(StringComparer.Ordinal);
            while (run.Prompt is { } prompt && run.State == RunState.AwaitingAnswer)
            {
                if (request.Auto)
                {
                    if (StepFailure.IsFailurePrompt(prompt) && GaveUp(run, prompt, failures) is { } reason)
                    {
                        await console.Status.WriteLineAsync($"Stopped: {reason} The run is saved; resume it with: hunt --resume {run.Id}").ConfigureAwait(false);
                        await FinishAsync(request, run, cancellationToken).ConfigureAwait(false);
                        return Abandoned;
                    }
                    var result = await auto.AnswerAsync(prompt, cancellationToken).ConfigureAwait(false);
                    if (result.Outcome != AnswerOutcome.Accepted) await console.Out.WriteLineAsync($"  auto: {result.Message}").ConfigureAwait(false);
                }
                else if (!await AnswerFromInputAsync(prompt, cancellationToken).ConfigureAwait(false))
                {
                    await console.Out.WriteLineAsync().ConfigureAwait(false);
                    await console.Status.WriteLineAsync($"Input ended with a question open. The run is saved; resume with: hunt --resume {run.Id}").ConfigureAwait(false);
                    await FinishAsync(request, run, cancellationToken).ConfigureAwait(false);
                    return Interrupted;
                }
                run = await engine.AdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
            }
            await console.Out.WriteLineAsync().ConfigureAwait(false);
            await WriteOutcomeAsync(run).ConfigureAwait(false);
            await FinishAsync(request, run, cancellationToken).ConfigureAwait(false);
            return run.State switch
            {
                RunState.Resolved => Resolved, RunState.Inconclusive => Inconclusive, RunState.Abandoned => Abandoned, _ => Interrupted,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run was saved after its last finished step; the step under way is redone on resume.
            var hint = run is null ? "Interrupted before the run started." : $"Interrupted. The run is saved; resume it with: hunt --resume {run.Id}";
            await console.Status.WriteLineAsync(hint).ConfigureAwait(false);
            await console.Status.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            return Cancelled;
        }
    }

    private async Task<PlaybookRun?> OpenAsync(HuntRequest request, TerminalRunClaim claim, CancellationToken cancellationToken)
    {
        if (request.Command is ResumeCommand { RunId: var id })
        {
            if (await engine.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                await console.Error.WriteLineAsync($"There is no run {TerminalText.Safe(id)}; `runs list` shows the runs.").ConfigureAwait(false);
                return null;
            }
            // The same answer as the chat channels' resume command gives.
            if (found.State.IsFinished())
            {
                await console.Error.WriteLineAsync($"Run {found.Id} is {found.State}; nothing to resume.").ConfigureAwait(false);
                return null;
            }
            if (!await claim.TryTakeAsync(id, cancellationToken).ConfigureAwait(false))
            {
                await console.Error.WriteLineAsync(claim.Refusal).ConfigureAwait(false);
                return null;
            }
            await console.Out.WriteLineAsync($"Resuming run {id}").ConfigureAwait(false);
            return await engine.ResumeAsync(id, cancellationToken).ConfigureAwait(false);
        }
        // The terminal drives the run itself (prompt by prompt, in this process), so it starts it here rather than
        // queueing it as a chat channel does through ConversationHandler.
        var start = request.Command as StartCommand ?? throw new ArgumentException($"hunt starts or resumes; not {request.Command.GetType().Name}.", nameof(request));
        var settings = new RunSettings
        {
            Feed = request.Feed ?? "", Channel = "terminal", StartedBy = Environment.UserName,
            WindowFrom = start.WindowFrom ?? default, WindowTo = start.WindowTo ?? default, BypassIntelCache = request.NoCache,
        };
        var run = await engine.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        await claim.TryTakeAsync(run.Id, cancellationToken).ConfigureAwait(false);
        await console.Out.WriteLineAsync($"Run {run.Id} started (resume it with: hunt --resume {run.Id})").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"  files: {artifacts.DirectoryFor(run.Id)}").ConfigureAwait(false);
        return await engine.AdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Counts the failures of one step (section and state) in this session; past <c>Playbook:Auto:MaxRetries</c> retries
    /// it returns the reason to stop. A permanent failure (a missing file) would otherwise be retried forever.
    /// </summary>
    private string? GaveUp(PlaybookRun run, Prompt prompt, Dictionary<string, int> failures)
    {
        var key = $"{prompt.Section}:{SectionStates.Of(run, prompt.Section)}";
        var count = failures[key] = failures.GetValueOrDefault(key) + 1;
        var limit = options.Value.Auto.MaxRetries;
        return count <= limit ? null
            : $"the {SectionNames.Friendly(prompt.Section)} step failed {count} time(s) ({limit} automatic retries): {StepFailure.ErrorOf(prompt).TrimEnd('.')}.";
    }

    private async Task WriteOutcomeAsync(PlaybookRun run)
    {
        var gaps = RunCoverage.Gaps(run);
        await console.Status.WriteLineAsync($"Run {run.Id}: {run.State}{(gaps.Count == 0 ? "" : $" — {gaps.Count} coverage gap(s):")}").ConfigureAwait(false);
        foreach (var gap in gaps) await console.Status.WriteLineAsync($"  - {TerminalText.Safe(gap.Text)}").ConfigureAwait(false);
    }

    private async Task<bool> AnswerFromInputAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        while (true)
        {
            await console.Out.WriteAsync("> ").ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            // Console.In reads synchronously even through ReadLineAsync and does not watch the token: read on the pool and
            // wait on the token as well, so a signal ends the wait (the pending read dies with the process).
            var line = await Task.Run(() => console.In.ReadLine(), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (line is null) return false;
            if (console.EchoInput) await console.Out.WriteLineAsync(TerminalText.Safe(line)).ConfigureAwait(false);
            var answer = TerminalAnswerParser.Parse(prompt, line, Environment.UserName, out var error);
            if (answer is null)
            {
                await console.Out.WriteLineAsync($"  {error}").ConfigureAwait(false);
                continue;
            }
            // Stored in the inbox first, like every channel's answers; applied here at once. This session advances the
            // run itself, so no background advance is queued.
            var item = new InboxItem($"terminal:{Guid.NewGuid():N}", "terminal", InboxKind.Answer, answer.RunId, answer, null);
            var result = await inbox.ReceiveAndApplyAsync(item, queueAdvance: false, cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case AnswerOutcome.Accepted:
                    return true;
                case AnswerOutcome.Invalid when result.Prompt is not null && prompt.Kind == PromptKind.Text:
                    return true; // re-asked through the outbox with the reason; the loop reads the next line
                case AnswerOutcome.AwaitingMoreApprovals:
                case AnswerOutcome.Refused:
                    await console.Out.WriteLineAsync($"  {result.Message}").ConfigureAwait(false);
                    if (result.Outcome == AnswerOutcome.AwaitingMoreApprovals) return true;
                    continue;
                default:
                    await console.Out.WriteLineAsync($"  {result.Message}").ConfigureAwait(false);
                    continue;
            }
        }
    }

    /// <summary>Leaves the run's files where the user can open them, then prints the report when asked for.</summary>
    private async Task FinishAsync(HuntRequest request, PlaybookRun run, CancellationToken cancellationToken)
    {
        var latest = await engine.FindAsync(run.Id, cancellationToken).ConfigureAwait(false) ?? run;
        var directory = artifacts.DirectoryFor(latest.Id);
        await exporter.ExportAsync(latest, directory, cancellationToken).ConfigureAwait(false);
        await console.Out.WriteLineAsync($"Files of this run: {directory}").ConfigureAwait(false);
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        switch (request.Report?.ToLowerInvariant())
        {
            case "json":
                await console.Report.WriteLineAsync(JsonSerializer.Serialize(RunReport.From(latest), RunExporter.ReportJson)).ConfigureAwait(false);
                break;
            case "md":
                await console.Report.WriteLineAsync(RunReportMarkdown.Render(latest)).ConfigureAwait(false);
                break;
        }
        await console.Report.FlushAsync(cancellationToken).ConfigureAwait(false);
        await console.Status.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
