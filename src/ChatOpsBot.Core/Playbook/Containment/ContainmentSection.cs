using System.Globalization;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using Stateless;
using Stateless.Reflection;

namespace ChatOpsBot.Core.Playbook.Containment;

/// <summary>
/// Section 3: for each compromised host, the analyst calls the helpdesk (asset collection, AD credential
/// rotation, P1) and enters the helpdesk ticket number, which is recorded on our ticket.
/// </summary>
public sealed class ContainmentSection : IPlaybookSection
{
    /// <inheritdoc />
    public PlaybookSection Id => PlaybookSection.Containment;

    /// <summary>The Containment machine over <paramref name="run"/>'s persisted state.</summary>
    /// <param name="run">The run.</param>
    /// <param name="helpdeskPattern">The configured helpdesk ticket pattern (the guard of <see cref="ContainmentTrigger.SubmitHelpdeskTicket"/>).</param>
    /// <param name="context">Records transitions when given.</param>
    public static (StateMachine<ContainmentState, ContainmentTrigger> Machine, StateMachine<ContainmentState, ContainmentTrigger>.TriggerWithParameters<string> Submit)
        CreateMachine(PlaybookRun run, string helpdeskPattern, SectionContext? context = null)
    {
        var machine = new StateMachine<ContainmentState, ContainmentTrigger>(
            () => MachineTransitions.Parse<ContainmentState>(run.Containment.State), s => run.Containment.State = s.ToString());
        var submit = machine.SetTriggerParameters<string>(ContainmentTrigger.SubmitHelpdeskTicket);
        bool pending() => run.Hosts.Any(h => h.Status != HostStatus.Contained);
        machine.Configure(ContainmentState.Idle)
            .PermitIf(ContainmentTrigger.NextHostSelected, ContainmentState.AwaitingHelpdeskCall, pending, "a compromised host is not contained yet")
            .PermitIf(ContainmentTrigger.AllHostsContained, ContainmentState.Completed, () => !pending(), "every compromised host is contained");
        machine.Configure(ContainmentState.AwaitingHelpdeskCall)
            .Permit(ContainmentTrigger.ConfirmHelpdeskCall, ContainmentState.AwaitingHelpdeskTicket);
        machine.Configure(ContainmentState.AwaitingHelpdeskTicket)
            .PermitIf(submit, ContainmentState.RecordingHelpdeskTicket,
                number => Regex.IsMatch(number, helpdeskPattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)),
                "the number matches the helpdesk ticket pattern");
        machine.Configure(ContainmentState.RecordingHelpdeskTicket)
            .Permit(ContainmentTrigger.HelpdeskTicketRecorded, ContainmentState.Idle);
        machine.Configure(ContainmentState.Completed)
            .PermitIf(ContainmentTrigger.PivotHostsArrived, ContainmentState.Idle, pending, "a pivot confirmed new compromised hosts");
        return (machine.RecordedBy(PlaybookSection.Containment, context), submit);
    }

    /// <inheritdoc />
    public StateMachineInfo Describe() => CreateMachine(new PlaybookRun(), ".*").Machine.GetInfo();

    /// <inheritdoc />
    public bool HasWork(PlaybookRun run) =>
        run.Containment.State != nameof(ContainmentState.Completed) || run.Hosts.Any(h => h.Status != HostStatus.Contained);

    /// <inheritdoc />
    public async Task StepAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var (machine, _) = CreateMachine(run, context.Options.HelpdeskTicketPattern, context);
        switch (machine.State)
        {
            case ContainmentState.Completed:
                machine.Fire(ContainmentTrigger.PivotHostsArrived);
                break;
            case ContainmentState.Idle:
                var next = run.Hosts.FirstOrDefault(h => h.Status != HostStatus.Contained);
                if (next is null) { machine.Fire(ContainmentTrigger.AllHostsContained); break; }
                if (!next.AssetLookedUp)
                {
                    var asset = await context.Ports.Assets.FindByHostAsync(next.Host, cancellationToken).ConfigureAwait(false);
                    (next.User, next.Email, next.AssetLookedUp) = (asset?.User, asset?.Email, true);
                }
                run.Containment.CurrentHost = next.Host;
                machine.Fire(ContainmentTrigger.NextHostSelected);
                break;
            case ContainmentState.AwaitingHelpdeskCall:
                AskHelpdeskCall(context, machine);
                break;
            case ContainmentState.AwaitingHelpdeskTicket:
                AskHelpdeskTicket(context);
                break;
            case ContainmentState.RecordingHelpdeskTicket:
                await RecordAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(ContainmentTrigger.HelpdeskTicketRecorded);
                break;
        }
    }

    /// <inheritdoc />
    public bool CanSkip(PlaybookRun run) => MachineTransitions.Parse<ContainmentState>(run.Containment.State) switch
    {
        ContainmentState.Idle => run.Hosts.FirstOrDefault(h => h.Status != HostStatus.Contained) is { AssetLookedUp: false },
        ContainmentState.RecordingHelpdeskTicket => true,
        _ => false,
    };

    /// <inheritdoc />
    public void Skip(SectionContext context)
    {
        var run = context.Run;
        var (machine, _) = CreateMachine(run, context.Options.HelpdeskTicketPattern, context);
        if (machine.State == ContainmentState.Idle)
        {
            // The asset inventory is down: contain the host without knowing its user.
            var next = run.Hosts.First(h => h.Status != HostStatus.Contained);
            next.AssetLookedUp = true;
            run.Containment.CurrentHost = next.Host;
            machine.Fire(ContainmentTrigger.NextHostSelected);
            return;
        }
        var host = Current(run);
        host.Status = HostStatus.Contained;
        context.Notify(Id, NotificationKind.Finding, $"containment:{host.Host}", $"{host.Host} contained: helpdesk ticket {host.HelpdeskTicket} (not recorded on our ticket)",
            "The ticket step failed and an analyst skipped it: add the helpdesk number to the incident by hand.");
        machine.Fire(ContainmentTrigger.HelpdeskTicketRecorded);
    }

    /// <inheritdoc />
    public bool Answer(SectionContext context, SectionAnswer answer)
    {
        var (machine, submit) = CreateMachine(context.Run, context.Options.HelpdeskTicketPattern, context);
        var host = Current(context.Run);
        switch (answer.Trigger<ContainmentTrigger>())
        {
            case ContainmentTrigger.ConfirmHelpdeskCall when machine.CanFire(ContainmentTrigger.ConfirmHelpdeskCall):
                host.Status = HostStatus.ChecklistConfirmed;
                machine.Fire(ContainmentTrigger.ConfirmHelpdeskCall);
                return true;
            case ContainmentTrigger.SubmitHelpdeskTicket when machine.CanFire(submit, answer.Text ?? ""):
                host.HelpdeskTicket = answer.Text;
                machine.Fire(submit, answer.Text ?? "");
                return true;
            default:
                return false;
        }
    }

    private void AskHelpdeskCall(SectionContext context, StateMachine<ContainmentState, ContainmentTrigger> machine)
    {
        var host = Current(context.Run);
        var user = host.User ?? "(not in the asset inventory)";
        var options = PromptOptions.From(machine.CanFire,
        [
            (ContainmentTrigger.ConfirmHelpdeskCall, new PromptOption(nameof(ContainmentTrigger.ConfirmHelpdeskCall),
                "Helpdesk called: all requested", OptionStyle.Primary, RequiresApprover: true, RequiredApprovals: context.Options.Approvals.Containment)),
        ]);
        context.Ask(Id, PromptKind.Confirm, $"Call the helpdesk to contain {host.Host}", options,
            $"Call the helpdesk now and request: (1) collection of the asset, (2) rotation of the user's AD credentials, (3) priority {context.Options.Priority}. Confirm once all three are requested.",
            [
                new Fact("Host", host.Host), new Fact("User", user), new Fact("Email", host.Email ?? "-"),
                new Fact("C2 IPs", string.Join(", ", host.RemoteIps)), new Fact("Ticket", context.Run.Ticket?.Id ?? "-"),
                new Fact("Priority", context.Options.Priority),
            ],
            suggestion: nameof(ContainmentTrigger.ConfirmHelpdeskCall));
    }

    private void AskHelpdeskTicket(SectionContext context)
    {
        var run = context.Run;
        var host = Current(run);
        var sequence = run.Hosts.IndexOf(host) + 1;
        context.Ask(Id, PromptKind.Text, $"Helpdesk ticket number for {host.Host}?",
            [new PromptOption(nameof(ContainmentTrigger.SubmitHelpdeskTicket), "Record helpdesk ticket", OptionStyle.Primary, RequiresApprover: true)],
            "Enter the number the helpdesk gave you; it is recorded on our incident ticket.",
            [new Fact("Host", host.Host), new Fact("User", host.User ?? "-"), new Fact("Ticket", run.Ticket?.Id ?? "-")],
            new TextInputRule("Helpdesk ticket number", context.Options.HelpdeskTicketPattern, context.Options.HelpdeskTicketHint,
                Placeholder: string.Format(CultureInfo.InvariantCulture, context.Options.Auto.HelpdeskTicketFormat, 123456), MaxLength: 64),
            suggestion: nameof(ContainmentTrigger.SubmitHelpdeskTicket),
            suggestedText: string.Format(CultureInfo.InvariantCulture, context.Options.Auto.HelpdeskTicketFormat, sequence));
    }

    private async Task RecordAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var host = Current(run);
        if (run.Ticket is not null)
        {
            await context.Ports.Ticketing.CommentAsync(run.Ticket.Id,
                $"Containment of {host.Host}: helpdesk ticket {host.HelpdeskTicket} (asset collection, AD credential rotation for {host.User ?? "unknown user"}, priority {context.Options.Priority}).",
                context.Key($"helpdesk:{host.Host}"), cancellationToken).ConfigureAwait(false);
            context.Record(TimelineEntryKind.Effect, Id, $"Helpdesk ticket {host.HelpdeskTicket} recorded on {run.Ticket.Id}");
        }
        host.Status = HostStatus.Contained;
        context.Notify(Id, NotificationKind.Finding, $"containment:{host.Host}", $"{host.Host} contained: helpdesk ticket {host.HelpdeskTicket}",
            "Asset collection and AD credential rotation requested.",
            [new Fact("Host", host.Host), new Fact("User", host.User ?? "-"), new Fact("Helpdesk ticket", host.HelpdeskTicket ?? "-"), new Fact("Ticket", run.Ticket?.Id ?? "-")]);
    }

    private static CompromisedHost Current(PlaybookRun run) =>
        run.FindHost(run.Containment.CurrentHost ?? "") ?? throw new InvalidOperationException($"Run {run.Id}: no host under containment.");
}
