using System.Globalization;
using System.Net;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Ticketing;
using Stateless;
using Stateless.Reflection;

namespace ChatOpsBot.Core.Playbook.Pivot;

/// <summary>
/// Section 4: for each C2 IP confirmed from the hunt, take every IPv4 indicator of its pulses, attach them as
/// CSV to the ticket and query the SIEM again. New hits go back through Validation and Containment; IPs found
/// by a pivot are never pivoted on (that is what ends the loop).
/// </summary>
public sealed class PivotSection : IPlaybookSection
{
    private static readonly IReadOnlyList<(PivotTrigger, PromptOption)> AnalystTriggers =
    [
        (PivotTrigger.RunPivot, new PromptOption(nameof(PivotTrigger.RunPivot), "Run the pivot query", OptionStyle.Primary)),
        (PivotTrigger.SkipPivot, new PromptOption(nameof(PivotTrigger.SkipPivot), "Skip this pivot")),
    ];

    /// <inheritdoc />
    public PlaybookSection Id => PlaybookSection.Pivot;

    /// <summary>IPs the Pivot section still has to handle: confirmed malware, found by the hunt, not pivoted.</summary>
    public static bool IsPending(RemoteIpCase ip) => ip is { Status: IpVerdictStatus.Malware, Origin: HitOrigin.Hunt, Pivoted: false };

    /// <summary>The Pivot machine over <paramref name="run"/>'s persisted state.</summary>
    public static StateMachine<PivotState, PivotTrigger> CreateMachine(PlaybookRun run, SectionContext? context = null)
    {
        var machine = new StateMachine<PivotState, PivotTrigger>(
            () => MachineTransitions.Parse<PivotState>(run.Pivot.State), s => run.Pivot.State = s.ToString());
        bool pending() => run.RemoteIps.Any(IsPending);
        machine.Configure(PivotState.Idle)
            .PermitIf(PivotTrigger.NextIpSelected, PivotState.CollectingIndicators, pending, "a C2 IP confirmed from the hunt is not pivoted yet")
            .PermitIf(PivotTrigger.AllIpsPivoted, PivotState.Completed, () => !pending(), "every hunt C2 IP is pivoted (pivot hits never are)");
        machine.Configure(PivotState.CollectingIndicators)
            .PermitIf(PivotTrigger.IndicatorsCollected, PivotState.AwaitingGo, () => run.Pivot.Indicators.Count > 0, "its pulses list IPv4 indicators")
            .PermitIf(PivotTrigger.IndicatorsCollected, PivotState.Idle, () => run.Pivot.Indicators.Count == 0, "its pulses list no IPv4 indicator");
        machine.Configure(PivotState.AwaitingGo)
            .Permit(PivotTrigger.RunPivot, PivotState.AttachingIndicators)
            .Permit(PivotTrigger.SkipPivot, PivotState.Idle);
        machine.Configure(PivotState.AttachingIndicators).Permit(PivotTrigger.IndicatorsAttached, PivotState.QueryingSiem);
        machine.Configure(PivotState.QueryingSiem).Permit(PivotTrigger.QueryCompleted, PivotState.Idle);
        return machine.RecordedBy(PlaybookSection.Pivot, context);
    }

    /// <inheritdoc />
    public StateMachineInfo Describe() => CreateMachine(new PlaybookRun()).GetInfo();

    /// <inheritdoc />
    public bool HasWork(PlaybookRun run) => run.Pivot.State != nameof(PivotState.Completed);

