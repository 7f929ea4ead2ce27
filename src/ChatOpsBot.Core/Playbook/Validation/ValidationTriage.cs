using System.Globalization;
using System.Net;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Validation;

/// <summary>
/// The triage of a large batch of pending IPs: intel for all of them in small saved steps, then one decision on
/// those intel has nothing against. Keeps <see cref="ValidationSection"/> about the machine.
/// </summary>
internal static class ValidationTriage
{
    /// <summary>IPs looked up per saved step: a crash or an intel outage loses at most this many look-ups.</summary>
    internal const int LookupBatchSize = 25;

    /// <summary>IPs listed in the prompt itself; all of them are in the CSV.</summary>
    internal const int ListedInPrompt = 20;

    private const int MaxHostsListed = 5;
    /// <summary>The intel source shown when an analyst skipped a failed look-up.</summary>
    internal const string SkippedSource = "intel unavailable (lookup skipped)";
    private static readonly string[] Columns = ["remote_ip", "hosts", "connections", "intel_verdict", "intel_source"];

    internal static bool IsPending(RemoteIpCase r) => r.Status == IpVerdictStatus.Pending;

    /// <summary>Intel has been asked and has nothing against it; a missing answer counts as flagged until asked.</summary>
    internal static bool IsUnflagged(RemoteIpCase r) => r.Intel is { Verdict: Verdict.Unknown or Verdict.Harmless };

    internal static bool LacksIntel(PlaybookRun run) => run.RemoteIps.Any(r => IsPending(r) && r.Intel is null);

    internal static List<RemoteIpCase> Unflagged(PlaybookRun run) => run.RemoteIps.Where(r => IsPending(r) && IsUnflagged(r)).ToList();

