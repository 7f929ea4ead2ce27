using System.Globalization;
using System.Text;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Teams.Cards;
using ChatOpsBot.Teams.Channel;

namespace ChatOpsBot.Teams.Activities;

/// <summary>
/// <c>c2hunt start|status|runs|resume|graph|help</c>. Returns the reply (Teams markdown; outside strings escaped).
/// Starting and resuming only queue work: the hunt runs in the background and talks through the channel.
/// </summary>
public sealed class CommandHandler(PlaybookEngine engine, IRunStore runs, IRunWorkQueue queue, TeamsActors actors, TeamsChatChannel channel)
{
    internal const string Help =
        "**C2 hunt bot** — commands:\n\n" +
        "- `c2hunt start [from to]` — start the Command and Control hunt (window as ISO-8601 times, default the last 24 h)\n" +
        "- `c2hunt status [run-id]` — where a run stands (default the latest)\n" +
        "- `c2hunt runs` — the latest runs\n" +
        "- `c2hunt resume <run-id>` — show a run's open question again and carry on\n" +
        "- `c2hunt graph <section> [mermaid|dot]` — a section's state machine (Hunt, Validation, Containment, Pivot, InitialCompromise, Closure)\n" +
        "- `c2hunt help` — this list";

    public async Task<string> HandleAsync(string text, Activity activity, CancellationToken cancellationToken)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (words.Count > 0 && string.Equals(words[0], "c2hunt", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        var verb = words.Count == 0 ? "help" : words[0].ToLowerInvariant();
        var args = words.Skip(1).ToList();
        return verb switch
        {
            "start" => await StartAsync(args, activity, cancellationToken).ConfigureAwait(false),
            "status" => await StatusAsync(args, cancellationToken).ConfigureAwait(false),
            "runs" => await ListAsync(cancellationToken).ConfigureAwait(false),
            "resume" => await ResumeAsync(args, cancellationToken).ConfigureAwait(false),
            "graph" => Graph(args),
            "help" => Help,
            _ => $"I don't know \"{TeamsText.Escape(TeamsText.Plain(verb, 40))}\".\n\n{Help}",
        };
    }

    private async Task<string> StartAsync(List<string> args, Activity activity, CancellationToken cancellationToken)
    {
        var settings = new RunSettings
        {
            Channel = TeamsChatChannel.ChannelName,
            ChannelAddress = activity.Conversation?.Id,
            StartedBy = actors.From(activity.From).Id,
        };
        if (args.Count is 1 or > 2) return "Give both ends of the window, e.g. `c2hunt start 2026-11-27T00:00Z 2026-11-28T00:00Z`, or neither.";
        if (args.Count == 2)
        {
            if (!TryTime(args[0], out var from) || !TryTime(args[1], out var to) || from >= to)
                return "The window must be two ISO-8601 times, the first before the second (e.g. `2026-11-27T00:00Z 2026-11-28T00:00Z`).";
            settings.WindowFrom = from;
            settings.WindowTo = to;
        }
        var run = await engine.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        await queue.EnqueueAdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
        return $"Started run **{run.Id}** over {PromptCards.Time(run.Settings.WindowFrom)} → {PromptCards.Time(run.Settings.WindowTo)}. " +
               "Questions come here; findings go to the SOC channel.";
    }

    private async Task<string> StatusAsync(List<string> args, CancellationToken cancellationToken)
    {
        var runId = args.FirstOrDefault() ?? (await runs.ListAsync(1, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.Id;
        if (runId is null) return "No runs yet. Start one with `c2hunt start`.";
        var run = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null) return $"There is no run {TeamsText.Escape(runId)}.";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Run **{run.Id}**: {run.State}, started {PromptCards.Time(run.CreatedAt)}, updated {PromptCards.Time(run.UpdatedAt)}.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Hits: {run.Hits.Count}; remote IPs: {run.RemoteIps.Count}; compromised hosts: {run.Hosts.Count}\n");
        if (run.Ticket is { } ticket) sb.Append(CultureInfo.InvariantCulture, $"- Incident ticket: {TeamsText.Escape(ticket.Id)}\n");
        if (run.Prompt is { } prompt) sb.Append(CultureInfo.InvariantCulture, $"- Waiting for: {TeamsText.Escape(prompt.Title)} ({prompt.Section})\n");
        return sb.ToString().TrimEnd();
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var list = await runs.ListAsync(10, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0) return "No runs yet. Start one with `c2hunt start`.";
        return "Latest runs:\n\n" + string.Join("\n", list.Select(r =>
            $"- **{r.Id}** — {r.State}, {TeamsText.Escape(r.Section)}, started {PromptCards.Time(r.CreatedAt)}"));
    }

    private async Task<string> ResumeAsync(List<string> args, CancellationToken cancellationToken)
    {
        if (args.Count != 1) return "Which run? `c2hunt resume <run-id>` (see `c2hunt runs`).";
        var run = await runs.FindAsync(args[0], cancellationToken).ConfigureAwait(false);
        if (run is null) return $"There is no run {TeamsText.Escape(args[0])}.";
        if (run.Settings.Channel != TeamsChatChannel.ChannelName)
            return $"Run {run.Id} belongs to the {TeamsText.Escape(run.Settings.Channel)} channel; resume it there.";
        if (run.State.IsFinished()) return $"Run {run.Id} is {run.State}; nothing to resume.";
        if (run.Prompt is { } prompt) await channel.RepostAsync(prompt, cancellationToken).ConfigureAwait(false);
        await queue.EnqueueAdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
        return $"Resuming run **{run.Id}**.";
    }

    private string Graph(List<string> args)
    {
        if (args.Count == 0 || !Enum.TryParse<PlaybookSection>(args[0], ignoreCase: true, out var section) || !Enum.IsDefined(section))
            return $"Which section? One of: {string.Join(", ", Enum.GetNames<PlaybookSection>())}.";
        var format = args.Count > 1 ? args[1].ToLowerInvariant() : "mermaid";
        if (format is not ("mermaid" or "dot")) return "The format is `mermaid` or `dot`.";
        return $"{section} ({format}):\n\n```\n{PlaybookGraphs.Render(engine.Sections[section], format)}\n```";
    }

    private static bool TryTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
