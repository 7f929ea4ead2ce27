using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Ticketing;
using Stateless;
using Stateless.Reflection;

namespace ChatOpsBot.Core.Playbook.InitialCompromise;

/// <summary>
/// Section 5: search the mailboxes of the compromised hosts' users for the last days' mails with attachments
/// or links, check those with intel, export a confirmed phishing mail (.eml) to the ticket and hand the
/// Phishing playbook to a named colleague.
/// </summary>
public sealed class InitialCompromiseSection : IPlaybookSection
{
    private static readonly IReadOnlyList<(InitialCompromiseTrigger, PromptOption)> ReviewTriggers =
    [
        (InitialCompromiseTrigger.ConfirmPhishing, new PromptOption(nameof(InitialCompromiseTrigger.ConfirmPhishing), "Phishing: export to the ticket", OptionStyle.Danger)),
        (InitialCompromiseTrigger.DismissMail, new PromptOption(nameof(InitialCompromiseTrigger.DismissMail), "Not phishing")),
    ];

    private readonly MailboxScan _scan = new();

    /// <inheritdoc />
    public PlaybookSection Id => PlaybookSection.InitialCompromise;

    /// <summary>The Initial-compromise machine over <paramref name="run"/>'s persisted state.</summary>
    public static (StateMachine<InitialCompromiseState, InitialCompromiseTrigger> Machine, StateMachine<InitialCompromiseState, InitialCompromiseTrigger>.TriggerWithParameters<string> HandOver)
        CreateMachine(PlaybookRun run, SectionContext? context = null)
    {
        var machine = new StateMachine<InitialCompromiseState, InitialCompromiseTrigger>(
            () => MachineTransitions.Parse<InitialCompromiseState>(run.InitialCompromise.State), s => run.InitialCompromise.State = s.ToString());
        var handOver = machine.SetTriggerParameters<string>(InitialCompromiseTrigger.HandOverPhishing);
        bool pendingUser() => run.Users.Any(u => !u.Checked);
        bool pendingMail() => run.Mails.Any(m => m.User == run.InitialCompromise.CurrentUser && m.Status == MailStatus.Pending);
        machine.Configure(InitialCompromiseState.Idle)
            .PermitIf(InitialCompromiseTrigger.NextUserSelected, InitialCompromiseState.SearchingMailbox, pendingUser, "a user of a compromised host has an unchecked mailbox")
            .PermitIf(InitialCompromiseTrigger.AllUsersChecked, InitialCompromiseState.Completed, () => !pendingUser(), "every user's mailbox is checked");
        machine.Configure(InitialCompromiseState.SearchingMailbox)
            .PermitIf(InitialCompromiseTrigger.MailboxChecked, InitialCompromiseState.AwaitingMailReview, pendingMail, "intel flagged a mail")
            .PermitIf(InitialCompromiseTrigger.MailboxChecked, InitialCompromiseState.Idle, () => !pendingMail(), "intel flagged no mail");
        machine.Configure(InitialCompromiseState.AwaitingMailReview)
            .Permit(InitialCompromiseTrigger.ConfirmPhishing, InitialCompromiseState.ExportingMail)
            .PermitReentryIf(InitialCompromiseTrigger.DismissMail, pendingMail, "another flagged mail of this user awaits review")
            .PermitIf(InitialCompromiseTrigger.DismissMail, InitialCompromiseState.Idle, () => !pendingMail(), "no flagged mail left for this user");
        machine.Configure(InitialCompromiseState.ExportingMail)
            .Permit(InitialCompromiseTrigger.MailExported, InitialCompromiseState.AwaitingHandover);
        machine.Configure(InitialCompromiseState.AwaitingHandover)
            .PermitIf(handOver, InitialCompromiseState.RecordingHandover, name => !string.IsNullOrWhiteSpace(name), "a colleague is named");
        machine.Configure(InitialCompromiseState.RecordingHandover)
            .PermitIf(InitialCompromiseTrigger.HandoverRecorded, InitialCompromiseState.AwaitingMailReview, pendingMail, "another flagged mail of this user awaits review")
            .PermitIf(InitialCompromiseTrigger.HandoverRecorded, InitialCompromiseState.Idle, () => !pendingMail(), "no flagged mail left for this user");
        return (machine.RecordedBy(PlaybookSection.InitialCompromise, context), handOver);
    }

    /// <inheritdoc />
    public StateMachineInfo Describe() => CreateMachine(new PlaybookRun()).Machine.GetInfo();

    /// <inheritdoc />
    public bool HasWork(PlaybookRun run) => run.InitialCompromise.State != nameof(InitialCompromiseState.Completed);

