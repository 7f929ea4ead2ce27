using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Reports;

/// <summary>
/// The run report printed by <c>--report json|md</c>: what the hunt examined (first), what it found and did.
/// Fields are only ever added; <see cref="SchemaVersion"/> goes up when one changes meaning.
/// </summary>
public sealed record RunReport(
    int SchemaVersion,
    string RunId,
    string State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ReportWindow Window,
    ReportFeed Feed,
    ReportCoverage Coverage,
    IReadOnlyList<string> SectionsVisited,
    IReadOnlyList<ReportHit> C2Hits,
    IReadOnlyList<ReportRemoteIp> RemoteIps,
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
    /// <summary>The report format's version: 2 added coverage, window, feed, times and per-IP intel.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>Builds the report of <paramref name="run"/>.</summary>
    public static RunReport From(PlaybookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var gaps = RunCoverage.Gaps(run);
        return new(
            CurrentSchemaVersion,
            run.Id,
            run.State.ToString(),
            run.CreatedAt,
            run.FinishedAt,
            new ReportWindow(run.Settings.WindowFrom, run.Settings.WindowTo),
            new ReportFeed(run.Settings.Feed, run.Hunt.FeedFormat?.ToString(), run.Hunt.IndicatorCount, run.Hunt.InvalidLineCount),
            new ReportCoverage(gaps.Count == 0, run.Hunt.Coverage,
                run.Pivot.Records.Where(p => !p.Skipped).GroupBy(p => p.SourceIp).ToDictionary(g => g.Key, g => g.Last().Coverage), gaps),
            run.VisitedSections,
            run.Hits.Select(h => new ReportHit(h.Host, h.RemoteIp, h.Connections, h.Bytes, h.FirstSeen, h.LastSeen, h.Origin.ToString())).ToList(),
            run.RemoteIps.Select(r => new ReportRemoteIp(r.Ip, r.Origin.ToString(), r.Status.ToString(), r.Intel?.Verdict.ToString(), r.Intel?.Source,
                (r.Intel?.Pulses ?? []).Select(p => p.Name).ToList(), r.DecidedBy)).ToList(),
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
}
