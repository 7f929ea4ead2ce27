using System.Globalization;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Conversation;

/// <summary>Builds a run's <see cref="RunStatusView"/> from the persisted run, the same for every channel.</summary>
public static class RunStatusViews
{
    /// <summary>
    /// The status card of <paramref name="run"/>; <paramref name="activity"/> is the latest progress (what the bot is
    /// doing), shown while no prompt is open, so the card never ends on a note that no longer holds.
    /// </summary>
    public static RunStatusView Build(PlaybookRun run, string? activity = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var section = RunSections.Current(run);
        var friendly = section == RunSections.Done ? RunSections.Done : SectionNames.Friendly(section);
        // Every section done but the run not yet marked: the closing summary is being delivered before the final save.
        var state = run.State is RunState.Running or RunState.AwaitingAnswer && section == RunSections.Done && run.Prompt is null
            ? RunCoverage.FinalState(run) : run.State;
        var finished = state is RunState.Resolved or RunState.Inconclusive or RunState.Abandoned;
        var prompt = finished ? null : run.Prompt;
        return new RunStatusView
        {
            RunId = run.Id,
            Title = finished ? $"C2 hunt · {StateText(state)}" : $"C2 hunt · {friendly}",
            Section = friendly,
            State = StateText(prompt is null && state == RunState.AwaitingAnswer ? RunState.Running : state),
            Window = $"{run.Settings.WindowFrom.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z → {run.Settings.WindowTo.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z",
            Hits = run.Hits.Count,
            Confirmed = run.RemoteIps.Count(r => r.Status == IpVerdictStatus.Malware),
            PendingVerdicts = run.RemoteIps.Count(r => r.Status == IpVerdictStatus.Pending),
            Contained = run.Hosts.Count(h => h.Status == HostStatus.Contained),
            Hosts = run.Hosts.Count,
            Ticket = run.Ticket?.Id,
            WaitingFor = prompt?.Title,
            WaitingOn = prompt is null ? null : WhoMayAnswer(prompt),
            Activity = prompt is null && !finished && !string.IsNullOrWhiteSpace(activity) ? activity : null,
            StartedBy = run.Settings.StartedBy,
            Finished = finished,
        };
    }

    /// <summary>Who may answer <paramref name="prompt"/>: approvers when every option needs one, else any analyst.</summary>
    public static string WhoMayAnswer(Dialog.Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Options.Count == 0 || !prompt.Options.All(o => o.RequiresApprover)) return "any analyst";
        var needed = prompt.Options.Max(o => o.RequiredApprovals);
        if (needed <= 1) return "an approver";
        var so = prompt.Approvals.Select(a => a.Actor.Id).Distinct(StringComparer.Ordinal).Count();
        return $"{needed.ToString(CultureInfo.InvariantCulture)} approvers ({so.ToString(CultureInfo.InvariantCulture)} so far)";
    }

    private static string StateText(RunState state) => state switch
    {
        RunState.Running => "running",
        RunState.AwaitingAnswer => "waiting for an answer",
        RunState.Resolved => "resolved",
        RunState.Inconclusive => "inconclusive",
        RunState.Abandoned => "cancelled",
        _ => state.ToString(),
    };
}
