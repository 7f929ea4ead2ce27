using System.Text.Json;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Core.Reports;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Terminal;

/// <summary>
/// Terminal mode: starts (or resumes) a run, shows its prompts and answers them from the keyboard, from
/// piped stdin, or with the <c>--auto</c> stand-in. The report, when asked for, is the last thing on stdout.
/// </summary>
public sealed class TerminalSession(PlaybookEngine engine, AnswerInbox inbox, AutoAnalyst auto, TerminalConsole console)
{
    /// <summary>Exit code when the run resolved.</summary>
    public const int Resolved = 0;
    /// <summary>Exit code when input ended with a prompt open (resume later).</summary>
    public const int Interrupted = 3;
    /// <summary>Exit code when the analyst stopped the run.</summary>
    public const int Abandoned = 4;

    // The report is read by people and scripts, not embedded in HTML: keep <, > and quotes readable.
    private static readonly JsonSerializerOptions ReportJson = new(RunJson.Options)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs the hunt; returns the process exit code.</summary>
    public async Task<int> RunAsync(HuntRequest request, CancellationToken cancellationToken)
    {
        PlaybookRun run;
        if (request.ResumeRunId is { } id)
        {
            if (await engine.FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                await console.Out.WriteLineAsync($"There is no run {TerminalText.Safe(id)}; `runs list` shows the runs.").ConfigureAwait(false);
                return 2;
            }
            await console.Out.WriteLineAsync($"Resuming run {id}").ConfigureAwait(false);
            run = await engine.ResumeAsync(id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var settings = new RunSettings
            {
                Feed = request.Feed ?? "", Channel = "terminal", StartedBy = Environment.UserName,
                WindowFrom = request.WindowFrom ?? default, WindowTo = request.WindowTo ?? default,
            };
            run = await engine.StartAsync(settings, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Run {run.Id} started (resume it with: hunt --resume {run.Id})").ConfigureAwait(false);
            run = await engine.AdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
        }
        while (run.Prompt is { } prompt && run.State == RunState.AwaitingAnswer)
        {
            if (request.Auto)
            {
                var result = await auto.AnswerAsync(prompt, cancellationToken).ConfigureAwait(false);
                if (result.Outcome != AnswerOutcome.Accepted) await console.Out.WriteLineAsync($"  auto: {result.Message}").ConfigureAwait(false);
            }
            else if (!await AnswerFromInputAsync(prompt, cancellationToken).ConfigureAwait(false))
            {
                await console.Out.WriteLineAsync().ConfigureAwait(false);
                await console.Out.WriteLineAsync($"Input ended with a question open. The run is saved; resume with: hunt --resume {run.Id}").ConfigureAwait(false);
                await WriteReportAsync(request, run).ConfigureAwait(false);
                return Interrupted;
            }
            run = await engine.AdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
        }
        await console.Out.WriteLineAsync().ConfigureAwait(false);
        await console.Out.WriteLineAsync($"Run {run.Id}: {run.State}").ConfigureAwait(false);
        await WriteReportAsync(request, run).ConfigureAwait(false);
        return run.State switch { RunState.Resolved => Resolved, RunState.Abandoned => Abandoned, _ => Interrupted };
    }

    private async Task<bool> AnswerFromInputAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        while (true)
        {
            await console.Out.WriteAsync("> ").ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            var line = await console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task WriteReportAsync(HuntRequest request, PlaybookRun run)
    {
        switch (request.Report?.ToLowerInvariant())
        {
            case "json":
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(RunReport.From(run), ReportJson)).ConfigureAwait(false);
                break;
            case "md":
                await console.Out.WriteLineAsync(RunReportMarkdown.Render(run)).ConfigureAwait(false);
                break;
        }
        await console.Out.FlushAsync().ConfigureAwait(false);
    }
}
