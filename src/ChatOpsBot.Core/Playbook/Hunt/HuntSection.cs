using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;
using Stateless;
using Stateless.Reflection;

namespace ChatOpsBot.Core.Playbook.Hunt;

/// <summary>Section 1: download the C2 feed, query the SIEM over the window, post the hits.</summary>
public sealed class HuntSection : IPlaybookSection
{
    /// <inheritdoc />
    public PlaybookSection Id => PlaybookSection.Hunt;

    /// <summary>The Hunt machine over <paramref name="run"/>'s persisted state.</summary>
    public static StateMachine<HuntState, HuntTrigger> CreateMachine(PlaybookRun run, SectionContext? context = null)
    {
        var machine = new StateMachine<HuntState, HuntTrigger>(
            () => MachineTransitions.Parse<HuntState>(run.Hunt.State), s => run.Hunt.State = s.ToString());
        machine.Configure(HuntState.NotStarted).Permit(HuntTrigger.Started, HuntState.LoadingFeed);
        machine.Configure(HuntState.LoadingFeed).Permit(HuntTrigger.FeedLoaded, HuntState.QueryingSiem);
        machine.Configure(HuntState.QueryingSiem)
            .PermitIf(HuntTrigger.QueryCompleted, HuntState.PostingFindings, () => run.Hits.Count > 0, "the SIEM found traffic to a feed indicator")
            .PermitIf(HuntTrigger.QueryCompleted, HuntState.NothingFound, () => run.Hits.Count == 0, "no traffic to any feed indicator");
        machine.Configure(HuntState.PostingFindings).Permit(HuntTrigger.FindingsPosted, HuntState.Completed);
        return machine.RecordedBy(PlaybookSection.Hunt, context);
    }

    /// <inheritdoc />
    public StateMachineInfo Describe() => CreateMachine(new PlaybookRun()).GetInfo();

    /// <inheritdoc />
    public bool HasWork(PlaybookRun run) =>
        MachineTransitions.Parse<HuntState>(run.Hunt.State) is not (HuntState.Completed or HuntState.NothingFound);