    /// <inheritdoc />
    public async Task StepAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var (machine, _) = CreateMachine(run, context);
        switch (machine.State)
        {
            case InitialCompromiseState.Idle:
                SyncUsers(context);
                var next = run.Users.FirstOrDefault(u => !u.Checked);
                run.InitialCompromise.CurrentUser = next?.User;
                machine.Fire(next is null ? InitialCompromiseTrigger.AllUsersChecked : InitialCompromiseTrigger.NextUserSelected);
                break;
            case InitialCompromiseState.SearchingMailbox:
                await _scan.ScanAsync(context, CurrentUser(run), cancellationToken).ConfigureAwait(false);
                machine.Fire(InitialCompromiseTrigger.MailboxChecked);
                break;
            case InitialCompromiseState.AwaitingMailReview:
                AskReview(context, machine);
                break;
            case InitialCompromiseState.ExportingMail:
                await ExportAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(InitialCompromiseTrigger.MailExported);
                break;
            case InitialCompromiseState.AwaitingHandover:
                AskHandover(context);
                break;
            case InitialCompromiseState.RecordingHandover:
                await RecordHandoverAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(InitialCompromiseTrigger.HandoverRecorded);
                break;
        }
    }

    /// <inheritdoc />
    public bool CanSkip(PlaybookRun run) => MachineTransitions.Parse<InitialCompromiseState>(run.InitialCompromise.State)
        is InitialCompromiseState.SearchingMailbox or InitialCompromiseState.ExportingMail or InitialCompromiseState.RecordingHandover;

    /// <inheritdoc />
    public void Skip(SectionContext context)
    {
        var run = context.Run;
        var (machine, _) = CreateMachine(run, context);
        switch (machine.State)
        {
            case InitialCompromiseState.SearchingMailbox:
                var user = CurrentUser(run);
                user.Checked = true;
                context.Notify(Id, NotificationKind.Finding, $"ic:scan-skipped:{user.User}", $"Mailbox of {user.User} not searched",
                    "The mailbox search failed and an analyst skipped it: check this user's recent mail by hand.");
                machine.Fire(InitialCompromiseTrigger.MailboxChecked);
                break;
            case InitialCompromiseState.ExportingMail:
                machine.Fire(InitialCompromiseTrigger.MailExported);
                break;
            case InitialCompromiseState.RecordingHandover:
                machine.Fire(InitialCompromiseTrigger.HandoverRecorded);
                break;
        }
    }

    /// <inheritdoc />
    public bool Answer(SectionContext context, SectionAnswer answer)
    {
        var run = context.Run;
        var (machine, handOver) = CreateMachine(run, context);
        var trigger = answer.Trigger<InitialCompromiseTrigger>();
        var mail = CurrentMail(run);
        switch (trigger)
        {
            case InitialCompromiseTrigger.HandOverPhishing when machine.CanFire(handOver, answer.Text ?? ""):
                mail.HandedTo = answer.Text;
                machine.Fire(handOver, answer.Text ?? "");
                return true;
            case InitialCompromiseTrigger.ConfirmPhishing or InitialCompromiseTrigger.DismissMail:
                var before = mail.Status;
                mail.Status = trigger == InitialCompromiseTrigger.ConfirmPhishing ? MailStatus.Phishing : MailStatus.Dismissed;
                if (!machine.CanFire(trigger)) { mail.Status = before; return false; }
                machine.Fire(trigger);
                return true;
            default:
                return false;
        }
    }

    private void SyncUsers(SectionContext context)
    {
        var run = context.Run;
        foreach (var host in run.Hosts)
        {
            if (host.User is null)
            {
                context.Notify(Id, NotificationKind.Progress, $"ic:nouser:{host.Host}", $"No user known for {host.Host}",
                    "The asset inventory has no user for this host; check its mail manually.");
                continue;
            }
            var user = run.Users.FirstOrDefault(u => string.Equals(u.User, host.User, StringComparison.OrdinalIgnoreCase));
            if (user is null) run.Users.Add(user = new UserMailCase { User = host.User, Email = host.Email });
            if (!user.Hosts.Contains(host.Host)) user.Hosts.Add(host.Host);
        }
    }

    private void AskReview(SectionContext context, StateMachine<InitialCompromiseState, InitialCompromiseTrigger> machine)
    {
        var run = context.Run;
        var mail = run.Mails.First(m => m.User == run.InitialCompromise.CurrentUser && m.Status == MailStatus.Pending);
        run.InitialCompromise.CurrentMail = mail.MessageId;
        context.Ask(Id, PromptKind.Choice, $"Is this mail to {mail.User} the phishing that started it?", PromptOptions.From(machine.CanFire, ReviewTriggers),
            "Intel flagged an attachment or link. Phishing exports the mail (.eml) to the ticket and hands the Phishing playbook to a colleague.",
            [new Fact("User", mail.User), new Fact("From", mail.From), new Fact("Subject", mail.Subject),
             new Fact("Received", mail.Received.ToString("u", System.Globalization.CultureInfo.InvariantCulture)), new Fact("Why", mail.Reason)],
            suggestion: mail.Verdict == Verdict.Malicious ? nameof(InitialCompromiseTrigger.ConfirmPhishing) : nameof(InitialCompromiseTrigger.DismissMail));
    }

    private async Task ExportAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var mail = CurrentMail(run);
        if (run.Ticket is not null)
        {
            var raw = await context.Ports.Mailbox.ExportRawAsync(mail.User, mail.MessageId, cancellationToken).ConfigureAwait(false);
            var fileName = $"{mail.User}-{Path.GetFileNameWithoutExtension(mail.MessageId)}.eml";
            await context.Ports.Ticketing.AttachAsync(run.Ticket.Id, new TicketAttachment(fileName, "message/rfc822", raw),
                context.Key($"eml:{mail.User}:{mail.MessageId}"), cancellationToken).ConfigureAwait(false);
            await context.Ports.Ticketing.AddObservablesAsync(run.Ticket.Id, Observables(run, mail),
                context.Key($"eml-observables:{mail.User}:{mail.MessageId}"), cancellationToken).ConfigureAwait(false);
            context.Record(TimelineEntryKind.Effect, Id, $"{fileName} attached to {run.Ticket.Id}");
        }
        mail.Exported = true;
        context.Notify(Id, NotificationKind.Finding, $"ic:exported:{mail.User}:{mail.MessageId}", $"Phishing mail to {mail.User} exported to {run.Ticket?.Id ?? "the run"}",
            "", [new Fact("Subject", mail.Subject), new Fact("From", mail.From), new Fact("Why", mail.Reason)]);
    }

    /// <summary>What a confirmed phishing mail puts on the ticket: its flagged attachments and links, and the address it phished.</summary>
    private static List<TicketObservable> Observables(PlaybookRun run, SuspiciousMail mail)
    {
        var why = $"phishing mail to {mail.User}: {mail.Subject}";
        var observables = new List<TicketObservable>();
        observables.AddRange(mail.FlaggedHashes.Select(h => new TicketObservable(ObservableType.Hash, h, Ioc: true, ["phishing", "attachment"], $"Attachment of the {why}")));
        observables.AddRange(mail.FlaggedUrls.Select(u => new TicketObservable(ObservableType.Url, u, Ioc: true, ["phishing"], $"Link in the {why}")));
        var address = run.Users.FirstOrDefault(u => u.User == mail.User)?.Email;
        if (!string.IsNullOrWhiteSpace(address))
            observables.Add(new TicketObservable(ObservableType.Mail, address, Ioc: false, ["victim", "phished"], $"Recipient of the {why}"));
        return observables;
    }

    private void AskHandover(SectionContext context)
    {
        var mail = CurrentMail(context.Run);
        context.Ask(Id, PromptKind.Text, $"Who takes the Phishing playbook for the mail to {mail.User}?",
            [new PromptOption(nameof(InitialCompromiseTrigger.HandOverPhishing), "Hand over", OptionStyle.Primary)],
            "Name the colleague who runs the Phishing playbook (they are told through the ticket and this channel).",
            [new Fact("User", mail.User), new Fact("Subject", mail.Subject)],
            new TextInputRule("Colleague", null, "Name a colleague.", "jane.analyst", MaxLength: 100),
            suggestion: nameof(InitialCompromiseTrigger.HandOverPhishing), suggestedText: context.Options.Auto.PhishingColleague);
    }

    private async Task RecordHandoverAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var mail = CurrentMail(run);
        if (run.Ticket is not null)
            await context.Ports.Ticketing.CommentAsync(run.Ticket.Id,
                $"Phishing playbook handed to {mail.HandedTo} for the mail to {mail.User} from {mail.From}: \"{mail.Subject}\" ({mail.Reason}).",
                context.Key($"handover:{mail.User}:{mail.MessageId}"), cancellationToken).ConfigureAwait(false);
        context.Notify(Id, NotificationKind.Finding, $"ic:handover:{mail.User}:{mail.MessageId}", $"Phishing playbook handed to {mail.HandedTo}",
            "", [new Fact("Colleague", mail.HandedTo ?? "-"), new Fact("User", mail.User), new Fact("Subject", mail.Subject)]);
    }

    private static UserMailCase CurrentUser(PlaybookRun run) =>
        run.Users.FirstOrDefault(u => u.User == run.InitialCompromise.CurrentUser) ?? throw new InvalidOperationException($"Run {run.Id}: no user being checked.");

    private static SuspiciousMail CurrentMail(PlaybookRun run) =>
        run.Mails.FirstOrDefault(m => m.User == run.InitialCompromise.CurrentUser && m.MessageId == run.InitialCompromise.CurrentMail)
        ?? throw new InvalidOperationException($"Run {run.Id}: no mail under review.");
}
