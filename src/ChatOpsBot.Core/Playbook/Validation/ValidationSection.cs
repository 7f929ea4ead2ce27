using System.Globalization;
using System.Net;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Ticketing;
using Stateless;
using Stateless.Reflection;

namespace ChatOpsBot.Core.Playbook.Validation;

/// <summary>
/// Section 2: for each remote IP, show the intel verdict and pulses and let the analyst decide. Malware opens
/// the incident ticket (one per incident; later IPs and hosts are added to it). Pivot hits come back here.
/// A batch of at least <see cref="PlaybookOptions.TriageThreshold"/> pending IPs is triaged first: intel for all
/// of them, then one decision dismisses those intel has nothing against; the rest go one by one.
/// </summary>
public sealed class ValidationSection : IPlaybookSection
{
    private static readonly IReadOnlyList<(ValidationTrigger, PromptOption)> AnalystTriggers =
    [
        (ValidationTrigger.ConfirmMalware, new PromptOption(nameof(ValidationTrigger.ConfirmMalware), "Tied to malware", OptionStyle.Danger, RequiresApprover: true)),
        (ValidationTrigger.DismissAsBenign, new PromptOption(nameof(ValidationTrigger.DismissAsBenign), "Not malicious")),
        // Dismissing many is still dismissing: open to every analyst, as DismissAsBenign is.
        (ValidationTrigger.DismissUnflagged, new PromptOption(nameof(ValidationTrigger.DismissUnflagged), "Dismiss those without malware intel", OptionStyle.Primary)),
        (ValidationTrigger.ReviewEach, new PromptOption(nameof(ValidationTrigger.ReviewEach), "Review each IP")),
    ];

    /// <inheritdoc />
    public PlaybookSection Id => PlaybookSection.Validation;

    /// <summary>The Validation machine over <paramref name="run"/>'s persisted state.</summary>
    /// <param name="run">The run.</param>
    /// <param name="triageThreshold">The configured <see cref="PlaybookOptions.TriageThreshold"/> (0: never triage).</param>
    /// <param name="context">Records transitions when given.</param>
    public static StateMachine<ValidationState, ValidationTrigger> CreateMachine(PlaybookRun run, int triageThreshold, SectionContext? context = null)
    {
        var machine = new StateMachine<ValidationState, ValidationTrigger>(
            () => MachineTransitions.Parse<ValidationState>(run.Validation.State), s => run.Validation.State = s.ToString());
        bool pending() => run.RemoteIps.Any(ValidationTriage.IsPending);
        bool triageDue() => triageThreshold > 0 && !run.Validation.BatchTriaged && run.RemoteIps.Count(ValidationTriage.IsPending) >= triageThreshold;
        bool lacksIntel() => ValidationTriage.LacksIntel(run);
        bool enoughUnflagged() => triageThreshold > 0 && ValidationTriage.Unflagged(run).Count >= triageThreshold;
        machine.Configure(ValidationState.Idle)
            .PermitIf(ValidationTrigger.NextIpSelected, ValidationState.LookingUpIntel,
                new Tuple<Func<bool>, string>(pending, "an IP awaits a verdict"), new Tuple<Func<bool>, string>(() => !triageDue(), "no batch awaits triage"))
            .PermitIf(ValidationTrigger.BatchSelected, ValidationState.LookingUpIntelForAll, triageDue, "enough IPs await a verdict to triage them together")
            .PermitIf(ValidationTrigger.AllIpsValidated, ValidationState.Completed, () => !pending(), "every IP has a verdict");
        machine.Configure(ValidationState.LookingUpIntelForAll)
            .PermitReentryIf(ValidationTrigger.BatchIntelReceived, lacksIntel, "IPs of the batch still lack intel")
            .PermitIf(ValidationTrigger.BatchIntelReceived, ValidationState.AwaitingTriage,
                () => !lacksIntel() && enoughUnflagged(), "enough IPs of the batch have no malware intel")
            .PermitIf(ValidationTrigger.BatchIntelReceived, ValidationState.Idle,
                () => !lacksIntel() && !enoughUnflagged(), "intel flags too many of the batch to triage");
        machine.Configure(ValidationState.AwaitingTriage)
            .Permit(ValidationTrigger.DismissUnflagged, ValidationState.Idle)
            .Permit(ValidationTrigger.ReviewEach, ValidationState.Idle);
        machine.Configure(ValidationState.LookingUpIntel).Permit(ValidationTrigger.IntelReceived, ValidationState.AwaitingVerdict);
        machine.Configure(ValidationState.AwaitingVerdict)
            .Permit(ValidationTrigger.ConfirmMalware, ValidationState.RecordingTicket)
            .Permit(ValidationTrigger.DismissAsBenign, ValidationState.Idle);
        machine.Configure(ValidationState.RecordingTicket).Permit(ValidationTrigger.TicketRecorded, ValidationState.Idle);
        machine.Configure(ValidationState.Completed)
            .PermitIf(ValidationTrigger.PivotHitsArrived, ValidationState.Idle, pending, "a pivot found new IPs");
        return machine.RecordedBy(PlaybookSection.Validation, context);
    }