    /// <summary>
    /// Looks up the next <see cref="LookupBatchSize"/> pending IPs without intel, all at once: the intel connectors keep
    /// them within each provider's quota and concurrency, and say when they wait (see <see cref="IntelLookupProgress"/>).
    /// </summary>
    internal static async Task LookUpNextAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var next = run.RemoteIps.Where(r => IsPending(r) && r.Intel is null).Take(LookupBatchSize).ToList();
        var pending = run.RemoteIps.Count(IsPending);
        using var progress = new IntelLookupProgress(context, PlaybookSection.Validation, pending - run.RemoteIps.Count(r => IsPending(r) && r.Intel is null),
            done => $"{done.ToString(CultureInfo.InvariantCulture)} of {pending.ToString(CultureInfo.InvariantCulture)} IPs");
        var found = new IpIntel[next.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, next.Count),
            new ParallelOptions { MaxDegreeOfParallelism = LookupBatchSize, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                found[i] = await progress.Intel.LookupIpAsync(IPAddress.Parse(next[i].Ip), ct).ConfigureAwait(false);
                progress.Completed();
            }).ConfigureAwait(false);
        // The run is changed only here, on this thread, once every lookup of the batch answered.
        for (var i = 0; i < next.Count; i++) next[i].Intel = found[i];
        // Also the step's mark of progress: a reentry changes no state, and the engine refuses a step that changes nothing.
        if (next.Count > 0)
        {
            var done = run.RemoteIps.Count(r => IsPending(r) && r.Intel is not null);
            var total = run.RemoteIps.Count(IsPending);
            context.Record(TimelineEntryKind.Effect, PlaybookSection.Validation,
                $"Intel looked up for {next.Count.ToString(CultureInfo.InvariantCulture)} feed IP(s) ({done.ToString(CultureInfo.InvariantCulture)} of {total.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>The analyst skipped the failed look-up: every IP still without intel is decided without it, and the prompts say so.</summary>
    internal static void MarkIntelUnavailable(PlaybookRun run)
    {
        foreach (var ip in run.RemoteIps.Where(r => IsPending(r) && r.Intel is null))
            ip.Intel = new IpIntel(Verdict.Unknown, [], SkippedSource);
    }

    /// <summary>Posts the full list as CSV, then asks the one triage question.</summary>
    internal static void Ask(SectionContext context, IReadOnlyList<PromptOption> offered)
    {
        var run = context.Run;
        var unflagged = Unflagged(run);
        var flagged = run.RemoteIps.Count(r => IsPending(r) && !IsUnflagged(r));
        var hosts = HostsByIp(run);
        var count = unflagged.Count.ToString(CultureInfo.InvariantCulture);
        var file = FileName(run, unflagged);
        var sorted = unflagged.OrderBy(r => r.Ip, AddressOrder.Instance).ToList();
        // The list goes out once, here: as a table channels show, with the CSV they attach when they cannot show every row.
        context.Notify(PlaybookSection.Validation, NotificationKind.Finding, $"validation:triage:{unflagged[0].Ip}",
            $"{count} feed IPs have no malware intel: the list for triage", "Every IP with its hosts and intel.",
            Summary(unflagged, context.Now), Table(sorted, hosts), Csv(context, sorted, hosts, file));
        var facts = Summary(unflagged, context.Now);
        facts.AddRange(sorted.Take(ListedInPrompt).Select(r => new Fact(r.Ip, Hosts(hosts, r.Ip, MaxHostsListed))));
        if (unflagged.Count > ListedInPrompt)
            facts.Add(new Fact("More", $"{(unflagged.Count - ListedInPrompt).ToString(CultureInfo.InvariantCulture)} more in the list above"));
        var either = flagged == 0 ? "" : $" The {flagged.ToString(CultureInfo.InvariantCulture)} IP(s) intel flags are asked about one by one either way.";
        var options = offered
            .Select(o => o.Value == nameof(ValidationTrigger.DismissUnflagged) ? o with { Label = $"Dismiss the {count} without malware intel" } : o)
            .ToList();
        context.Ask(PlaybookSection.Validation, PromptKind.Choice, $"{count} feed IPs have no malware intel",
            options,
            "Threat intel has nothing against these IPs (verdict Unknown or Harmless). Dismiss them together as not malicious, "
            + "or review each IP on its own. The full list is in the message above." + either,
            facts, suggestion: nameof(ValidationTrigger.DismissUnflagged));
    }

    /// <summary>Dismisses every pending IP intel has nothing against, in the answerers' names; one message says so.</summary>
    internal static void Dismiss(SectionContext context, SectionAnswer answer)
    {
        var run = context.Run;
        var unflagged = Unflagged(run);
        if (unflagged.Count == 0) return;
        foreach (var ip in unflagged)
        {
            ip.Status = IpVerdictStatus.NotMalicious;
            ip.DecidedBy = answer.Names;
        }
        var count = unflagged.Count.ToString(CultureInfo.InvariantCulture);
        context.Record(TimelineEntryKind.Effect, PlaybookSection.Validation, $"{count} feed IP(s) without malware intel dismissed as not malicious");
        context.Notify(PlaybookSection.Validation, NotificationKind.Finding, $"validation:triage-dismissed:{unflagged[0].Ip}",
            $"{count} feed IPs dismissed as not malicious", $"Decided by {answer.Names} at triage: intel had nothing against them. The list is in the triage message above.",
            Summary(unflagged, context.Now));
    }

    private static List<Fact> Summary(List<RemoteIpCase> unflagged, DateTimeOffset now)
    {
        List<Fact> facts =
        [
            new("IPs", unflagged.Count.ToString(CultureInfo.InvariantCulture)),
            new("Verdicts", string.Join(", ", unflagged.GroupBy(r => r.Intel!.Verdict).OrderBy(g => g.Key)
                .Select(g => $"{g.Key} {g.Count().ToString(CultureInfo.InvariantCulture)}"))),
            new("Intel source", string.Join(", ", unflagged.Select(r => r.Intel!.Source).Distinct(StringComparer.Ordinal))),
        ];
        var cached = unflagged.Where(r => r.Intel!.CachedAt is not null).ToList();
        if (cached.Count > 0)
            facts.Add(new Fact("Intel age", $"{cached.Count.ToString(CultureInfo.InvariantCulture)} of {unflagged.Count.ToString(CultureInfo.InvariantCulture)} "
                + $"from the verdict cache, the oldest fetched {ElapsedText.Format(now - cached.Min(r => r.Intel!.CachedAt!.Value))} ago"));
        return facts;
    }

    // The batch's first IP names it: batches are disjoint, so keys and file names stay unique per batch and a
    // repeated step finds the same key (the outbox keeps one message per key).
    private static string FileName(PlaybookRun run, List<RemoteIpCase> unflagged) => $"{run.Id}-no-malware-intel-{unflagged[0].Ip}.csv";

    private static NotificationFile Csv(SectionContext context, List<RemoteIpCase> unflagged, ILookup<string, HitRecord> hosts, string file) =>
        new(file, "text/csv", context.Ports.Csv.Write(Columns, unflagged.Select(r => (IReadOnlyList<string>)
        [
            r.Ip, Hosts(hosts, r.Ip), hosts[r.Ip].Sum(h => h.Connections).ToString(CultureInfo.InvariantCulture), r.Intel!.Verdict.ToString(), r.Intel.Source,
        ])));

    private static DataTable Table(List<RemoteIpCase> unflagged, ILookup<string, HitRecord> hosts) =>
        new(["remote IP", "hosts", "connections", "intel verdict"], unflagged.Select(r => (IReadOnlyList<string>)
        [
            r.Ip, Hosts(hosts, r.Ip, MaxHostsListed), hosts[r.Ip].Sum(h => h.Connections).ToString(CultureInfo.InvariantCulture), r.Intel!.Verdict.ToString(),
        ]).ToList());

    private static ILookup<string, HitRecord> HostsByIp(PlaybookRun run) => run.Hits.ToLookup(h => h.RemoteIp, StringComparer.Ordinal);

    private static string Hosts(ILookup<string, HitRecord> hosts, string ip, int max = int.MaxValue) =>
        CappedList.Join(AddressOrder.Sort(hosts[ip].Select(h => h.Host).Distinct(StringComparer.OrdinalIgnoreCase)), max);
}
