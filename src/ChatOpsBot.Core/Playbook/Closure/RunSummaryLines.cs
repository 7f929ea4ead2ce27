using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Closure;

/// <summary>What a run did, in lines (ticket resolution, shift log) and facts (closing prompts and summary).</summary>
public static class RunSummaryLines
{
    /// <summary>Summary lines.</summary>
    public static IReadOnlyList<string> Lines(PlaybookRun run)
    {
        var gaps = RunCoverage.Gaps(run);
        var lines = new List<string>
        {
            $"Run {run.Id}: feed {FeedNames.Display(run.Settings.Feed)}, {run.Hunt.IndicatorCount} indicators ({run.Hunt.InvalidLineCount} bad lines), window {QueryCoverage.Window(run.Settings.WindowFrom, run.Settings.WindowTo)}.",
            $"Examined: {QueryCoverage.Summary(run.Hunt.Coverage)}.",
            gaps.Count == 0 ? "Coverage: complete (no gaps)." : $"Coverage gaps ({gaps.Count}): {string.Join(" | ", gaps.Select(g => g.Text))}",
            $"Hits: {run.Hits.Count} ({run.Hits.Count(h => h.Origin == HitOrigin.Pivot)} from pivots) to {run.RemoteIps.Count} remote IP(s).",
            $"Confirmed C2: {Join(AddressOrder.Sort(run.RemoteIps.Where(r => r.Status == IpVerdictStatus.Malware).Select(r => r.Ip)))}; dismissed: {Join(AddressOrder.Sort(run.RemoteIps.Where(r => r.Status == IpVerdictStatus.NotMalicious).Select(r => r.Ip)))}.",
            $"Contained hosts: {Join(run.Hosts.OrderBy(h => h.Host, AddressOrder.Instance).Select(h => $"{h.Host} (helpdesk {h.HelpdeskTicket})"))}.",
            $"Pivots: {Join(run.Pivot.Records.Select(p => p.Skipped ? $"{p.SourceIp} skipped" : $"{p.SourceIp} → {p.Ips.Count} indicators, {p.Hits} new hit(s)"))}.",
            $"Phishing: {Join(run.Mails.Where(m => m.Status == MailStatus.Phishing).Select(m => $"{m.User} \"{m.Subject}\" → {m.HandedTo}"))}.",
        };
        if (run.Ticket is not null) lines.Insert(3, $"Ticket: {run.Ticket.Id}.");
        if (run.Closure.FlaggedForPostMortem) lines.Add($"Post-mortem: {run.Closure.PostMortem}");
        return lines;
    }

    /// <summary>How many items a chat fact lists before it says how many more there are.</summary>
    public const int MaxListedInFacts = 10;

    /// <summary>
    /// Summary facts, for chat: lists are cut at <see cref="MaxListedInFacts"/> items. A hunt that dismissed hundreds
    /// of feed IPs would otherwise post them all in every closing message (and exceed Slack's 3 000-character block
    /// text); the ticket and the shift log keep the full lists (<see cref="Lines"/>).
    /// </summary>
    public static IReadOnlyList<Fact> Facts(PlaybookRun run)
    {
        var gaps = RunCoverage.Gaps(run);
        var facts = new List<Fact>
        {
            new("Examined", $"feed {FeedNames.Display(run.Settings.Feed)} ({run.Hunt.IndicatorCount.ToString(CultureInfo.InvariantCulture)} indicators); {QueryCoverage.Summary(run.Hunt.Coverage)}"),
            new("Coverage", gaps.Count == 0 ? "complete" : $"{gaps.Count.ToString(CultureInfo.InvariantCulture)} gap(s)"),
        };
        facts.AddRange(gaps.Take(MaxListedInFacts).Select(g => new Fact("Not examined", g.Text)));
        if (gaps.Count > MaxListedInFacts)
            facts.Add(new Fact("Not examined", $"and {(gaps.Count - MaxListedInFacts).ToString(CultureInfo.InvariantCulture)} more (see the report)"));
        facts.AddRange(Outcome(run));
        return facts;
    }

    private static IReadOnlyList<Fact> Outcome(PlaybookRun run) =>
    [
        new("Ticket", run.Ticket?.Id ?? "none"),
        new("Hits", run.Hits.Count.ToString(CultureInfo.InvariantCulture)),
        new("Confirmed C2", JoinCapped(run.RemoteIps.Where(r => r.Status == IpVerdictStatus.Malware).Select(r => r.Ip))),
        new("Dismissed", JoinCapped(run.RemoteIps.Where(r => r.Status == IpVerdictStatus.NotMalicious).Select(r => r.Ip))),
        new("Contained hosts", JoinCapped(run.Hosts.Select(h => h.Host))),
        new("Phishing mails", run.Mails.Count(m => m.Status == MailStatus.Phishing).ToString(CultureInfo.InvariantCulture)),
    ];

    private static string JoinCapped(IEnumerable<string> items)
    {
        var list = AddressOrder.Sort(items);
        return list.Count == 0 ? "none" : CappedList.Join(list, MaxListedInFacts);
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
