using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Playbook.Containment;
using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Playbook.InitialCompromise;
using ChatOpsBot.Core.Playbook.Pivot;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Ticketing;

namespace ChatOpsBot.Core.Runs;

/// <summary>
/// One execution of the playbook: the persisted state every section machine is rebuilt over. Machines read
/// and write their state here (as enum names) through accessor/mutator pairs and never keep their own.
/// </summary>
public sealed class PlaybookRun
{
    /// <summary>Run id, e.g. <c>r-20261128-8f3a1c</c>.</summary>
    public string Id { get; set; } = "";
    /// <summary>Optimistic-concurrency version, maintained by the <see cref="IRunStore"/>.</summary>
    public int Version { get; set; }
    /// <summary>Start.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Overall state.</summary>
    public RunState State { get; set; } = RunState.Running;
    /// <summary>Inputs the run was started with.</summary>
    public RunSettings Settings { get; set; } = new();

    /// <summary>Hunt section progress.</summary>
    public HuntProgress Hunt { get; set; } = new();
    /// <summary>Validation section progress.</summary>
    public ValidationProgress Validation { get; set; } = new();
    /// <summary>Containment section progress.</summary>
    public ContainmentProgress Containment { get; set; } = new();
    /// <summary>Pivot section progress.</summary>
    public PivotProgress Pivot { get; set; } = new();
    /// <summary>Initial-compromise section progress.</summary>
    public InitialCompromiseProgress InitialCompromise { get; set; } = new();
    /// <summary>Closure section progress.</summary>
    public ClosureProgress Closure { get; set; } = new();

    /// <summary>Every hit, from the hunt and from pivots.</summary>
    public List<HitRecord> Hits { get; set; } = [];
    /// <summary>One case per remote IP seen in hits.</summary>
    public List<RemoteIpCase> RemoteIps { get; set; } = [];
    /// <summary>Hosts that talked to a confirmed C2 IP.</summary>
    public List<CompromisedHost> Hosts { get; set; } = [];
    /// <summary>Users of compromised hosts, whose mail is checked.</summary>
    public List<UserMailCase> Users { get; set; } = [];
    /// <summary>Mails intel flagged.</summary>
    public List<SuspiciousMail> Mails { get; set; } = [];
    /// <summary>The incident ticket (one per incident), once opened.</summary>
    public TicketRef? Ticket { get; set; }

    /// <summary>The open prompt, if any.</summary>
    public Prompt? Prompt { get; set; }
    /// <summary>Last prompt sequence number handed out.</summary>
    public int PromptSequence { get; set; }
    /// <summary>Prompts answered, kept so a stale answer can be told who answered first.</summary>
    public List<ClosedPrompt> ClosedPrompts { get; set; } = [];
    /// <summary>Audit trail.</summary>
    public List<TimelineEntry> Timeline { get; set; } = [];
    /// <summary>Chat messages saved but not yet delivered.</summary>
    public List<OutboxMessage> Outbox { get; set; } = [];
    /// <summary>Failed steps analysts skipped; each is a gap in the run's coverage.</summary>
    public List<SkippedStep> SkippedSteps { get; set; } = [];
    /// <summary>When the run reached its final state (Resolved, Inconclusive or Abandoned), or null while open.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Last <see cref="OutboxMessage.Seq"/> handed out.</summary>
    public long OutboxSequence { get; set; }
    /// <summary>Sections that have done any work, in first-visit order.</summary>
    public List<string> VisitedSections { get; set; } = [];

    /// <summary>The remote IP case for <paramref name="ip"/>, or null.</summary>
    public RemoteIpCase? FindRemoteIp(string ip) => RemoteIps.FirstOrDefault(r => r.Ip == ip);

    /// <summary>The compromised host record for <paramref name="host"/>, or null.</summary>
    public CompromisedHost? FindHost(string host) =>
        Hosts.FirstOrDefault(h => string.Equals(h.Host, host, StringComparison.OrdinalIgnoreCase));
}
