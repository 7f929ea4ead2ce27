using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.ShiftLogs;
using Stateless;
using Stateless.Reflection;

namespace ChatOpsBot.Core.Playbook.Closure;

/// <summary>
/// Section 6: once no compromised host is left open, resolve the incident, ask whether anything was unusual
/// (post-mortem flag with the analyst's words) and append the run to the shift log.
/// </summary>
public sealed class ClosureSection : IPlaybookSection
{
    private static readonly IReadOnlyList<(ClosureTrigger, PromptOption)> UnusualTriggers =
    [
        (ClosureTrigger.ReportNothingUnusual, new PromptOption(nameof(ClosureTrigger.ReportNothingUnusual), "Nothing unusual", OptionStyle.Primary)),
        (ClosureTrigger.FlagUnusual, new PromptOption(nameof(ClosureTrigger.FlagUnusual), "Flag for post-mortem…", OptionStyle.Danger)),
    ];

    /// <inheritdoc />
    public PlaybookSection Id => PlaybookSection.Closure;

    /// <summary>True when nothing is left open: every IP decided and every compromised host contained.</summary>
    public static bool NothingPending(PlaybookRun run) =>
        run.RemoteIps.All(r => r.Status != IpVerdictStatus.Pending) && run.Hosts.All(h => h.Status == HostStatus.Contained);

    /// <summary>The Closure machine over <paramref name="run"/>'s persisted state.</summary>
    public static (StateMachine<ClosureState, ClosureTrigger> Machine, StateMachine<ClosureState, ClosureTrigger>.TriggerWithParameters<string> Describe)
        CreateMachine(PlaybookRun run, SectionContext? context = null)
    {
        var machine = new StateMachine<ClosureState, ClosureTrigger>(
            () => MachineTransitions.Parse<ClosureState>(run.Closure.State), s => run.Closure.State = s.ToString());
        var describe = machine.SetTriggerParameters<string>(ClosureTrigger.DescribeUnusual);
        machine.Configure(ClosureState.Idle)
            .PermitIf(ClosureTrigger.Began, ClosureState.AwaitingCloseApproval, () => NothingPending(run), "no further compromised hosts");
        machine.Configure(ClosureState.AwaitingCloseApproval).Permit(ClosureTrigger.ConfirmClose, ClosureState.ResolvingIncident);
        machine.Configure(ClosureState.ResolvingIncident).Permit(ClosureTrigger.IncidentResolved, ClosureState.AwaitingUnusualAnswer);
        machine.Configure(ClosureState.AwaitingUnusualAnswer)
            .Permit(ClosureTrigger.ReportNothingUnusual, ClosureState.WritingShiftLog)
            .Permit(ClosureTrigger.FlagUnusual, ClosureState.AwaitingUnusualDetails);
        machine.Configure(ClosureState.AwaitingUnusualDetails)
            .PermitIf(describe, ClosureState.WritingShiftLog, words => !string.IsNullOrWhiteSpace(words), "the analyst described what was unusual");
        machine.Configure(ClosureState.WritingShiftLog).Permit(ClosureTrigger.ShiftLogWritten, ClosureState.Resolved);
        return (machine.RecordedBy(PlaybookSection.Closure, context), describe);
    }

    /// <inheritdoc />
    public StateMachineInfo Describe() => CreateMachine(new PlaybookRun()).Machine.GetInfo();

    /// <inheritdoc />
    public bool HasWork(PlaybookRun run) => run.Closure.State != nameof(ClosureState.Resolved);