    /// <inheritdoc />
    public async Task StepAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var machine = CreateMachine(run, context);
        switch (machine.State)
        {
            case PivotState.Idle:
                var next = run.RemoteIps.FirstOrDefault(IsPending);
                run.Pivot.CurrentIp = next?.Ip;
                run.Pivot.Indicators = [];
                machine.Fire(next is null ? PivotTrigger.AllIpsPivoted : PivotTrigger.NextIpSelected);
                break;
            case PivotState.CollectingIndicators:
                await CollectAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(PivotTrigger.IndicatorsCollected);
                break;
            case PivotState.AwaitingGo:
                AskGo(context, machine);
                break;
            case PivotState.AttachingIndicators:
                await AttachAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(PivotTrigger.IndicatorsAttached);
                break;
            case PivotState.QueryingSiem:
                await QueryAsync(context, cancellationToken).ConfigureAwait(false);
                machine.Fire(PivotTrigger.QueryCompleted);
                break;
        }
    }

    /// <inheritdoc />
    public bool CanSkip(PlaybookRun run) =>
        MachineTransitions.Parse<PivotState>(run.Pivot.State) is PivotState.CollectingIndicators or PivotState.AttachingIndicators or PivotState.QueryingSiem;

    /// <inheritdoc />
    public void Skip(SectionContext context)
    {
        var run = context.Run;
        var machine = CreateMachine(run, context);
        var current = Current(run);
        switch (machine.State)
        {
            case PivotState.CollectingIndicators:
                current.Pivoted = true;
                run.Pivot.Indicators = [];
                run.Pivot.Records.RemoveAll(r => r.SourceIp == current.Ip);
                run.Pivot.Records.Add(new PivotRecord { SourceIp = current.Ip, Skipped = true });
                machine.Fire(PivotTrigger.IndicatorsCollected);
                break;
            case PivotState.AttachingIndicators:
                machine.Fire(PivotTrigger.IndicatorsAttached);
                break;
            case PivotState.QueryingSiem:
                current.Pivoted = true;
                CurrentRecord(run).Skipped = true;
                machine.Fire(PivotTrigger.QueryCompleted);
                break;
        }
        context.Notify(Id, NotificationKind.Progress, $"pivot:step-skipped:{current.Ip}:{machine.State}", $"Pivot step for {current.Ip} skipped after a failure");
    }

    /// <inheritdoc />
    public bool Answer(SectionContext context, SectionAnswer answer)
    {
        var machine = CreateMachine(context.Run, context);
        var trigger = answer.Trigger<PivotTrigger>();
        if (!machine.CanFire(trigger)) return false;
        if (trigger == PivotTrigger.SkipPivot)
        {
            var current = Current(context.Run);
            current.Pivoted = true;
            CurrentRecord(context.Run).Skipped = true;
            context.Notify(Id, NotificationKind.Progress, $"pivot:skipped:{current.Ip}", $"Pivot on {current.Ip} skipped by {answer.Names}");
        }
        machine.Fire(trigger);
        return true;
    }

    private async Task CollectAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var current = Current(run);
        var pulses = current.Intel?.Pulses ?? [];
        var ips = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pulse in pulses)
            foreach (var ip in await context.Ports.Intel.GetPulseIpv4IndicatorsAsync(pulse.Id, cancellationToken).ConfigureAwait(false))
                ips.Add(ip.ToString());
        run.Pivot.Indicators = [.. ips];
        run.Pivot.Records.RemoveAll(r => r.SourceIp == current.Ip);
        run.Pivot.Records.Add(new PivotRecord { SourceIp = current.Ip, PulseIds = pulses.Select(p => p.Id).ToList(), Ips = [.. ips] });
        if (ips.Count == 0)
        {
            current.Pivoted = true;
            context.Notify(Id, NotificationKind.Progress, $"pivot:none:{current.Ip}", $"No pivot for {current.Ip}",
                pulses.Count == 0 ? "Intel lists it in no pulse." : "Its pulses list no IPv4 indicator.");
        }
    }

    private void AskGo(SectionContext context, StateMachine<PivotState, PivotTrigger> machine)
    {
        var run = context.Run;
        var current = Current(run);
        var facts = new List<Fact>
        {
            new("C2 IP", current.Ip),
            new("IPv4 indicators", run.Pivot.Indicators.Count.ToString(CultureInfo.InvariantCulture)),
            new("Sample", string.Join(", ", run.Pivot.Indicators.Take(10))),
        };
        facts.AddRange((current.Intel?.Pulses ?? []).Take(5).Select(p => new Fact("Pulse", p.Name)));
        context.Ask(Id, PromptKind.Choice, $"Pivot on the pulses of {current.Ip}?", PromptOptions.From(machine.CanFire, AnalystTriggers),
            "The indicators are attached to the ticket as CSV and the SIEM is queried for them over the same window.", facts,
            suggestion: nameof(PivotTrigger.RunPivot));
    }

    private async Task AttachAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var current = Current(run);
        if (run.Ticket is null) return;
        var pulses = string.Join(" ", CurrentRecord(run).PulseIds);
        var csv = context.Ports.Csv.Write(["indicator", "type", "pivot_from", "pulse_ids"],
            run.Pivot.Indicators.Select(ip => (IReadOnlyList<string>)[ip, "IPv4", current.Ip, pulses]));
        await context.Ports.Ticketing.AttachAsync(run.Ticket.Id, new TicketAttachment($"pivot-{current.Ip}-ipv4.csv", "text/csv", csv),
            context.Key($"pivot-csv:{current.Ip}"), cancellationToken).ConfigureAwait(false);
        context.Record(TimelineEntryKind.Effect, Id, $"pivot-{current.Ip}-ipv4.csv attached to {run.Ticket.Id}");
    }

    private async Task QueryAsync(SectionContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var current = Current(run);
        var networks = run.Pivot.Indicators.Select(ip => { var a = IPAddress.Parse(ip); return new IPNetwork(a, a.GetAddressBytes().Length * 8); }).ToList();
        var result = await context.Ports.Siem.QueryAsync(
            new SiemQuery(networks, run.Settings.WindowFrom, run.Settings.WindowTo, QueryPurpose.Pivot), cancellationToken).ConfigureAwait(false);
        var known = run.RemoteIps.Select(r => r.Ip).ToHashSet();
        var fresh = result.Hits.Where(h => !known.Contains(h.RemoteIp)).Select(h => HitRecord.From(h, HitOrigin.Pivot, current.Ip)).ToList();
        run.Hits.AddRange(fresh);
        foreach (var ip in fresh.Select(h => h.RemoteIp).Distinct())
            run.RemoteIps.Add(new RemoteIpCase { Ip = ip, Origin = HitOrigin.Pivot });
        current.Pivoted = true;
        var record = CurrentRecord(run);
        record.Hits = fresh.Count;
        record.Coverage = result.Coverage;
        record.Gaps = QueryCoverage.Gaps(result.Coverage, run.Settings.WindowFrom, run.Settings.WindowTo,
            context.Options.CoverageTolerance, PlaybookSection.Pivot, $"Pivot on {current.Ip}");
        if (fresh.Count == 0)
            context.Notify(Id, NotificationKind.Finding, $"pivot:hits:{current.Ip}",
                record.Gaps.Count == 0 ? $"Pivot on {current.Ip}: no new hits" : $"Pivot on {current.Ip}: no new hits in what was examined — coverage has gaps",
                $"{run.Pivot.Indicators.Count} IPv4 indicators queried.",
                [new Fact("Examined", QueryCoverage.Summary(result.Coverage)), .. record.Gaps.Select(g => new Fact("Not examined", g.Text))]);
        else
            context.Notify(Id, NotificationKind.Finding, $"pivot:hits:{current.Ip}",
                $"Pivot on {current.Ip}: {fresh.Count} new hit(s) to {fresh.Select(h => h.RemoteIp).Distinct().Count()} IP(s)",
                "They go through Validation and Containment; they are not pivoted on again.", [new Fact("Indicators queried", run.Pivot.Indicators.Count.ToString(CultureInfo.InvariantCulture))],
                HitTables.Table(fresh), HitTables.Csv(fresh, context.Ports.Csv, $"{run.Id}-pivot-{current.Ip}-hits.csv"), broadcast: true);
    }

    private static RemoteIpCase Current(PlaybookRun run) =>
        run.FindRemoteIp(run.Pivot.CurrentIp ?? "") ?? throw new InvalidOperationException($"Run {run.Id}: no IP being pivoted on.");

    private static PivotRecord CurrentRecord(PlaybookRun run) =>
        run.Pivot.Records.LastOrDefault(r => r.SourceIp == run.Pivot.CurrentIp) ?? throw new InvalidOperationException($"Run {run.Id}: no pivot record.");
}