    /// <inheritdoc />
    public StateMachineInfo Describe() => CreateMachine(new PlaybookRun(), new PlaybookOptions().TriageThreshold).GetInfo();

    /// <inheritdoc />
    public bool HasWork(PlaybookRun run) =>
        run.Validation.State != nameof(ValidationState.Completed) || run.RemoteIps.Any(r => r.Status == IpVerdictStatus.Pending);

    /// <inheritdoc />
    public async Task StepAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var machine = CreateMachine(run, context.Options.TriageThreshold, context);
        switch (machine.State)
        {
            case ValidationState.Completed:
                // Only here do new IPs arrive (the scheduler runs Pivot once Validation is done): a new batch.
                run.Validation.BatchTriaged = false;
                machine.Fire(ValidationTrigger.PivotHitsArrived);
                break;
            case ValidationState.Idle when machine.CanFire(ValidationTrigger.BatchSelected):
                machine.Fire(ValidationTrigger.BatchSelected);
                run.Validation.BatchTriaged = true;
                break;
            case ValidationState.Idle:
                var next = run.RemoteIps.FirstOrDefault(r => r.Status == IpVerdictStatus.Pending);
                run.Validation.CurrentIp = next?.Ip;
                machine.Fire(next is null ? ValidationTrigger.AllIpsValidated : ValidationTrigger.NextIpSelected);
                break;
            case ValidationState.LookingUpIntelForAll:
                await ValidationTriage.LookUpNextAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(ValidationTrigger.BatchIntelReceived);
                break;
            case ValidationState.AwaitingTriage:
                ValidationTriage.Ask(context, PromptOptions.From(machine.CanFire, AnalystTriggers));
                break;
            case ValidationState.LookingUpIntel:
                var current = Current(run);
                // The batch look-up of a triage may already have brought it.
                if (current.Intel is null)
                {
                    var total = run.RemoteIps.Count(ValidationTriage.IsPending);
                    using var progress = new IntelLookupProgress(context, Id, total - run.RemoteIps.Count(r => ValidationTriage.IsPending(r) && r.Intel is null),
                        done => $"{done.ToString(CultureInfo.InvariantCulture)} of {total.ToString(CultureInfo.InvariantCulture)} IPs");
                    current.Intel = await progress.Intel.LookupIpAsync(IPAddress.Parse(current.Ip), cancellationToken).ConfigureAwait(false);
                }
                machine.Fire(ValidationTrigger.IntelReceived);
                break;
            case ValidationState.AwaitingVerdict:
                AskVerdict(context, machine);
                break;
            case ValidationState.RecordingTicket:
                await RecordOnTicketAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(ValidationTrigger.TicketRecorded);
                break;
        }
    }

    /// <inheritdoc />
    public bool CanSkip(PlaybookRun run) =>
        MachineTransitions.Parse<ValidationState>(run.Validation.State)
            is ValidationState.LookingUpIntelForAll or ValidationState.LookingUpIntel or ValidationState.RecordingTicket;

    /// <inheritdoc />
    public void Skip(SectionContext context)
    {
        var run = context.Run;
        var machine = CreateMachine(run, context.Options.TriageThreshold, context);
        if (machine.State == ValidationState.LookingUpIntelForAll)
        {
            ValidationTriage.MarkIntelUnavailable(run);
            machine.Fire(ValidationTrigger.BatchIntelReceived);
            return;
        }
        var current = Current(run);
        if (machine.State == ValidationState.LookingUpIntel)
        {
            // The analyst decides without intel; the prompt says so.
            current.Intel = new IpIntel(Verdict.Unknown, [], ValidationTriage.SkippedSource);
            machine.Fire(ValidationTrigger.IntelReceived);
            return;
        }
        var hosts = RecordCompromisedHosts(run, current);
        context.Notify(Id, NotificationKind.Finding, $"validation:ticket-skipped:{current.Ip}", $"{current.Ip} confirmed as C2; the ticket was not updated",
            "The ticket step failed and an analyst skipped it: record this on the incident by hand.", [new Fact("Hosts", string.Join(", ", hosts))]);
        machine.Fire(ValidationTrigger.TicketRecorded);
    }

    /// <inheritdoc />
    public bool Answer(SectionContext context, SectionAnswer answer)
    {
        var machine = CreateMachine(context.Run, context.Options.TriageThreshold, context);
        var trigger = answer.Trigger<ValidationTrigger>();
        if (!machine.CanFire(trigger)) return false;
        if (trigger is ValidationTrigger.DismissUnflagged or ValidationTrigger.ReviewEach)
        {
            if (trigger == ValidationTrigger.DismissUnflagged) ValidationTriage.Dismiss(context, answer);
            machine.Fire(trigger);
            return true;
        }
        var current = Current(context.Run);
        current.Status = trigger == ValidationTrigger.ConfirmMalware ? IpVerdictStatus.Malware : IpVerdictStatus.NotMalicious;
        current.DecidedBy = answer.Names;
        // No separate "dismissed" message: the answered prompt shows who dismissed it and when, the timeline keeps it.
        machine.Fire(trigger);
        return true;
    }

    private void AskVerdict(SectionContext context, StateMachine<ValidationState, ValidationTrigger> machine)
    {
        var run = context.Run;
        var current = Current(run);
        var hits = run.Hits.Where(h => h.RemoteIp == current.Ip).ToList();
        var intel = current.Intel ?? new IpIntel(Verdict.Unknown, [], "none");
        var facts = new List<Fact>
        {
            new("Remote IP", current.Ip),
            new("Found by", current.Origin == HitOrigin.Hunt ? "the hunt (C2 feed)" : $"a pivot from {hits.FirstOrDefault()?.PivotOf}"),
            new("Hosts", string.Join(", ", hits.Select(h => h.Host).Distinct(StringComparer.OrdinalIgnoreCase))),
            new("Connections", hits.Sum(h => h.Connections).ToString(CultureInfo.InvariantCulture)),
            new("Intel verdict", $"{intel.Verdict} ({intel.Source})"),
        };
        if (intel.Detail.Length > 0) facts.Add(new Fact("Intel detail", intel.Detail));
        if (intel.CachedAt is { } cachedAt) facts.Add(new Fact("Intel age", CacheAge(cachedAt, context.Now)));
        facts.AddRange(intel.Pulses.Take(10).Select(p => new Fact("Pulse", Describe(p))));
        var options = PromptOptions.From(machine.CanFire, AnalystTriggers)
            .Select(o => o.Value == nameof(ValidationTrigger.ConfirmMalware) ? o with { RequiredApprovals = context.Options.Approvals.Validation } : o)
            .ToList();
        context.Ask(Id, PromptKind.Choice, $"Is {current.Ip} tied to malware?", options,
            "Check the intel below and confirm. Tied to malware opens (or extends) the incident ticket.", facts,
            suggestion: intel.Verdict == Verdict.Malicious ? nameof(ValidationTrigger.ConfirmMalware) : nameof(ValidationTrigger.DismissAsBenign));
    }

    // Every host that talked to a confirmed C2 IP is compromised, whether or not the ticket could be updated.
    private static List<string> RecordCompromisedHosts(PlaybookRun run, RemoteIpCase current)
    {
        var hosts = run.Hits.Where(h => h.RemoteIp == current.Ip).Select(h => h.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var host in hosts)
        {
            var record = run.FindHost(host);
            if (record is null) run.Hosts.Add(record = new CompromisedHost { Host = host, Origin = current.Origin });
            if (!record.RemoteIps.Contains(current.Ip)) record.RemoteIps.Add(current.Ip);
        }
        return hosts;
    }

    private async Task RecordOnTicketAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var current = Current(run);
        var hosts = RecordCompromisedHosts(run, current);
        var pulses = string.Join("; ", (current.Intel?.Pulses ?? []).Select(Describe));
        var text = $"C2 IP {current.Ip} confirmed by {current.DecidedBy}. Hosts: {string.Join(", ", hosts)}. Pulses: {(pulses.Length == 0 ? "none" : pulses)}.";
        var observables = Observables(current, hosts);
        if (run.Ticket is null)
        {
            run.Ticket = await context.Ports.Ticketing.CreateAsync(
                new NewTicket($"C2 traffic: {string.Join(", ", hosts)} → {current.Ip}", text, context.Options.Priority, observables),
                context.Key("ticket"), cancellationToken).ConfigureAwait(false);
            context.Record(TimelineEntryKind.Effect, Id, $"Ticket {run.Ticket.Id} opened");
            context.Notify(Id, NotificationKind.Finding, $"validation:ticket:{current.Ip}", $"Incident ticket {run.Ticket.Id} opened",
                $"{current.Ip} confirmed as C2 by {current.DecidedBy}.", [new Fact("Ticket", run.Ticket.Id), new Fact("Hosts", string.Join(", ", hosts))],
                broadcast: true);
        }
        else
        {
            await context.Ports.Ticketing.CommentAsync(run.Ticket.Id, text, context.Key($"confirm:{current.Ip}"), cancellationToken).ConfigureAwait(false);
            await context.Ports.Ticketing.AddObservablesAsync(run.Ticket.Id, observables, context.Key($"observables:{current.Ip}"), cancellationToken)
                .ConfigureAwait(false);
            context.Record(TimelineEntryKind.Effect, Id, $"{current.Ip} added to {run.Ticket.Id}");
            context.Notify(Id, NotificationKind.Finding, $"validation:ticket:{current.Ip}", $"{current.Ip} added to incident {run.Ticket.Id}",
                $"{current.Ip} confirmed as C2 by {current.DecidedBy}.", [new Fact("Ticket", run.Ticket.Id), new Fact("Hosts", string.Join(", ", hosts))]);
        }
    }

    /// <summary>The confirmed C2 IP (an indicator, tagged with its pulses and malware families) and its hosts (victims).</summary>
    private static List<TicketObservable> Observables(RemoteIpCase current, List<string> hosts)
    {
        var pulses = current.Intel?.Pulses ?? [];
        var tags = new List<string> { "c2" };
        tags.AddRange(pulses.Select(p => $"pulse:{p.Name}"));
        tags.AddRange(pulses.SelectMany(p => p.MalwareFamilies).Select(f => $"family:{f}"));
        var observables = new List<TicketObservable>
        {
            new(ObservableType.Ip, current.Ip, Ioc: true, tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), $"C2 IP confirmed by {current.DecidedBy}"),
        };
        observables.AddRange(hosts.Select(h => TicketObservable.Host(h, ioc: false, ["victim"], $"Host that talked to C2 IP {current.Ip}")));
        return observables;
    }

    /// <summary>"from the verdict cache, fetched 3 h 5 min ago (2026-11-27 10:02 UTC)".</summary>
    internal static string CacheAge(DateTimeOffset cachedAt, DateTimeOffset now) =>
        $"from the verdict cache, fetched {ElapsedText.Format(now - cachedAt)} ago ({cachedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)";

    private static RemoteIpCase Current(PlaybookRun run) =>
        run.FindRemoteIp(run.Validation.CurrentIp ?? "") ?? throw new InvalidOperationException($"Run {run.Id}: no IP under validation.");

    private static string Describe(PulseRef p)
    {
        var families = p.MalwareFamilies.Count == 0 ? "" : $" [{string.Join(", ", p.MalwareFamilies)}]";
        return $"{p.Name}{families}";
    }
}
