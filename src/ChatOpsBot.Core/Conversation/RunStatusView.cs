using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// What a run's live status card shows (the root of the run's thread in Slack and Teams), channel-neutral: channels
/// render it and never read the run themselves. Strings are raw plain text that may embed outside strings (a prompt's
/// host); channels escape them as outside text.
/// </summary>
public sealed record RunStatusView
{
    /// <summary>The run id, as the bot wrote it (safe to show as it is: the bot's own id).</summary>
    public required string RunId { get; init; }
    /// <summary>Headline, e.g. "C2 hunt · Validation" or "C2 hunt · resolved".</summary>
    public required string Title { get; init; }
    /// <summary>The section the run is in, by its friendly name (or "Done").</summary>
    public required string Section { get; init; }
    /// <summary>The run's state as analysts read it ("running", "waiting for an answer", "resolved", …).</summary>
    public required string State { get; init; }
    /// <summary>The hunt's time window.</summary>
    public required string Window { get; init; }
    /// <summary>Hits found (hunt and pivots).</summary>
    public int Hits { get; init; }
    /// <summary>Remote IPs confirmed as C2.</summary>
    public int Confirmed { get; init; }
    /// <summary>Remote IPs still waiting for a verdict.</summary>
    public int PendingVerdicts { get; init; }
    /// <summary>Compromised hosts contained, out of <see cref="Hosts"/>.</summary>
    public int Contained { get; init; }
    /// <summary>Compromised hosts.</summary>
    public int Hosts { get; init; }
    /// <summary>The incident ticket, if one is open.</summary>
    public string? Ticket { get; init; }
    /// <summary>The open prompt's title (it names its subject), or null when nothing waits on an analyst.</summary>
    public string? WaitingFor { get; init; }
    /// <summary>Who may answer the open prompt ("approvers", "any analyst", "2 approvers, 1 so far"), or null.</summary>
    public string? WaitingOn { get; init; }
    /// <summary>What the bot is doing now (the latest progress), shown only while nothing waits on an analyst.</summary>
    public string? Activity { get; init; }
    /// <summary>Who started the run.</summary>
    public string StartedBy { get; init; } = "";
    /// <summary>True once the run is over (resolved, inconclusive or abandoned).</summary>
    public bool Finished { get; init; }
}
