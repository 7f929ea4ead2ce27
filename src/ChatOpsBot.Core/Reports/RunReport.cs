using ChatOpsBot.Core.Playbook.Pivot;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Reports;

/// <summary>The run report printed by <c>--report json|md</c>: what the hunt found and did.</summary>
public sealed record RunReport(
    string RunId,
    string State,
    IReadOnlyList<string> SectionsVisited,
    IReadOnlyList<ReportHit> C2Hits,
    IReadOnlyList<string> ConfirmedC2,
    IReadOnlyList<string> Dismissed,
    IReadOnlyList<ReportHost> ContainedHosts,
    ReportPivot Pivot,
    IReadOnlyList<ReportMail> SuspiciousEmails,
    IReadOnlyList<string> Tickets,
    int InvalidFeedLines,
    IReadOnlyList<ReportInvalidLine> InvalidFeedLineDetails,
    bool PostMortem,
    string? PostMortemNote)
{
    /// <summary>Builds the report of <paramref name="run"/>.</summary>
    public static RunReport From(PlaybookRun run) => new(
        run.Id,
        run.State.ToString(),
        run.VisitedSections,
        run.Hits.Select(h => new ReportHit(h.Host, h.RemoteIp, h.Connections, h.Bytes, h.FirstSeen, h.LastSeen, h.Origin.ToString())).ToList(),
        run.RemoteIps.Where(r => r.Status == IpVerdictStatus.Malware).Select(r => r.Ip).ToList(),
        run.RemoteIps.Where(r => r.Status == IpVerdictStatus.NotMalicious).Select(r => r.Ip).ToList(),
        run.Hosts.Where(h => h.Status == HostStatus.Contained).Select(h => new ReportHost(h.Host, run.Ticket?.Id, h.HelpdeskTicket, h.User)).ToList(),
        new ReportPivot(
            run.Pivot.Records.SelectMany(r => r.Ips).Distinct().ToList(),
            run.Hits.Where(h => h.Origin == HitOrigin.Pivot).Select(h => new ReportHit(h.Host, h.RemoteIp, h.Connections, h.Bytes, h.FirstSeen, h.LastSeen, h.Origin.ToString())).ToList(),
            run.Pivot.Records.Select(r => r.SourceIp).ToList()),
        run.Mails.Select(m => new ReportMail(m.User, m.Subject, m.Reason, m.Status.ToString(), m.HandedTo)).ToList(),
        run.Ticket is null ? [] : [run.Ticket.Id],
        run.Hunt.InvalidLineCount,
        run.Hunt.InvalidLines.Select(l => new ReportInvalidLine(l.LineNumber, l.Reason)).ToList(),
        run.Closure.FlaggedForPostMortem,
        run.Closure.PostMortem);
}