    /// <inheritdoc />
    public async Task StepAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var (machine, _) = CreateMachine(run, context);
        switch (machine.State)
        {
            case ClosureState.Idle:
                machine.Fire(ClosureTrigger.Began);
                break;
            case ClosureState.AwaitingCloseApproval:
                AskClose(context, run);
                break;
            case ClosureState.ResolvingIncident:
                if (run.Ticket is not null)
                {
                    await context.Ports.Ticketing.ResolveAsync(run.Ticket.Id, string.Join(Environment.NewLine, RunSummaryLines.Lines(run)),
                        context.Key("resolve"), cancellationToken).ConfigureAwait(false);
                    context.Record(TimelineEntryKind.Effect, Id, $"Ticket {run.Ticket.Id} resolved");
                    context.Notify(Id, NotificationKind.Finding, "closure:resolved", $"Incident {run.Ticket.Id} resolved");
                }
                machine.Fire(ClosureTrigger.IncidentResolved);
                break;
            case ClosureState.AwaitingUnusualAnswer:
                var spread = run.Hosts.Count(h => h.Origin == HitOrigin.Pivot);
                context.Ask(Id, PromptKind.Choice, "Anything unusual to flag for the post-mortem?", PromptOptions.From(machine.CanFire, UnusualTriggers),
                    "Flag the run when something about it should be discussed (new technique, spread, tooling gaps).", RunSummaryLines.Facts(run),
                    suggestion: spread > 0 ? nameof(ClosureTrigger.FlagUnusual) : nameof(ClosureTrigger.ReportNothingUnusual));
                break;
            case ClosureState.AwaitingUnusualDetails:
                var pivotHosts = run.Hosts.Count(h => h.Origin == HitOrigin.Pivot);
                context.Ask(Id, PromptKind.Text, "What was unusual?",
                    [new PromptOption(nameof(ClosureTrigger.DescribeUnusual), "Flag for post-mortem", OptionStyle.Danger)],
                    "Your words go into the shift log with the post-mortem flag.", [],
                    new TextInputRule("What was unusual", null, "Describe what was unusual.", MaxLength: 1000),
                    suggestion: nameof(ClosureTrigger.DescribeUnusual),
                    suggestedText: $"A pivot found {pivotHosts.ToString(CultureInfo.InvariantCulture)} compromised host(s) that the C2 feed alone missed.");
                break;
            case ClosureState.WritingShiftLog:
                var analysts = run.Timeline.Where(t => t.Kind is TimelineEntryKind.Answer or TimelineEntryKind.Approval)
                    .Select(t => t.ActorName).Distinct().ToList();
                await context.Ports.ShiftLog.AppendAsync(new ShiftLogEntry(run.Id, context.Now, analysts, RunSummaryLines.Lines(run),
                    run.Closure.FlaggedForPostMortem ? run.Closure.PostMortem : null), cancellationToken).ConfigureAwait(false);
                context.Record(TimelineEntryKind.Effect, Id, "Shift log written");
                context.Notify(Id, NotificationKind.Summary, "closure:summary", ClosingTitle(run),
                    run.Closure.FlaggedForPostMortem ? "Flagged for post-mortem." : "", RunSummaryLines.Facts(run), broadcast: true);
                machine.Fire(ClosureTrigger.ShiftLogWritten);
                break;
        }
    }

    /// <summary>The closing message's headline: clean only when nothing was missed.</summary>
    public static string ClosingTitle(PlaybookRun run)
    {
        var gaps = RunCoverage.Gaps(run).Count;
        if (run.Ticket is not null)
            return gaps == 0 ? $"Hunt closed: {run.Ticket.Id} resolved" : $"Hunt closed: {run.Ticket.Id} resolved — {Plural(gaps, "coverage gap")} listed";
        return gaps == 0 ? "Hunt closed: no C2 traffic" : $"Hunt inconclusive: no incident confirmed, but {Plural(gaps, "coverage gap")}";
    }

    private void AskClose(SectionContext context, PlaybookRun run)
    {
        var gaps = RunCoverage.Gaps(run);
        var title = run.Ticket is not null ? $"Resolve incident {run.Ticket.Id} and close the hunt?"
            : gaps.Count == 0 ? "Close the hunt?" : "Close the hunt as inconclusive?";
        var text = gaps.Count == 0
            ? "No compromised host is left open."
            : $"No compromised host is left open, but NOT everything was examined ({Plural(gaps.Count, "gap")} below)."
              + (run.Ticket is null ? " The run will close as Inconclusive, not as a clean day." : " The gaps go into the ticket and the shift log.");
        context.Ask(Id, PromptKind.Confirm, title,
            [new PromptOption(nameof(ClosureTrigger.ConfirmClose), "Close", OptionStyle.Primary, RequiresApprover: true, RequiredApprovals: context.Options.Approvals.Closure)],
            text, RunSummaryLines.Facts(run), suggestion: nameof(ClosureTrigger.ConfirmClose));
    }

    private static string Plural(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    /// <inheritdoc />
    public bool CanSkip(PlaybookRun run) =>
        MachineTransitions.Parse<ClosureState>(run.Closure.State) is ClosureState.ResolvingIncident or ClosureState.WritingShiftLog;

    /// <inheritdoc />
    public void Skip(SectionContext context)
    {
        var (machine, _) = CreateMachine(context.Run, context);
        var resolving = machine.State == ClosureState.ResolvingIncident;
        context.Notify(Id, NotificationKind.Finding, resolving ? "closure:resolve-skipped" : "closure:shiftlog-skipped",
            resolving ? "The incident ticket was not resolved: resolve it by hand" : "The shift log was not written: add this run by hand",
            "", RunSummaryLines.Facts(context.Run));
        machine.Fire(resolving ? ClosureTrigger.IncidentResolved : ClosureTrigger.ShiftLogWritten);
    }

    /// <inheritdoc />
    public bool Answer(SectionContext context, SectionAnswer answer)
    {
        var run = context.Run;
        var (machine, describe) = CreateMachine(run, context);
        var trigger = answer.Trigger<ClosureTrigger>();
        if (trigger == ClosureTrigger.DescribeUnusual)
        {
            if (!machine.CanFire(describe, answer.Text ?? "")) return false;
            run.Closure.PostMortem = answer.Text;
            machine.Fire(describe, answer.Text ?? "");
            return true;
        }
        if (!machine.CanFire(trigger)) return false;
        if (trigger == ClosureTrigger.FlagUnusual) run.Closure.FlaggedForPostMortem = true;
        machine.Fire(trigger);
        return true;
    }
}
