using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Coverage;

/// <summary>
/// Every gap in a run's coverage: those its queries recorded when they ran, the steps analysts skipped, and the hits
/// dismissed while intel had nothing to say. A run without a confirmed incident closes clean only when this is empty.
/// </summary>
public static class RunCoverage
{
    /// <summary>The gaps of <paramref name="run"/>, hunt first, in the order they arose.</summary>
    public static IReadOnlyList<CoverageGap> Gaps(PlaybookRun run)
    {
        var gaps = new List<CoverageGap>(run.Hunt.Gaps);
        foreach (var pivot in run.Pivot.Records) gaps.AddRange(pivot.Gaps);
        foreach (var step in run.SkippedSteps)
            gaps.Add(new(step.Section, CoverageGapKind.StepSkipped,
                $"{SectionNames.Friendly(step.Section)}: the step \"{step.Step}\" failed and was skipped by {step.By}; its work was not done ({step.Error})."));
        // One gap for all of them: a triage can dismiss hundreds of feed IPs intel does not know (the report lists each).
        var silent = run.RemoteIps.Where(r => r.Status == IpVerdictStatus.NotMalicious && IntelSilent(r.Intel)).ToList();
        if (silent.Count == 1)
            gaps.Add(new(nameof(PlaybookSection.Validation), CoverageGapKind.NoIntel,
                $"Validation: intel had nothing to say about {silent[0].Ip} ({silent[0].Intel?.Source ?? "no lookup"}); it was dismissed by {silent[0].DecidedBy ?? "an analyst"} without evidence either way."));
        else if (silent.Count > 1)
            gaps.Add(new(nameof(PlaybookSection.Validation), CoverageGapKind.NoIntel,
                $"Validation: intel had nothing to say about {silent.Count.ToString(CultureInfo.InvariantCulture)} dismissed IPs ({CappedList.Join(IpOrder.Sort(silent.Select(r => r.Ip)), 10)}); they were dismissed without evidence either way."));
        return gaps;
    }

    /// <summary>True when intel gave no verdict at all: never looked up, skipped, or unknown to every source.</summary>
    public static bool IntelSilent(IpIntel? intel) => intel is null || intel.Verdict == Verdict.Unknown;

    /// <summary>
    /// The state a finished run ends in: <see cref="RunState.Inconclusive"/> when it has gaps and confirmed no incident
    /// (nothing found, but not everything was looked at); otherwise <see cref="RunState.Resolved"/> — a confirmed
    /// incident is resolved through the playbook, and its report lists the gaps.
    /// </summary>
    public static RunState FinalState(PlaybookRun run) =>
        run.Ticket is null && Gaps(run).Count > 0 ? RunState.Inconclusive : RunState.Resolved;
}