    /// <inheritdoc />
    public async Task StepAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var machine = CreateMachine(run, context);
        switch (machine.State)
        {
            case HuntState.NotStarted:
                context.Notify(Id, NotificationKind.Progress, "hunt:start", "C2 hunt started",
                    "Loading the known-C2 feed and querying the SIEM.",
                    [new Fact("Feed", FeedNames.Display(run.Settings.Feed)), new Fact("Window", Window(run))]);
                machine.Fire(HuntTrigger.Started);
                break;
            case HuntState.LoadingFeed:
                await LoadFeedAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(HuntTrigger.FeedLoaded);
                break;
            case HuntState.QueryingSiem:
                await QueryAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(HuntTrigger.QueryCompleted);
                break;
            case HuntState.PostingFindings:
                PostFindings(context);
                machine.Fire(HuntTrigger.FindingsPosted);
                break;
        }
    }

    /// <inheritdoc />
    public bool CanSkip(PlaybookRun run) =>
        MachineTransitions.Parse<HuntState>(run.Hunt.State) is HuntState.LoadingFeed or HuntState.QueryingSiem;

    /// <inheritdoc />
    public void Skip(SectionContext context)
    {
        var run = context.Run;
        var machine = CreateMachine(run, context);
        context.Feeds.Forget(run.Id);
        if (machine.State == HuntState.LoadingFeed) machine.Fire(HuntTrigger.FeedLoaded);
        run.Hits = [];
        context.Notify(Id, NotificationKind.Finding, "hunt:skipped", "Hunt step skipped: no traffic was looked at",
            "The feed or SIEM step failed and an analyst skipped it. Run the hunt again once the system is back.");
        machine.Fire(HuntTrigger.QueryCompleted);
    }

    /// <inheritdoc />
    public bool Answer(SectionContext context, SectionAnswer answer) => false;

    private static async Task LoadFeedAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var feed = await context.Feeds.GetAsync(run.Id, run.Settings.Feed, context.Ports.Feed, cancellationToken).ConfigureAwait(false);
        run.Hunt.FeedFormat = feed.Format;
        run.Hunt.IndicatorCount = feed.Indicators.Count;
        run.Hunt.InvalidLineCount = feed.InvalidLines.Count;
        run.Hunt.InvalidLines = feed.InvalidLines.Take(HuntProgress.MaxKeptInvalidLines).ToList();
        run.Hunt.Gaps.RemoveAll(g => g.Kind == CoverageGapKind.NoIndicators);
        if (feed.Indicators.Count == 0)
            run.Hunt.Gaps.Add(new CoverageGap(nameof(PlaybookSection.Hunt), CoverageGapKind.NoIndicators,
                $"Hunt: the feed {FeedNames.Display(run.Settings.Feed)} yielded no valid indicator ({feed.InvalidLines.Count} unreadable line(s)): nothing was looked for."));
        var facts = new List<Fact>
        {
            new("Format", feed.Format.ToString()),
            new("Unique indicators", feed.Indicators.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Bad lines", feed.InvalidLines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        facts.AddRange(feed.InvalidLines.Take(5).Select(l => new Fact($"Line {l.LineNumber}", $"{l.Reason}: {l.Content}")));
        context.Notify(PlaybookSection.Hunt, NotificationKind.Progress, "hunt:feed", "Feed loaded",
            feed.InvalidLines.Count == 0 ? "Every line was read." : "Some lines could not be read; they were skipped.", facts);
    }

    private static async Task QueryAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var feed = await context.Feeds.GetAsync(run.Id, run.Settings.Feed, context.Ports.Feed, cancellationToken).ConfigureAwait(false);
        var result = await context.Ports.Siem.QueryAsync(
            new SiemQuery(feed.Indicators, run.Settings.WindowFrom, run.Settings.WindowTo, QueryPurpose.Hunt), cancellationToken).ConfigureAwait(false);
        context.Feeds.Forget(run.Id);
        run.Hunt.RecordsScanned = result.RecordsScanned;
        run.Hunt.Coverage = result.Coverage;
        run.Hunt.Gaps.RemoveAll(g => g.Kind != CoverageGapKind.NoIndicators);
        run.Hunt.Gaps.AddRange(QueryCoverage.Gaps(result.Coverage, run.Settings.WindowFrom, run.Settings.WindowTo,
            context.Options.CoverageTolerance, PlaybookSection.Hunt, "Hunt"));
        run.Hits = result.Hits.Select(h => HitRecord.From(h, HitOrigin.Hunt)).ToList();
        foreach (var ip in run.Hits.GroupBy(h => h.RemoteIp).OrderByDescending(g => g.Sum(h => h.Connections)).Select(g => g.Key))
            run.RemoteIps.Add(new RemoteIpCase { Ip = ip, Origin = HitOrigin.Hunt });
        if (run.Hits.Count == 0 && run.Hunt.Gaps.Count == 0)
            context.Notify(PlaybookSection.Hunt, NotificationKind.Finding, "hunt:nothing", "No C2 traffic found",
                $"No traffic to any of the {run.Hunt.IndicatorCount} feed indicators in the window; every log was read.",
                [new Fact("Window", Window(run)), new Fact("Examined", QueryCoverage.Summary(result.Coverage))]);
        else if (run.Hits.Count == 0)
            context.Notify(PlaybookSection.Hunt, NotificationKind.Finding, "hunt:nothing", "No C2 traffic in what was examined — coverage has gaps",
                "Nothing matched, but the hunt did not look at everything it was asked to: this is not a clean day until the gaps are closed.",
                [new Fact("Window", Window(run)), new Fact("Examined", QueryCoverage.Summary(result.Coverage)),
                 .. run.Hunt.Gaps.Select(g => new Fact("Not examined", g.Text))]);
    }

    private static void PostFindings(SectionContext context)
    {
        var run = context.Run;
        var hosts = run.Hits.Select(h => h.Host).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        context.Notify(PlaybookSection.Hunt, NotificationKind.Finding, "hunt:hits",
            $"C2 traffic: {run.Hits.Count} hit(s) from {hosts} host(s) to {run.RemoteIps.Count} feed IP(s)",
            "Each remote IP is validated next.",
            [new Fact("Window", Window(run)), new Fact("Examined", QueryCoverage.Summary(run.Hunt.Coverage)),
             .. run.Hunt.Gaps.Select(g => new Fact("Not examined", g.Text))],
            HitTables.Table(run.Hits), HitTables.Csv(run.Hits, context.Ports.Csv, $"{run.Id}-hunt-hits.csv"), broadcast: true);
    }

    internal static string Window(PlaybookRun run) => $"{run.Settings.WindowFrom:yyyy-MM-dd HH:mm}Z → {run.Settings.WindowTo:yyyy-MM-dd HH:mm}Z";
}
